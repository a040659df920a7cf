"""`factlint lsp`: findings as editor diagnostics, safe fixes as code actions, facts on hover.

Importing this package is cheap; only `linter.lsp.server` imports pygls.
"""
