"""Print pipeline after render_print.py: which PDFs a site has, rendering them with a cache, and
linking them from the site.

    outputs.py   where each PDF lives in the built site; links to it from a web page
    book.py      the handbook's chapters from the rendered site pages (in-book links)
    jobs.py      the list of PDF jobs for a catalogue (add new kinds of PDF here)
    build.py     render one job with WeasyPrint; the content-hash cache
    rendering.py many jobs over worker processes (one pool per serve session), one line each
    downloads.py the Downloads page: every PDF with its size
    publish.py   all of the above for one site build (called by the MkDocs adapter)

Kept free of heavy imports so render_web can use outputs.py cheaply.
"""
