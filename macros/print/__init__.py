"""The print view: PDFs built from the catalogue and the pages' HTML, never from the themed site.

    render.py    print HTML documents from the model (worksheets, waaier, book, course packs)
    book.py      the handbook's chapters from the rendered site pages (in-book links)
    jobs.py      the list of PDF jobs for a catalogue (add new kinds of PDF here)
    pdf.py       one job rendered by WeasyPrint, in a worker process
    cache.py     PDFs by content hash, so a rebuild renders only what changed
    rendering.py many jobs over worker processes (one pool per serve session), one line each
    downloads.py the Downloads page: every PDF with its size
    publish.py   all of the above for one site build (the build object calls it)
"""
