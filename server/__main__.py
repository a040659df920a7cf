"""`python -m server`: the same command as `factlint serve`, for when the CLI is not installed."""

from server.cli import serve

if __name__ == "__main__":
    serve(prog_name="python -m server")
