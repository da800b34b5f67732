"""The web server's view of a built site: its Content-Security-Policy and nginx configuration.

The policy allows nothing from other hosts. Material puts a few small scripts inline in every
page (the palette, the URL scope — which differs with the page's depth — and the anchor
target) and the figures use ``style`` attributes for bar widths and legend colours; rather
than ``'unsafe-inline'``, the policy lists the SHA-256 hash of each distinct inline script and
style found in this build (``'unsafe-hashes'`` lets a hash match a style attribute). The hashes
change with the data and with Material's version, so the policy is made per release, and the
nginx configuration (``deploy/nginx/ssp-haandbog.conf``) is filled in with it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from .fields import PATH_SEGMENT

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx" / "ssp-haandbog.conf"
# Where the release is unpacked on the server, unless the operator changes it.
DEFAULT_ROOT = "/srv/ssp-haandbog/{kommune}/site/"
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_SAFE_PATH = re.compile(rf"^/(?:{PATH_SEGMENT}/)*$")


class WebserverError(ValueError):
    """The site cannot be served under a strict policy (Danish message for the editor)."""


@dataclass
class InlineCode:
    """The inline code of a site that a strict CSP has to allow, by kind."""
    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)  # <style> elements
    style_attributes: set[str] = field(default_factory=set)
    handlers: list[str] = field(default_factory=list)  # onclick=…, javascript: (not allowed)


class _Collector(HTMLParser):
    def __init__(self, found: InlineCode, name: str):
        super().__init__(convert_charrefs=True)
        self.found, self.name = found, name
        self.element: tuple[str, list[str]] | None = None  # open <script>/<style>, its text

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key, value in attrs:
            if key.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.handlers.append(f"{self.name}: <{tag} {key}=…>")
            if key == "style" and value is not None:
                self.found.style_attributes.add(value)
        kind = (attributes.get("type") or "").strip().lower()
        if tag == "script" and "src" not in attributes and kind in _SCRIPT_TYPES:
            self.element = ("script", [])
        elif tag == "style":
            self.element = ("style", [])

    def handle_data(self, data):
        if self.element is not None:
            self.element[1].append(data)

    def handle_endtag(self, tag):
        if self.element is not None and tag == self.element[0]:
            text = "".join(self.element[1])
            (self.found.scripts if tag == "script" else self.found.styles).add(text)
            self.element = None


def inline_code(site: Path) -> InlineCode:
    """Every distinct inline script, style element and style attribute in the site's pages."""
    found = InlineCode()
    for page in sorted(site.rglob("*.html")):
        collector = _Collector(found, str(page.relative_to(site)))
        collector.feed(page.read_text(encoding="utf-8"))
        collector.close()
    return found


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(site: Path) -> str:
    """The strictest policy the built site passes: nothing from other hosts, no inline code
    but this build's own (by hash), no plugins, no framing by other sites."""
    code = inline_code(site)
    if code.handlers:
        raise WebserverError("siden har inline hændelseskode, som en streng "
                             f"Content-Security-Policy blokerer: {code.handlers[:3]}")
    scripts = " ".join(sorted(_hash(s) for s in code.scripts))
    styles = sorted(_hash(s) for s in code.styles | code.style_attributes)
    style_src = "'self'" + (" 'unsafe-hashes' " + " ".join(styles) if styles else "")
    directives = [
        "default-src 'none'",
        f"script-src 'self' {scripts}".strip(),
        f"style-src {style_src}",
        "img-src 'self' data:",  # Material's icons are data: SVGs in its stylesheet
        "font-src 'self'",
        "connect-src 'self'",  # the search index
        "worker-src 'self'",  # the search worker
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self'",
    ]
    return "; ".join(directives)


def url_path(site_url: str | None) -> str:
    """The path the site is served under: that of its address (MkDocs writes the 404 page's
    links from it), '/' without one. Only plain path characters are accepted, since the
    path is written into the server's configuration."""
    path = urlsplit(site_url).path if site_url else "/"
    path = path if path.endswith("/") else path + "/"
    if not _SAFE_PATH.match(path):
        raise WebserverError(
            f"adressens sti {path!r} kan ikke bruges i webserverens konfiguration (forventet: "
            "bogstaverne a-z, tal, '-', '_', '.' og '/', fx https://intranet.kommune.dk/ssp/)")
    return path


def nginx_conf(site: Path, kommune_id: str, site_url: str | None,
               root: str | None = None) -> str:
    """The nginx `location` for this build, from deploy/nginx/ssp-haandbog.conf."""
    path = url_path(site_url)
    redirect = ""
    if path != "/":  # "/ssp" → "/ssp/"
        redirect = f"location = {path.rstrip('/')} {{\n    return 301 {path};\n}}\n"
    values = {"@KOMMUNE@": kommune_id, "@PATH@": path, "@REDIRECT@\n": redirect,
              "@ROOT@": root or DEFAULT_ROOT.format(kommune=kommune_id),
              "@CSP@": content_security_policy(site)}
    conf = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        conf = conf.replace(key, value)
    return conf
