"""The macros an author may write in a free page (``data/<kommune>/sider/<id>.md``), e.g.
``{{ deltagertabel("ssp-styregruppe") }}``. Each is a block a generated page shows too, so a
free page can quote the participants of a forum without retyping them.

This table is the one home of the macros: ``main.py`` registers them with mkdocs-macros,
``checks.py`` accepts exactly these calls (with ids that exist) in a free page and refuses
any other template code, and the README's list of macros is tested against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import figures
from .links import Links
from .pages import fora, roller


@dataclass(frozen=True)
class AuthorMacro:
    name: str
    render: Callable[..., str]  # (links, *ids) → Markdown
    parameters: tuple[str, ...]  # the kind of record each argument is the id of
    beskrivelse: str  # Danish, for the README
    eksempel: str


def _tasks(links: Links, ident: str) -> str:
    rolle = links.book.roller[ident]
    return links.sections([a for a in rolle.afsnit if a.type == "opgaver"], level=3)


#: Errors raised inside macros while rendering a page, (page, message): main.py keeps them
#: instead of letting mkdocs-macros end the process; the hooks stop the build with them.
ERRORS: list[tuple[str, str]] = []

MACROS = {m.name: m for m in (
    AuthorMacro("deltagertabel", fora.participant_table, ("forum",),
                "Deltagertabellen for et forum, som på forummets egen side.",
                '{{ deltagertabel("ssp-styregruppe") }}'),
    AuthorMacro("deltager_i", roller.member_of, ("rolle",),
                "De fora, en rolle deltager i, med møder og timer om året.",
                '{{ deltager_i("ssp-koordinator") }}'),
    AuthorMacro("opgaver", _tasks, ("rolle",),
                "En rolles opgaver (dens afsnit af typen 'opgaver').",
                '{{ opgaver("ssp-laerer") }}'),
    AuthorMacro("organisationsdiagram", figures.org_diagram, (),
                "Organisationsdiagrammet med alle fora efter niveau.",
                "{{ organisationsdiagram() }}"),
    AuthorMacro("moeder_i_aaret", figures.forum_bars, (),
                "Møder og timer om året i hvert forum.",
                "{{ moeder_i_aaret() }}"),
)}
