"""`mkdocs serve`: a rebuild renders again only the pages whose input changed.

After an editor saves a YAML file, MkDocs builds the whole site again. Most pages come out
the same, so two steps are remembered from the previous build of the same process, each
under a key made of everything the step reads:

- **Markdown → HTML** (``Page.render``): the page's Markdown after the macros ran, its path,
  the set of files (links are resolved against it) and mkdocs.yml. A hit restores what
  ``render`` sets (content, table of contents, title, anchors and links to check).
- **The theme's page template**: the page's HTML, table of contents, title, neighbours and
  meta, plus the navigation, the site's settings (``config.extra`` with the revision and
  footer) and the theme overrides.
- **The search entries** Material's search plugin makes of a page (it parses its HTML):
  the same page HTML, table of contents, title and meta.

Entries are kept only from a build that finished without warnings, so a broken link still
stops every strict preview build. Used only by ``serve``: ``mkdocs build`` renders all.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import jinja2
from mkdocs import utils

ROOT = Path(__file__).resolve().parent.parent
_RENDERED = ("content", "toc", "_title_from_render", "present_anchor_ids")


def _digest(*parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _toc(items) -> tuple:
    return tuple((i.title, i.id, i.level, _toc(i.children)) for i in items)


def _nav(items) -> tuple:
    return tuple((type(i).__name__, i.title, getattr(i, "url", None),
                  _nav(getattr(i, "children", None) or ())) for i in items)


def _settings(config) -> str:
    """What every page of this build shares: mkdocs.yml, the values our hooks set, the theme
    overrides."""
    overrides = sorted((str(p), p.stat().st_mtime_ns) for p in (ROOT / "overrides").rglob("*")
                       if p.is_file())
    config_file = Path(config.config_file_path).read_bytes()
    return _digest(config_file, config.site_name, config.site_url, config.extra, overrides)


class PreviewCache:
    def __init__(self) -> None:
        self.markdown: dict[str, dict] = {}
        self.pages: dict[str, str] = {}
        self.search_entries: dict[str, list] = {}
        self.listed: dict[str, list] = {}
        self._staged: list[tuple[dict, str, object]] = []
        self._files = self._site = ""
        self.reused = 0  # steps this build took from the cache

    def start(self, config, files) -> None:
        """A build begins: what its pages share."""
        self._staged.clear()
        self.reused = 0
        self._site = _settings(config)
        self._files = _digest(self._site, sorted(f.src_uri for f in files))

    def render_from_cache(self, page, markdown: str, files) -> None:
        """Before ``page.render``: reuse the previous build's HTML of the same Markdown."""
        key = _digest(self._files, page.file.src_uri, markdown)
        page._ssp_markdown_key = key
        saved = self.markdown.get(key)
        if saved is None:
            return
        self.reused += 1

        def render(config, files_now):
            for name in _RENDERED:
                setattr(page, name, saved[name])
            page.links_to_anchors = {files_now.get_file_from_path(src): links
                                     for src, links in saved["links"].items()}

        page.render = render

    def reused_html(self, page) -> bool:
        """The page's HTML came from the cache (so it was judged when it was first made)."""
        return getattr(page, "_ssp_markdown_key", None) in self.markdown

    def rendered(self, page) -> None:
        """After ``page.render`` (before other plugins touch the content): remember it."""
        key = getattr(page, "_ssp_markdown_key", None)
        if key is None or key in self.markdown:
            return
        entry = {name: getattr(page, name) for name in _RENDERED}
        entry["links"] = {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()}
        self._staged.append((self.markdown, key, entry))

    def templates(self, env: jinja2.Environment) -> None:
        """Serve page templates through the cache (``env.get_template``)."""
        get_template = env.get_template
        cache = self

        class Cached:
            def __init__(self, template):
                self.template = template

            def render(self, context):
                page = context.get("page")
                if page is None or context.get("nav") is None:
                    return self.template.render(context)
                key = cache._page_key(self.template.name, context)
                if key not in cache.pages:
                    cache._staged.append((cache.pages, key, self.template.render(context)))
                    return cache._staged[-1][2]
                cache.reused += 1
                return cache.pages[key]

            def __getattr__(self, name):
                return getattr(self.template, name)

        def cached_get_template(name, *args, **kwargs):
            template = get_template(name, *args, **kwargs)
            return Cached(template) if name == "main.html" else template

        env.get_template = cached_get_template

    def template_list(self, env: jinja2.Environment, dirs: list[str]) -> None:
        """The theme's files as the previous build listed them, unless ours changed."""
        loader = env.loader
        key = _digest(dirs, sorted((str(p), p.stat().st_mtime_ns)
                                   for p in (ROOT / "overrides").rglob("*")))
        if key not in self.listed:
            self.listed = {key: loader.list_templates()}
        loader.list_templates = lambda: list(self.listed[key])

    def search(self, config) -> None:
        """Reuse the search entries of pages whose HTML did not change."""
        index = getattr(config.plugins.get("material/search"), "search_index", None)
        if index is None:
            return
        add = index.add_entry_from_context

        def add_entry_from_context(page):
            key = _digest(self._site, page.url, page.title, page.meta, page.content,
                          _toc(page.toc))
            saved = self.search_entries.get(key)
            if saved is None:
                start = len(index.entries)
                add(page)
                saved = index.entries[start:]
                self._staged.append((self.search_entries, key, saved))
            else:
                self.reused += 1
                index.entries.extend(saved)

        index.add_entry_from_context = add_entry_from_context

    def _page_key(self, template: str, context) -> str:
        page, nav = context["page"], context["nav"]
        if getattr(self, "_nav_id", None) != id(nav):
            self._nav_id, self._nav_key = id(nav), _digest(_nav(nav.items))

        def neighbour(p):
            return (p.title, p.url) if p is not None else None

        return _digest(self._site, self._nav_key, template, page.url, page.title, page.meta,
                       page.content, _toc(page.toc), context.get("base_url"),
                       neighbour(page.previous_page), neighbour(page.next_page))

    def finish(self, warnings: int) -> None:
        """The build is done: keep what it rendered unless it warned."""
        if not warnings:
            for store, key, value in self._staged:
                store[key] = value
        self._staged.clear()
        for store in (self.markdown, self.pages, self.search_entries):  # bounded: a few builds' worth
            while len(store) > 2000:
                store.pop(next(iter(store)))


def warnings_so_far() -> int:
    """The warnings this build counted (MkDocs counts them in strict mode to abort)."""
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, utils.CountHandler):
            return sum(count for _level, count in handler.get_counts())
    return 0


CACHE = PreviewCache()
