"""`python -m linter` runs the factlint command line (useful where console scripts are not on PATH)."""

from linter.main import main

main()
