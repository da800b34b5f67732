"""The PDF of the whole handbook: mkdocs-to-pdf configured from the municipality's data.

mkdocs-to-pdf is the maintained continuation of mkdocs-with-pdf (same options, WeasyPrint).
Its cover and print stylesheet are ours (``pdf-templates/``; not under the theme's
``overrides/``, which MkDocs would copy into the site): Danish, with the municipality, the
title and the revision instead of placeholders.

The plugin is not listed under ``plugins:`` in mkdocs.yml: MkDocs imports every listed
plugin's class, and mkdocs-to-pdf's imports WeasyPrint, which an HTML-only build (``PDF=false``,
``./run serve``) has no use for. ``extra.pdf`` holds its fixed options and ``enable`` adds it
(``pdf_plugin.py``) when the PDF is on. Nothing here imports WeasyPrint.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

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


def wanted(config) -> bool:
    """Whether this build writes the PDFs: ``extra.pdf.enabled`` (``PDF``, default on)."""
    options = config["extra"].get("pdf") or {}
    return bool(options.get("enabled", True))


def options(config, book: "Handbook") -> dict:
    """mkdocs-to-pdf's options: the fixed ones from ``extra.pdf``, the rest from the data."""
    kommune = book.kommune
    fixed = {k: v for k, v in (config["extra"].get("pdf") or {}).items() if k != "enabled"}
    return {
        **fixed,
        "output_path": handbook_pdf_path(book),
        "cover_title": kommune.titel,
        "cover_subtitle": kommune.undertitel or (kommune.enhed or ""),
        "author": kommune.navn,
        "copyright": book.revision_label,
        "toc_title": "Indholdsfortegnelse",
        "custom_template_path": str(TEMPLATES),
        "metadata": {
            "description": f"{kommune.titel} — {book.revision_label}",
            "keywords": "SSP, kriminalitetsforebyggelse, " + kommune.navn,
        },
    }


def cover_texts(book: "Handbook") -> dict[str, str]:
    """The cover's texts, escaped once more than usual: mkdocs-to-pdf HTML-unescapes every
    template variable once, so "&amp;" in the data would print as "&"; this way they come
    out as typed. The running footer takes its text from the cover (styles.scss), so it is
    literal too — no data is ever put into a CSS string."""
    kommune = book.kommune
    return {key: html.escape(value) for key, value in {
        "kommune": kommune.navn, "titel": kommune.titel,
        "undertitel": kommune.undertitel or kommune.enhed or "",
        "revision": book.revision_label}.items()}


def configure(config, book: "Handbook", fork: bool = True) -> None:
    """Add the PDF plugin with options from the data when the PDF is on (before the plugins
    read the config); an HTML-only build never imports it. ``fork``: the PDF may be drawn
    in a forked process (not while serving)."""
    config.extra["ssp_forside"] = cover_texts(book)
    if not wanted(config):
        return
    from . import pdf_plugin

    pdf_plugin.enable(config, PLUGIN, options(config, book), fork=fork)


def inject_link(output_content, pdf_path, page, logger):
    """mkdocs-to-pdf's event hook: no PDF button of its own on every page (it re-parsed each
    whole page for it, a quarter of a full build). The handbook's PDF link is ours: the front
    page's download button and the footer (``overrides/partials/copyright.html``)."""
    return output_content
