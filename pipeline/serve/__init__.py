"""serve: the web page of ``gongwen serve`` (issue 19), for people who never open a terminal.

Paste a text or drop files, see the document's pages as they will print, see what was
removed and why, put back what was wrongly removed with a click, download DOCX, PDF and
JSON.  :mod:`pipeline.serve.app` is the ASGI app (starlette), :mod:`pipeline.serve.work`
what it works on (conversions, corrections, rendering, caches), :mod:`pipeline.serve.view`
what the page shows, :mod:`pipeline.serve.form` what the form sends.
"""
