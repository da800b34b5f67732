"""The revision history, and the records the latest revision has not reviewed."""

from __future__ import annotations

from ..links import Links
from ..render import table, text
from .base import join, one_page, source_note


def _not_reviewed(links: Links) -> list[str]:
    b = links.book
    stale = b.not_reviewed()
    if not stale:
        return ["Alle fora og roller er gennemgået ved seneste revision."]
    return [f"Disse poster er ikke markeret som gennemgået siden seneste revision "
            f"({text(b.revision.dato)}). Den, der vedligeholder posten, bør se den igennem og "
            "sætte 'gennemgaaet' i dens fil.",
            table(["Post", "Vedligeholdes af", "Sidst gennemgået"], [
                [links.link(kind, r.id),
                 links.link("rolle", r.vedligeholdes_af) if r.vedligeholdes_af else "",
                 text(r.gennemgaaet or "aldrig")] for kind, r in stale],
                "Poster, der ikke er gennemgået")]


def render(links: Links) -> str:
    b = links.book
    return join("# Revisioner", table(["Dato", "Revision", "Godkendt af", "Resumé"], [
        [text(r.dato), text(r.tekst), text(r.godkendt_af or ""), links.plain(r.resume)]
        for r in reversed(b.kommune.revisioner)], "Håndbogens revisioner, nyeste først"),
        "## Ikke gennemgået ved seneste revision", *_not_reviewed(links),
        source_note(b.source_file("kommune")))


KIND = one_page("historik", "historik.md", "Revisioner", render)
