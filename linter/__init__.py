"""factlint: lint article text against a canonical fact sheet."""

__version__ = "0.1.0"
