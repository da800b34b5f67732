"""The mkdocs-macros entry point: the macros authors write in free pages (``author_macros.py``).

Generated pages are Markdown rendered from the records and are not templates
(``render_macros: false``); the municipality's free pages under ``data/<kommune>/sider/`` are,
and ``check`` has made sure they call only these macros with ids that exist. An error inside a
macro does not end the process (mkdocs-macros would exit with code 100 and skip the clean-up):
it is kept, and the hooks stop the build with it once the page is rendered.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import author_macros, handbook, pages  # noqa: E402
from macros.settings import data_root, kommune_id  # noqa: E402

def define_env(env) -> None:
    """Register every author macro; the data was validated by the hooks already."""
    book = handbook.load(data_root(env.conf), kommune_id(env.conf))

    def make(macro: author_macros.AuthorMacro):
        def call(*ids: str) -> str:
            page = env.page.file.src_uri
            try:
                links = pages.links(book, page, directory_urls=env.conf["use_directory_urls"])
                return macro.render(links, *ids)
            except Exception as error:  # reported by the hooks with the page's name
                author_macros.ERRORS.append((page, f"makroen {macro.name} fejlede: {error}"))
                return ""

        call.__name__ = macro.name
        call.__doc__ = macro.beskrivelse
        return call

    for macro in author_macros.MACROS.values():
        env.macro(make(macro), macro.name)
