"""MkDocs hooks: choose the municipality, validate its data, add the generated pages and nav.

Loaded by MkDocs from ``mkdocs.yml`` (``hooks:``). Validation runs in ``on_config``, before
MkDocs cleans the site directory, and ``mkdocs build`` writes into a staging folder that
replaces the site only when everything succeeded (``publish.py``): a failed build never
touches the last good site.
"""

from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path
from types import SimpleNamespace

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent

_MODULES = ("author_macros", "cms_admin", "errors", "figures", "handbook", "pages", "pdf",
            "pdf_cache", "pdf_messages", "pixi", "preview", "publish", "render", "safety",
            "settings", "version")
_staged = None  # publish.StagedSite during `mkdocs build`
_serving = False  # `mkdocs serve`: rebuilds reuse unchanged pages (preview.py)
_code: tuple | None = None  # the macros/ files the imported generator was loaded from
_pixi = None  # pixi.InBackground: the guide being drawn while a build with PDFs goes on


def _code_fingerprint() -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in (ROOT / "macros").rglob("*")
                        if p.is_file() and p.suffix in (".py", ".j2")))


def _generator(fresh: bool = False) -> SimpleNamespace:
    """The generator's modules. MkDocs loads this hook file once per process, so for
    `mkdocs serve` to pick up an edit under macros/, a build (``fresh``) imports them anew
    when a file there changed, and only then: unchanged code keeps its caches (the
    validated handbook, the drawn diagrams) from one preview build to the next."""
    global _code
    if str(ROOT) not in sys.path:  # MkDocs restores sys.path after loading this file
        sys.path.insert(0, str(ROOT))
    if fresh and _code != (code := _code_fingerprint()):
        for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
            del sys.modules[name]
        _code = code
    return SimpleNamespace(**{m: importlib.import_module(f"macros.{m}") for m in _MODULES})


#: Python's cyclic garbage collector during `mkdocs build`: a collection after every 100,000
#: new objects instead of every 700. A build makes millions of short-lived objects (pages,
#: soups, layout boxes) that reference counting frees; the default ran 765 collections for
#: Herning. With these, 17, and a synthetic municipality 5 times Herning's size builds in
#: 69.6 s instead of 76.5 s at the same peak memory (1.47 GB). Put back when the build ends.
BUILD_GC_THRESHOLDS = (100_000, 50, 1000)
_gc_thresholds: tuple | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Only a real `mkdocs build` is staged (`serve` builds into a temporary folder anyway);
    it runs with ``BUILD_GC_THRESHOLDS``."""
    global _staged, _serving, _gc_thresholds
    _staged = _generator().publish.StagedSite() if command == "build" and not dirty else None
    _serving = command == "serve"
    if command == "build":
        _gc_thresholds = gc.get_threshold()
        gc.set_threshold(*BUILD_GC_THRESHOLDS)


def on_shutdown() -> None:
    global _gc_thresholds
    if _gc_thresholds is not None:
        gc.set_threshold(*_gc_thresholds)
        _gc_thresholds = None


def on_serve(server, config: MkDocsConfig, builder):
    """The preview notices a saved file under data/ and macros/ (watched after this event)
    within a tenth of a second instead of MkDocs' half second; data kept elsewhere
    (``SSP_DATA``) is watched too."""
    data_root = _generator().settings.data_root(config)
    if data_root.is_dir():
        server.watch(str(data_root))
    if getattr(server, "observer", None) is not None and hasattr(server.observer, "_timeout"):
        server.observer._timeout = min(server.observer.timeout, 0.1)
    return server


def _load(config: MkDocsConfig, gen: SimpleNamespace):
    try:
        return gen.handbook.load(gen.settings.data_root(config), gen.settings.kommune_id(config))
    except gen.errors.DataError as error:
        raise PluginError(f"SSP-håndbogen kan ikke bygges. {error}") from None


@event_priority(100)  # before the macros and PDF plugins read the config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the municipality's data and set title, navigation, footer and PDF options."""
    gen = _generator(fresh=True)
    book = _load(config, gen)
    kommune = book.kommune
    _cache_templates(config.theme)
    config.site_name = gen.render.html_title(kommune.titel)
    if kommune.adresse:
        config.site_url = kommune.adresse
    config.nav = gen.pages.navigation(book)
    config.extra["ssp"] = {
        "kommune": kommune.navn,
        "revision": book.revision_label,
        "tilgaengelighed": kommune.tilgaengelighedserklaering,
        "pdf": gen.pdf.handbook_pdf_path(book),
        # Which build is this: the generator's commit, in every page's footer (and 404.html).
        "version": gen.version.generator_version(),
    }
    gen.pdf.configure(config, book, fork=not _serving)
    gen.pdf_messages.install(book)
    _draw_pixi(config, gen, book)
    if _staged is not None:
        _staged.start(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add one generated page per record and section, rendered from the records."""
    gen = _generator()
    book = _load(config, gen)
    gen.author_macros.ERRORS.clear()
    for page in gen.pages.generate(book):
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} findes allerede; siden genereres fra data, "
                              "så filen skal fjernes fra docs/.")
        links = gen.pages.links(book, page.path, directory_urls=config.use_directory_urls)
        try:
            markdown = page.render(links)
        except gen.figures.FigureError as error:
            raise PluginError(f"SSP-håndbogen kan ikke bygges: {error}") from None
        files.append(File.generated(config, page.path, content=markdown))
    if gen.cms_admin.wanted():
        _add_editor(files, config, gen, book)
    if _serving:
        gen.preview.CACHE.start(config, files)
    return files


def _add_editor(files: Files, config: MkDocsConfig, gen: SimpleNamespace, book) -> None:
    """The form editor at /admin/ (only when asked for: SSP_REDIGER=1)."""
    try:
        found = gen.cms_admin.files(gen.settings.kommune_id(config), gen.settings.data_root(config),
                                    Path(config.config_file_path).parent, book.kommune.redigering)
    except gen.cms_admin.EditorMissing as error:
        raise PluginError(f"SSP-håndbogen kan ikke bygges: {error}") from None
    for path, source in found.items():
        if isinstance(source, str):
            files.append(File.generated(config, path, content=source))
        else:
            files.append(File.generated(config, path, abs_src_path=str(source)))


@event_priority(-100)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """Stop the build with the error a macro met on this page (see main.py); in the preview,
    reuse the HTML of Markdown that did not change (preview.py)."""
    gen = _generator()
    errors = [message for where, message in gen.author_macros.ERRORS
              if where == page.file.src_uri]
    if errors:
        raise PluginError(f"SSP-håndbogen kan ikke bygges: {page.file.src_uri}: {errors[0]}")
    if _serving:
        gen.preview.CACHE.render_from_cache(page, markdown, files)
    return markdown


@event_priority(100)  # the HTML as Markdown made it, before other plugins change it
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Publish nothing unsafe: the page's HTML, as Markdown made it, is judged (safety.py)."""
    gen = _generator()
    if not (_serving and gen.preview.CACHE.reused_html(page)):
        problems = gen.safety.html_problems(html)
        if problems:
            raise PluginError(f"SSP-håndbogen udgives ikke: siden {page.file.src_uri} ville "
                              f"indeholde {problems[0]}. Ret teksten i data, så den ikke gør det.")
    if _serving:
        gen.preview.CACHE.rendered(page)
    return html


def _draw_pixi(config: MkDocsConfig, gen: SimpleNamespace, book) -> None:
    """Start drawing the pixi guide (when PDFs are on) in the background: it is laid out
    while the pages are made, and put in the site by ``on_env``."""
    global _pixi
    _stop_pixi()
    if gen.pdf.PLUGIN in config.plugins:
        cache = gen.pdf_cache.PdfCache.for_project(Path(config.config_file_path).parent)
        _pixi = gen.pixi.InBackground(book, cache, fork=not _serving)


def _stop_pixi() -> None:
    global _pixi
    if _pixi is not None:
        _pixi.cancel()
        _pixi = None


@event_priority(-50)  # after the PDFs, before the staged site is swapped in
def on_post_build(config: MkDocsConfig) -> None:
    """Close the preview's bookkeeping of this build, then publish the staged site."""
    gen = _generator()
    if _serving:
        gen.preview.CACHE.finish(gen.preview.warnings_so_far())
    if _staged is not None:
        _staged.finish(config)


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory for the next build of this process.
    MkDocs makes a new Jinja environment for every build, which compiled Material's
    templates again on every preview rebuild; Jinja checks each template's source checksum,
    so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_templates = _CompiledTemplates()


def _cache_templates(theme) -> None:
    """Every Jinja environment the theme makes (MkDocs and Material's search plugin make new
    ones every build) shares the compiled templates; while serving, also the list of the
    theme's files, which MkDocs reads anew from Material's thousands of icons every build."""
    make = type(theme).get_env

    def get_env() -> jinja2.Environment:
        env = make(theme)
        env.bytecode_cache = _templates
        if _serving:
            _generator().preview.CACHE.template_list(env, theme.dirs)
        return env

    theme.get_env = get_env


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Put the pixi guide in the site (when PDFs are on): it was drawn while the pages were
    read, and a guide that is too long stops the build here, before the pages are rendered
    and the handbook is laid out."""
    global _pixi
    gen = _generator()
    if _pixi is not None:
        pixi, _pixi = _pixi, None
        try:
            pixi.into(Path(config.site_dir))
        except gen.pixi.PixiTooLong as error:
            raise PluginError(str(error)) from None
    if _serving:
        gen.preview.CACHE.templates(env)
        gen.preview.CACHE.search(config)
    return env


def on_build_error(error: Exception) -> None:
    _stop_pixi()
    if _serving:
        _generator().preview.CACHE.finish(warnings=1)
    if _staged is not None:
        _staged.abandon()
