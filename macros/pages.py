"""Which pages a municipality's site has, where they live, and what each page is made of.

Pages are generated from the records: each page's Markdown is a short sequence of macro calls
(``{{ deltagertabel("mandagsmoede") }}``) that ``main.py`` renders from the same records. No
data text is written into a page here — only ids, which the model restricts to ``a-z0-9-`` —
so nothing an editor types can ever be evaluated as a template.
"""

from __future__ import annotations

from dataclasses import dataclass

from .handbook import Handbook
from .render import html_title

SECTION_TITLES = {
    "forside": "Forside",
    "niveauer": None,  # the municipality's own title (niveauer.yml)
    "organisering": "Organisering",
    "fora": "Samarbejdsfora",
    "roller": "Roller og aktører",
    "love": "Lovgrundlag",
    "bilag": "Bilag",
    "distrikter": None,  # distrikter.yml
    "aarshjul": "Året i SSP",
    "pixi": None,  # pixi.yml's title
    "historik": "Revisioner",
    "modsigelser": "Afklaringer til næste revision",
}


@dataclass(frozen=True)
class PageSpec:
    path: str  # src_uri inside docs, e.g. "fora/mandagsmoede.md"
    title: str  # plain text title (escaped where it reaches HTML)
    markdown: str


def path(kind: str, ident: str | None = None) -> str:
    """The page (src_uri) a record or section is shown on."""
    return {
        "forside": lambda: "index.md",
        "side": lambda: f"{ident}.md",
        "forum": lambda: f"fora/{ident}.md",
        "rolle": lambda: f"roller/{ident}.md",
        "bilag": lambda: f"bilag/{ident}.md",
        "fora": lambda: "fora/index.md",
        "roller": lambda: "roller/index.md",
        "bilag-oversigt": lambda: "bilag/index.md",
        "lov": lambda: "lovgrundlag.md",
        "love": lambda: "lovgrundlag.md",
        "distrikt": lambda: "distrikter.md",
        "distrikter": lambda: "distrikter.md",
        "niveauer": lambda: "niveauer.md",
        "organisering": lambda: "organisering.md",
        "aarshjul": lambda: "aarshjul.md",
        "modsigelser": lambda: "afklaringer.md",
        "pixi": lambda: "pixi.md",
        "historik": lambda: "historik.md",
    }[kind]()


def _call(name: str, *ids: str) -> str:
    args = ", ".join(f'"{i}"' for i in ids)
    return "{{ " + f"{name}({args})" + " }}"


def _page(path_: str, title: str, *calls: str) -> PageSpec:
    return PageSpec(path_, title, "\n\n".join(calls) + "\n")


def section_title(book: Handbook, section: str) -> str:
    if section == "niveauer":
        return book.book.niveauer.titel if book.book.niveauer else "Indsatsniveauer"
    if section == "distrikter":
        return book.book.distrikter.titel if book.book.distrikter else "Distrikter"
    if section == "pixi":
        return book.book.pixi.titel if book.book.pixi else "Pixi-guide"
    return SECTION_TITLES[section]


def bilag_title(bilag) -> str:
    return f"Bilag {bilag.nummer}: {bilag.titel}"


def generate(book: Handbook) -> list[PageSpec]:
    """Every page of the site, generated from the records."""
    pages = [_page("index.md", book.kommune.titel, _call("forside"))]
    for side in book.sider.values():
        pages.append(_page(path("side", side.id), side.titel, _call("side", side.id)))
    if book.book.niveauer:
        pages.append(_page(path("niveauer"), section_title(book, "niveauer"), _call("niveauer")))
    pages.append(_page(path("organisering"), "Organisering", _call("organisering")))
    pages.append(_page(path("fora"), "Samarbejdsfora", _call("fora_oversigt")))
    for forum in book.fora.values():
        pages.append(_page(path("forum", forum.id), forum.navn, _call("forum", forum.id)))
    pages.append(_page(path("roller"), "Roller og aktører", _call("roller_oversigt")))
    for rolle in book.roller.values():
        pages.append(_page(path("rolle", rolle.id), rolle.navn, _call("rolle", rolle.id)))
    pages.append(_page(path("love"), "Lovgrundlag", _call("lovgrundlag")))
    if book.bilag:
        pages.append(_page(path("bilag-oversigt"), "Bilag", _call("bilag_oversigt")))
        for bilag in book.bilag.values():
            pages.append(_page(path("bilag", bilag.id), bilag_title(bilag),
                               _call("bilag", bilag.id)))
    if book.book.distrikter:
        pages.append(_page(path("distrikter"), section_title(book, "distrikter"),
                           _call("distrikter")))
    pages.append(_page(path("aarshjul"), SECTION_TITLES["aarshjul"], _call("aarshjul")))
    if book.book.pixi:
        pages.append(_page(path("pixi"), section_title(book, "pixi"), _call("pixi")))
    pages.append(_page(path("historik"), SECTION_TITLES["historik"], _call("historik")))
    if book.book.modsigelser:
        pages.append(_page(path("modsigelser"), SECTION_TITLES["modsigelser"],
                           _call("modsigelser")))
    return pages


def _nav_title(title: str) -> str:
    # MkDocs' theme templates do not escape navigation titles: escape them here.
    return html_title(title)


def navigation(book: Handbook) -> list:
    """The site navigation in the order the municipality's ``navigation`` gives."""
    nav: list = []
    order = list(book.kommune.navigation)
    # Every section reaches the navigation (and so the PDF); the data only sets the order.
    order += [s for s in SECTION_TITLES if s not in order]
    for entry in order:
        if entry in book.sider:
            nav.append({_nav_title(book.sider[entry].titel): path("side", entry)})
        elif entry == "forside":
            nav.append({"Forside": "index.md"})
        elif entry == "fora":
            interne = [f for f in book.fora.values() if f.type == "intern"]
            eksterne = [f for f in book.fora.values() if f.type == "ekstern"]
            nav.append({"Samarbejdsfora": [
                path("fora"),
                *([{"Interne mødefora": [{_nav_title(f.navn): path("forum", f.id)}
                                         for f in interne]}] if interne else []),
                *([{"Eksterne mødefora": [{_nav_title(f.navn): path("forum", f.id)}
                                          for f in eksterne]}] if eksterne else []),
            ]})
        elif entry == "roller":
            aktoerer = [r for r in book.roller.values() if r.kategori == "aktoer"]
            deltagere = [r for r in book.roller.values() if r.kategori == "deltager"]
            nav.append({"Roller og aktører": [
                path("roller"),
                *[{_nav_title(r.navn): path("rolle", r.id)} for r in aktoerer],
                *([{"Øvrige mødedeltagere": [{_nav_title(r.navn): path("rolle", r.id)}
                                             for r in deltagere]}] if deltagere else []),
            ]})
        elif entry == "bilag":
            if book.bilag:
                nav.append({"Bilag": [path("bilag-oversigt"), *[
                    {_nav_title(bilag_title(b)): path("bilag", b.id)}
                    for b in book.bilag.values()]]})
        elif entry == "niveauer" and book.book.niveauer:
            nav.append({_nav_title(section_title(book, "niveauer")): path("niveauer")})
        elif entry == "distrikter" and book.book.distrikter:
            nav.append({_nav_title(section_title(book, "distrikter")): path("distrikter")})
        elif entry == "pixi" and book.book.pixi:
            nav.append({_nav_title(section_title(book, "pixi")): path("pixi")})
        elif entry == "modsigelser" and book.book.modsigelser:
            nav.append({SECTION_TITLES["modsigelser"]: path("modsigelser")})
        elif entry in ("organisering", "love", "aarshjul", "historik"):
            nav.append({SECTION_TITLES[entry]: path(entry)})
    return nav
