"""Annotate: one pass of shared analysis per document (sentences, mentions, dates, numbers, quotes)."""
