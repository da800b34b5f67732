"""The field types of the data model: ids, references, plain text, Markdown, dates, addresses.

Each type carries its Danish description (what an editor sees through the JSON Schema) and
its rules. Two marks that the rest of the generator reads back from the model:

* ``Ref("rolle")`` on an id field says which kind of record it points at; one generic walk
  (``refs.py``) checks every reference and builds every inverse lookup from these marks.
* ``Kind`` on a record class (``KIND: ClassVar[Kind]``) says that its records have ids other
  records can point at, and how an editor finds them (for messages).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from . import safety
from .personal_data import SCHEMA_PATTERN


@dataclass(frozen=True)
class Kind:
    """A kind of record others can refer to: its id, its Danish name and where it lives."""

    id: str  # "rolle", as in Ref("rolle") and [[rolle:...]]
    navn: str  # Danish singular for messages: "ukendt område 'x'"
    sted: str  # where an editor finds the ids: "roller/", "distrikter.yml (omraader)"
    lokal: bool = False  # ids count only inside the enclosing record (a forum's lists)
    indbygget: tuple[str, ...] = ()  # ids that exist without a record (the built-in sectors)


@dataclass(frozen=True)
class Ref:
    """Marks an id field as a reference to a record of another kind."""

    kind: str


@dataclass(frozen=True)
class TextKind:
    """Marks what a text field holds, in the editor's words (for DATAFORMAT.md and forms)."""

    words: str
    links: bool = False  # [[kind:id]] in it becomes a link


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: [[kind:id]] in text: a link to another record (which kinds have a page: pages.TARGETS).
REFERENCE = re.compile(r"\[\[([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)\]\]")
LINKS_HELP = "Henvis til andre poster med [[rolle:id]], [[forum:id]], [[lov:id]], [[bilag:id]] osv."
_HTML_TAG = re.compile(r"</?[A-Za-z!][^>]*>")
_TEMPLATE = re.compile(r"\{\{|\{%|\{#|%\}|\}\}")
_BRACES = re.compile(r"[{}]")  # attribute lists ({: onclick=... }) would reach the HTML
_IMAGE = re.compile(r"!\[")  # images could load from another host

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60), TextKind("id"), Field(
    description="Kort id med små bogstaver, tal og bindestreg, fx 'ssp-leder'. Bruges i "
                "adresser og henvisninger og bør ikke ændres.",
    json_schema_extra={"not": {"pattern": SCHEMA_PATTERN}})]

# References, one alias per kind of record they point at.
RolleId = Annotated[Id, Ref("rolle")]
ForumId = Annotated[Id, Ref("forum")]
LovId = Annotated[Id, Ref("lov")]
EnhedId = Annotated[Id, Ref("enhed")]
DistriktId = Annotated[Id, Ref("distrikt")]
OmraadeId = Annotated[Id, Ref("omraade")]
AktivitetId = Annotated[Id, Ref("aktivitet")]
DeltagerlisteId = Annotated[Id, Ref("deltagerliste")]
OrganisationsniveauId = Annotated[Id, Ref("organisationsniveau")]
SektorId = Annotated[Id, Ref("sektor")]

# What the JSON Schema can say about CPR numbers and unsafe Markdown (personal_data.py,
# safety.py and _MARKDOWN_RULES are the authority; these let an editor see it while typing).
CPR_PATTERN = SCHEMA_PATTERN
_SCHEMA_NO_CPR = {"not": {"pattern": CPR_PATTERN}}

# Lengths: generous for what editors write, short enough that no value can break a page,
# a table or the diagram (names and titles are in menus, headings, diagram boxes, footers).
MAX_TEKST, MAX_NAVN, MAX_MARKDOWN = 2000, 200, 20000
_SCHEMA_SAFE_MARKDOWN = {"pattern": r"^(?![\s\S]*(<[A-Za-z!/]|[{}]|!\[|(javascript|vbscript)\s*:))",
                         **_SCHEMA_NO_CPR}

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEKST),
                  TextKind("tekst", links=True), Field(
    description="Almindelig tekst. Vises som skrevet (ingen formatering). " + LINKS_HELP,
    json_schema_extra=_SCHEMA_NO_CPR)]


def _check_name(value: str) -> str:
    if "[[" in value:
        raise ValueError("name_link")
    return value


Navn = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAVN),
                 AfterValidator(_check_name), TextKind("navn"), Field(
    description="Et navn, en titel eller en kort betegnelse. Vises præcis som skrevet og kan "
                "ikke indeholde henvisninger ([[...]]).",
    json_schema_extra={"not": {"anyOf": [{"pattern": CPR_PATTERN}, {"pattern": r"\[\["}]}})]


# What Markdown may not hold, each with its message code (validation.py).
_MARKDOWN_RULES = (
    ("markdown_html", _HTML_TAG.search),
    ("markdown_template", _TEMPLATE.search),
    ("markdown_braces", _BRACES.search),
    ("markdown_image", _IMAGE.search),
    ("markdown_depth", safety.too_deep),
)


def _refusing(codes: set[str]):
    """A validator refusing what the rules of ``codes`` find."""
    rules = [(code, found) for code, found in _MARKDOWN_RULES if code in codes]

    def check(value: str) -> str:
        for code, found in rules:
            if found(value):
                raise ValueError(code)
        return value

    return check


MARKDOWN_TEXT = TextKind("Markdown", links=True)
Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                            max_length=MAX_MARKDOWN),
                     AfterValidator(_refusing({code for code, _ in _MARKDOWN_RULES})),
                     MARKDOWN_TEXT, Field(
    description="Tekst med Markdown (*kursiv*, **fed**, afsnit, [link](https://...)). "
                "HTML, billeder, { } og skabelonkode er ikke tilladt. " + LINKS_HELP,
    json_schema_extra={"format": "markdown", **_SCHEMA_SAFE_MARKDOWN})]


Sidetekst = Annotated[str, StringConstraints(min_length=1, max_length=MAX_MARKDOWN),
                      # template code is judged by checks.py: only the author macros' calls
                      AfterValidator(_refusing({"markdown_html", "markdown_image",
                                                "markdown_depth"})),
                      TextKind("Markdown med makroer", links=True), Field(
    description="Sidens tekst i Markdown. Henvis til andre poster med [[rolle:id]] osv., og vis "
                "det, posterne siger, med makroerne (se README), fx "
                "{{ deltagertabel(\"styregruppe\") }}. HTML og billeder er ikke tilladt.",
    json_schema_extra={"format": "markdown"})]


def _not_yes_no(value: object) -> object:
    """YAML reads on, yes, true (and off, no, false) as yes/no, which pydantic would take as
    1 and 0: 'nummer: on' must not become appendix 1."""
    if isinstance(value, bool):
        raise ValueError("number_yes_no")
    return value


def heltal(ge: int | None = None, le: int | None = None) -> Any:
    """The type of a whole number (from ``ge`` to ``le``) in the data: pydantic's int, but
    never a yes/no value. (The range sits before the yes/no check, so that the JSON Schema
    keeps it as minimum/maximum.)"""
    return Annotated[int, Field(ge=ge, le=le), BeforeValidator(_not_yes_no)]


def _check_date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("date_format") from None
    return value


Dato = Annotated[str, AfterValidator(_check_date), TextKind("dato ÅÅÅÅ-MM-DD"), Field(
    description="Dato som ÅÅÅÅ-MM-DD, fx 2022-01-15.",
    json_schema_extra={"pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"})]
# A web address: http(s) and a host name, with no user name before it ('https://x@evil/'),
# no spaces, quotes, angle brackets or backslashes anywhere.
_HOST = r"[^\s/?#@<>\"\\]+"
URL_PATTERN = rf"^https?://{_HOST}(?:[/?#][^\s<>\"\\]*)?$"
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN),
                TextKind("webadresse"), Field(
    description="Webadresse, der begynder med https:// eller http://.")]
#: One folder of a path that is written into a web server's configuration: plain
#: characters, and never '.' or '..' (webserver.py checks the path by the same rule).
PATH_SEGMENT = r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*"
ADDRESS_PATTERN = rf"^https?://{_HOST}(?:/{PATH_SEGMENT})*/?$"
_ADDRESS_WORDS = ("https:// eller http://, et værtsnavn og en sti af a-z, tal, '-', '_', '.' "
                  "og '/', fx https://intranet.kommune.dk/ssp/ (ingen ? eller #)")
Adresse = Annotated[str, StringConstraints(pattern=ADDRESS_PATTERN),
                    TextKind("webadresse"), Field(
    description=f"Håndbogens adresse på intranettet: {_ADDRESS_WORDS}. Stien bruges i "
                "webserverens konfiguration.")]


def contrast(colour: str, text: str = "#1a1a1a") -> float:
    """WCAG's contrast ratio between two colours written '#rrggbb'."""

    def luminance(value: str) -> float:
        channels = [int(value[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(text)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text


def _check_colour(value: str) -> str:
    if contrast(value) < MIN_CONTRAST:
        raise ValueError("colour_contrast")
    return value.lower()


FARVE_PATTERN = r"^#[0-9a-fA-F]{6}$"
Farve = Annotated[str, StringConstraints(pattern=FARVE_PATTERN),
                  AfterValidator(_check_colour), TextKind("farve #rrggbb"), Field(
    description="En lys baggrundsfarve som #rrggbb, fx '#e0d4f7'. Teksten står mørkt ovenpå, så "
                "kontrasten skal være mindst 4,5:1 (WCAG AA).")]


#: What each pattern above asks for, in an editor's words (for check's messages).
PATTERN_WORDS = {
    ID_PATTERN: "små bogstaver a-z, tal og bindestreg",
    URL_PATTERN: "en webadresse med https:// eller http:// og et værtsnavn, uden mellemrum, "
                 "anførselstegn, < > og \\",
    ADDRESS_PATTERN: _ADDRESS_WORDS,
    FARVE_PATTERN: "en farve som #rrggbb, fx #e0d4f7",
}
