"""`factlint crawl`: lint web archives (WARC) and folders of documents on Dask.

Importing this package is cheap on purpose: `linter.crawl.adapter` (the engine seam, also used by
`linter.lsp`) needs no Dask; only `linter.crawl.job` and `linter.crawl.command` import it.
"""
