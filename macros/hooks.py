"""MkDocs hooks: choose the municipality, validate its data, add the generated pages and nav.

Loaded by MkDocs from ``mkdocs.yml`` (``hooks:``). Validation runs in ``on_config``, before
MkDocs cleans the site directory, and ``mkdocs build`` writes into a staging folder that
replaces the site only when everything succeeded (``publish.py``): a failed build never
touches the last good site.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# `mkdocs serve` loads this file again on every rebuild: drop our cached modules so an edit
# under macros/ takes effect without restarting the server.
for _name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
    del sys.modules[_name]

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import handbook, pages, pdf, publish  # noqa: E402
from macros.errors import DataError  # noqa: E402
from macros.settings import data_root, kommune_id  # noqa: E402


_staged: publish.StagedSite | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Only a real `mkdocs build` is staged (`serve` builds into a temporary folder anyway)."""
    global _staged
    _staged = publish.StagedSite() if command == "build" and not dirty else None


def _load(config: MkDocsConfig) -> handbook.Handbook:
    try:
        return handbook.load(data_root(config), kommune_id(config))
    except DataError as error:
        raise PluginError(f"SSP-håndbogen kan ikke bygges. {error}") from None


@event_priority(100)  # before the macros and PDF plugins read the config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the municipality's data and set title, navigation, footer and PDF options."""
    book = _load(config)
    kommune = book.kommune
    config.site_name = html.escape(kommune.titel, quote=False)
    if kommune.adresse:
        config.site_url = kommune.adresse
    config.nav = pages.navigation(book)
    config.extra["ssp"] = {
        "kommune": kommune.navn,
        "revision": book.revision.tekst,
        "tilgaengelighed": kommune.tilgaengelighedserklaering,
        "pdf": pdf.handbook_pdf_path(book),
    }
    pdf.configure(config, book)
    if _staged is not None:
        _staged.start(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add one generated page per record and section."""
    book = _load(config)
    for spec in pages.generate(book):
        existing = files.get_file_from_path(spec.path)
        if existing is not None:
            raise PluginError(f"docs/{spec.path} findes allerede; siden genereres fra data, "
                              "så filen skal fjernes fra docs/.")
        files.append(File.generated(config, spec.path, content=spec.markdown))
    return files


@event_priority(-100)  # after the PDF plugin has written its files
def on_post_build(config: MkDocsConfig) -> None:
    if _staged is not None:
        _staged.finish(config)


def on_build_error(error: Exception) -> None:
    if _staged is not None:
        _staged.abandon()
