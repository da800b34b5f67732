"""The macros an author may write in a free page (``data/<kommune>/sider/<id>.md``), e.g.
``{{ deltagertabel("ssp-styregruppe") }}``. Each is a block a generated page shows too, so a
free page can quote the participants of a forum without retyping them.

This table is the one home of the macros: ``main.py`` registers them with mkdocs-macros,
``checks.py`` accepts exactly these calls (with ids that exist) in a free page and refuses
any other template code, and the README's list of macros is tested against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import jinja2
from jinja2 import nodes

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


@dataclass(frozen=True)
class Call:
    """A macro called in a free page, at a line of its text."""

    line: int
    macro: AuthorMacro
    ids: tuple[str, ...]


class TemplateProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


#: What a free page's template code may be, for messages.
ALLOWED = "kun makroerne " + ", ".join(f"{m}(...)" for m in MACROS) + " med id'er i anførselstegn"


def calls(text: str) -> list[Call]:
    """The macro calls in a free page's text; any other template code is a TemplateProblem
    (the text is read by Jinja's own parser, the way mkdocs-macros will read it)."""
    try:
        tree = jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(error.lineno or 1, "skabelonkoden kan ikke læses") from None
    found = []
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            raise TemplateProblem(node.lineno, "{% ... %} er ikke tilladt")
        for part in node.nodes:
            if not isinstance(part, nodes.TemplateData):
                found.append(_call(part))
    return found


def _call(node: nodes.Node) -> Call:
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)
            and node.node.name in MACROS and not (node.kwargs or node.dyn_args
                                                  or node.dyn_kwargs)):
        raise TemplateProblem(node.lineno, "{{ ... }} må kun kalde en af makroerne")
    macro = MACROS[node.node.name]
    ids = tuple(a.value for a in node.args if isinstance(a, nodes.Const) and
                isinstance(a.value, str))
    if len(ids) != len(node.args) or len(ids) != len(macro.parameters):
        wanted = {0: "ingen id'er", 1: "ét id i anførselstegn"}.get(
            len(macro.parameters), f"{len(macro.parameters)} id'er i anførselstegn")
        raise TemplateProblem(node.lineno, f"{macro.name} skal have {wanted}")
    return Call(node.lineno, macro, ids)


def without_calls(text: str) -> str:
    """The text with its {{ ... }} taken out (what is left is plain Markdown)."""
    return re.sub(r"\{\{.*?\}\}", "", text, flags=re.S)
