"""SSP-håndbogen: data → validated model → Markdown pages → MkDocs site and PDFs.

The README's "How it is built" names every module in the order data flows through them:
files (``loading``) → model (``fields``, ``model``) → checks (``validation``, ``refs``,
``checks``) → the handbook (``handbook``, ``workload``) → pages (``pages``, ``links``,
``render``, ``wording``, ``figures``, ``templating``) → MkDocs (``hooks``, ``main``) and the
PDFs (``pdf``, ``pixi``).
"""
