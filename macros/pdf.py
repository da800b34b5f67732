"""The PDF of the whole handbook: mkdocs-to-pdf configured from the municipality's data.

mkdocs-to-pdf is the maintained continuation of mkdocs-with-pdf (same options, WeasyPrint).
Its cover and print stylesheet are ours (``pdf-templates/``; not under the theme's
``overrides/``, which MkDocs would copy into the site): Danish, with the municipality, the
title and the revision instead of placeholders.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

import weasyprint
from mkdocs_to_pdf.themes.material import inject_link_download

if TYPE_CHECKING:
    from .handbook import Handbook

TEMPLATES = Path(__file__).resolve().parent.parent / "pdf-templates"
PLUGIN = "to-pdf"


def handbook_pdf_path(book: "Handbook") -> str:
    """Where the handbook PDF is written, relative to the site root."""
    return f"pdf/{book.kommune.id}-ssp-haandbog.pdf"


def pixi_pdf_path(book: "Handbook") -> str:
    """Where the pixi guide PDF is written, relative to the site root."""
    return f"pdf/{book.kommune.id}-pixi-guide.pdf"


def configure(config, book: "Handbook") -> None:
    """Fill the PDF plugin's options from the data (before the plugin reads them)."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        return
    kommune = book.kommune
    plugin.config.update({
        "output_path": handbook_pdf_path(book),
        "cover_title": kommune.titel,
        "cover_subtitle": kommune.undertitel or (kommune.enhed or ""),
        "author": kommune.navn,
        "copyright": book.revision_label,
        "toc_title": "Indholdsfortegnelse",
        "custom_template_path": str(TEMPLATES),
    })
    # mkdocs-to-pdf HTML-unescapes every template variable once, so "&amp;" in the data would
    # print as "&": the cover's texts reach it escaped once more and come out as typed. The
    # running footer takes its text from the cover (styles.scss), so it is literal too.
    config.extra["ssp_forside"] = {key: html.escape(value) for key, value in {
        "kommune": kommune.navn, "titel": kommune.titel,
        "undertitel": kommune.undertitel or kommune.enhed or "",
        "revision": book.revision_label}.items()}
    plugin.config["metadata"]["description"] = f"{kommune.titel} — {book.revision_label}"
    # Tagged PDF (structure for screen readers). mkdocs-to-pdf does not pass WeasyPrint's
    # options through, so switch the option on in WeasyPrint's defaults for this process.
    weasyprint.DEFAULT_OPTIONS["pdf_tags"] = True
    plugin.config["metadata"]["keywords"] = "SSP, kriminalitetsforebyggelse, " + kommune.navn




def pre_pdf_render(soup, logger):
    """mkdocs-to-pdf's event hook (loaded via ``pdf_event_hook.py``): the combined document
    gets ``lang="da"``, so the PDF records Danish as its language and can be tagged."""
    soup.html["lang"] = "da"
    return soup


def inject_link(html: str, href: str, page, logger) -> str:
    """mkdocs-to-pdf's event hook for its PDF link: the button in the header, but not its
    ``<link rel="alternate" href="pdf/….pdf">`` in the head. Material takes every alternate
    link for another language's version of the site and fetches ``sitemap.xml`` beside it:
    a request for ``pdf/sitemap.xml`` that failed (404) on every page."""
    return inject_link_download(html, href, page, logger)
