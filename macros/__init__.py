"""SSP-håndbogen: data → validated model → Markdown pages → MkDocs site and PDFs.

Modules, in the order data flows through them:

- ``loading``   reads the YAML files of one municipality, keeping line numbers;
- ``model``     the data model (pydantic) with Danish field descriptions;
- ``checks``    cross-reference and content checks the model cannot express;
- ``errors``    turns every problem into one Danish line: file, line, what, expected;
- ``handbook``  the validated, indexed handbook (lookups and derived facts);
- ``render``    escaping and small Markdown builders (tables, links, lists);
- ``pages``     one generator per page type: which pages exist and their Markdown;
- ``pdf``       configures the PDF plugin from the municipality's data;
- ``hooks``     MkDocs hooks: choose the municipality, add pages and navigation;
- ``main``      the mkdocs-macros entry point: the macros the pages call;
- ``cli``       ``python -m macros.cli check``: validate without building.
"""
