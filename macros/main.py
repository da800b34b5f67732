"""The mkdocs-macros entry point: the macros the generated pages call.

Each macro renders one block of a page from the validated records (see ``content.Blocks``),
with links made relative to the page being rendered.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import content, handbook  # noqa: E402
from macros.settings import data_root, kommune_id  # noqa: E402

MACROS = ("forside", "side", "niveauer", "organisering", "fora_oversigt", "forum",
          "deltagertabel", "roller_oversigt", "rolle", "deltager_i", "lovgrundlag",
          "bilag_oversigt", "bilag", "distrikter", "aarshjul", "modsigelser", "pixi", "historik")


def define_env(env) -> None:
    """Register one macro per content block; the data was validated by the hooks already."""
    book = handbook.load(data_root(env.conf), kommune_id(env.conf))

    def make(name: str):
        def macro(*ids: str) -> str:
            blocks = content.Blocks(book, env.page.file.src_uri)
            return getattr(blocks, name)(*ids)

        macro.__name__ = name
        return macro

    for name in MACROS:
        env.macro(make(name), name)
