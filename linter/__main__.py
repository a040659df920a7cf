"""`python -m linter` runs the factlint command line (useful where console scripts are not on PATH)."""

from linter.cli import main

main()
