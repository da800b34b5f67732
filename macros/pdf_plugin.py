"""mkdocs-to-pdf as the handbook needs it: added only when the PDF is on, fed each page's
article instead of the whole themed page, and rendered through the PDF cache.

Imported only by ``pdf.configure`` when a build writes PDFs: mkdocs-to-pdf imports WeasyPrint.

- **Article only.** mkdocs-to-pdf collects each page by parsing the whole page Material wrote,
  navigation included, with BeautifulSoup; the navigation lists every page, so that work grew
  with the square of the page count. It only keeps the ``<article>`` (and the first page's
  ``<head>`` for the stylesheets), so it is handed just those; what it keeps is the same.
  It deep-copies the article out of its parse tree (``clone_element``) so the page's tree is
  left whole; the tree parsed here is thrown away, so the article itself is kept instead.
- **No per-page PDF button**: ``pdf.inject_link`` (its event hook) leaves pages as they are.
- **Cached, tagged rendering.** The plugin hands the combined HTML to a renderer object when
  one is set (``relaxed_js``, its slot for an external renderer, which is also what makes it
  skip its own WeasyPrint call); ours is ``pdf_cache.CachedPdf``, which renders with
  WeasyPrint's ``pdf_tags`` for this document only and reuses a PDF whose input is unchanged.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs_to_pdf import generator
from mkdocs_to_pdf.generator import Generator
from mkdocs_to_pdf.plugin import WithPdfPlugin
from mkdocs_to_pdf.utils.metadata_util import prepend_producer

from .pdf_cache import CachedPdf, PdfCache


def _article_only(output_content: str, with_head: bool) -> str:
    """The parts of a themed page mkdocs-to-pdf keeps: the article (and the head, once)."""
    start = output_content.find("<article")
    end = output_content.rfind("</article>")
    if start < 0 or end < start:
        return output_content  # not a Material page: let the plugin read all of it
    head = ""
    if with_head:
        head_start, head_end = output_content.find("<head"), output_content.find("</head>")
        head = output_content[head_start:head_end + len("</head>")] if head_start >= 0 else ""
    article = output_content[start:end + len("</article>")]
    return f"<!doctype html><html>{head or '<head></head>'}<body>{article}</body></html>"


@contextmanager
def _articles_kept_not_copied():
    """mkdocs-to-pdf keeps the article it found instead of a deep copy of it (Herning: 0.25 s
    of copying, for 111 trees that are thrown away)."""
    clone, generator.clone_element = generator.clone_element, lambda element: element
    try:
        yield
    finally:
        generator.clone_element = clone


class ArticleGenerator(Generator):
    def on_post_page(self, output_content, page, pdf_path):
        with _articles_kept_not_copied():
            super().on_post_page(_article_only(output_content, self._head is None), page,
                                 pdf_path)
        return output_content  # the page itself is not touched


class HandbookPdfPlugin(WithPdfPlugin):
    fork = True  # draw the PDF in a forked process (pdf_cache.CachedPdf)

    def on_config(self, config) -> None:
        super().on_config(config)
        if self.generator is None:
            return
        self.generator = ArticleGenerator(options=self._options)
        self._options.relaxed_js = CachedPdf(
            PdfCache.for_project(Path(config.config_file_path).parent),
            site_dir=lambda: Path(config.site_dir), finisher=prepend_producer, fork=self.fork)


def enable(config, name: str, options: dict, fork: bool = True) -> None:
    """Add the plugin to this build's plugins with ``options`` and run its ``on_config``."""
    plugin = HandbookPdfPlugin()
    plugin.fork = fork
    errors, _warnings = plugin.load_config(options, config.config_file_path)
    if errors:
        raise PluginError(f"PDF-indstillinger: {errors}")
    config.plugins[name] = plugin  # registers its events for the rest of the build
    # Its on_config runs now, with the options set, not when MkDocs' loop gets to it.
    config.plugins.events["config"].remove(plugin.on_config)
    plugin.on_config(config)
