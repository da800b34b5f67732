"""What may reach a published page, judged on the HTML that Markdown produced — not on the
Markdown source, which has more ways to make a link than any pattern can foresee (a link
definition inside a quote, a scheme split over a line, a control character or an entity
before it).

``html_problems`` reads HTML as a browser does — with tinyhtml5, a parser that follows the
WHATWG HTML standard (WeasyPrint's own), so a comment, a CDATA section or a broken tag ends
exactly where the browser ends it; Python's html.parser does not (``<!--><img onerror=…>``
is a comment to it and an image to a browser) — decodes entities, normalises URLs as the URL
standard says, and names what must not be published: an element or attribute a page of ours
never has, an event handler, a link to anything but http(s), mailto or tel. ``check`` runs it
on every Markdown field rendered on its own (so the editor gets the file and line); the build
runs it on every finished page and publishes nothing it objects to.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import tinyhtml5

#: Python-Markdown extensions of mkdocs.yml that change what a field's Markdown can produce
#: (a test keeps this in step with mkdocs.yml).
EXTENSIONS = ("tables", "attr_list", "admonition", "md_in_html")
SCHEMES = ("http", "https", "mailto", "tel")

# The HTML a page of ours is made of: Markdown's, the figures' and Graphviz's SVG.
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul",
    # Graphviz's SVG
    "svg", "g", "title", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line",
    "text", "tspan", "defs", "lineargradient", "radialgradient", "stop", "clippath",
}
# The document the parser puts any HTML in; an editor's own <body onload=…> merges its
# attributes into them, as in a browser, and those are judged.
_DOCUMENT = {"html", "head", "body"}
_PREFIXES = {"http://www.w3.org/1999/xlink": "xlink", "http://www.w3.org/XML/1998/namespace": "xml",
             "http://www.w3.org/2000/xmlns/": "xmlns"}
_URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "data", "poster",
                   "background", "cite", "srcset", "ping", "longdesc", "manifest", "codebase"}
_STYLE = re.compile(r"^\s*(width\s*:\s*\d+(\.\d+)?%|background\s*:\s*#[0-9a-fA-F]{3,6})\s*;?\s*$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# C0 controls and space, stripped at both ends; tab and newlines removed anywhere (URL standard).
_EDGES = "".join(chr(c) for c in range(0x21))


def normalised_url(url: str) -> str:
    """A URL as a browser reads it before looking at its scheme."""
    return re.sub(r"[\t\n\r]", "", url.strip(_EDGES))


def url_problem(url: str, relative_ok: bool = True) -> str | None:
    """Why a link may not be published, or None."""
    clean = normalised_url(url)
    scheme = _SCHEME.match(clean)
    if scheme is None:
        if relative_ok or not clean:
            return None
        return "et link inden for håndbogen skrevet som adresse (brug [[side:id]] e.l.)"
    if scheme.group(1).lower() not in SCHEMES:
        return f"et link med '{scheme.group(1).lower()}:'"
    return None


def _attribute_problem(name: str, value: str, relative_ok: bool) -> str | None:
    name = name.lower()
    if name.startswith("on"):
        return f"attributten '{name}', der kan køre kode"
    if name in _URL_ATTRIBUTES:
        if name not in ("href", "xlink:href"):
            return f"attributten '{name}', der henter noget udefra"
        return url_problem(value, relative_ok)
    if name == "style" and not _STYLE.match(value):
        return "en 'style'-attribut"
    if name in ("srcdoc", "formtarget") or name.startswith("xmlns:") and name != "xmlns:xlink":
        return f"attributten '{name}'"
    return None


def html_problems(html: str, relative_ok: bool = True) -> list[str]:
    """What in this HTML must not be published, one Danish phrase each (none: it is safe)."""
    return _problems(tinyhtml5.parse(html), relative_ok)


def _problems(document, relative_ok: bool) -> list[str]:
    problems = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # a comment: inert, and it ends where the browser ends it
        name = _name(element.tag)
        if name.lower() not in _TAGS | _DOCUMENT:
            problems.append(f"elementet <{name}>")
        for attribute, value in element.attrib.items():
            problem = _attribute_problem(_name(attribute), value, relative_ok)
            if problem:
                problems.append(problem)
    return list(dict.fromkeys(problems))


def _name(qualified: str) -> str:
    """An element's or attribute's name as written in HTML: the parser's "{namespace}name"
    without the HTML, SVG or MathML namespace, and with the prefix of xlink:, xml: and xmlns:."""
    if not qualified.startswith("{"):
        return qualified
    namespace, _, local = qualified[1:].partition("}")
    prefix = _PREFIXES.get(namespace)
    return f"{prefix}:{local}" if prefix and prefix != local else local  # xmlns="…" is xmlns


@lru_cache(maxsize=4096)
def _rendered(value: str):
    """A Markdown field rendered on its own and parsed as a browser would, or None if it
    nests too deeply to render (shared by markdown_problems and too_deep)."""
    try:
        return tinyhtml5.parse(markdown.markdown(value, extensions=list(EXTENSIONS)))
    except RecursionError:
        return None


@lru_cache(maxsize=4096)
def markdown_problems(value: str) -> tuple[str, ...]:
    """What a Markdown field would publish that it must not: the field rendered on its own
    (its [[kind:id]] references are not links yet, so any link in it is the editor's)."""
    document = _rendered(value)
    return () if document is None else tuple(_problems(document, relative_ok=False))


#: How many elements deep a Markdown field may render (emphasis in a link in a list item in a
#: quote …): far beyond any real text, far below the depth at which Python-Markdown's table of
#: contents, a recursive walk of the page, stops the build with a RecursionError.
MAX_DEPTH = 20


@lru_cache(maxsize=4096)
def too_deep(value: str) -> bool:
    """Whether a Markdown field renders more than MAX_DEPTH elements deep ("*" * 5000 + "x"
    + "*" * 5000 is 2,500 nested <strong>)."""
    document = _rendered(value)
    if document is None:
        return True
    body = document.find("{http://www.w3.org/1999/xhtml}body")
    level, deepest = [(body, 0)], 0
    while level:
        element, depth = level.pop()
        deepest = max(deepest, depth)
        level.extend((child, depth + 1) for child in element)
    return deepest > MAX_DEPTH
