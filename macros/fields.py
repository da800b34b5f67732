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
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints


@dataclass(frozen=True)
class Kind:
    """A kind of record others can refer to: its id, its Danish name and where it lives."""

    id: str  # "rolle", as in Ref("rolle") and [[rolle:...]]
    navn: str  # Danish singular for messages: "ukendt område 'x'"
    sted: str  # where an editor finds the ids: "roller/", "distrikter.yml (omraader)"
    lokal: bool = False  # ids count only inside the enclosing record (a forum's lists)


@dataclass(frozen=True)
class Ref:
    """Marks an id field as a reference to a record of another kind."""

    kind: str


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
REFERENCE = re.compile(r"\[\[(rolle|forum|lov|bilag|side|distrikt):([^\]\s]*)\]\]")
_HTML_TAG = re.compile(r"</?[A-Za-z!][^>]*>")
_UNSAFE_LINK = re.compile(r"(\]\(|^\s*\[[^\]]*\]:)\s*<?\s*(javascript|data|vbscript)\s*:",
                          re.IGNORECASE | re.MULTILINE)
_TEMPLATE = re.compile(r"\{\{|\{%|\{#|%\}|\}\}")
_BRACES = re.compile(r"[{}]")  # attribute lists ({: onclick=... }) would reach the HTML
_IMAGE = re.compile(r"!\[")  # images could load from another host

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60), Field(
    description="Kort id med små bogstaver, tal og bindestreg, fx 'ssp-leder'. Bruges i "
                "adresser og henvisninger og bør ikke ændres.")]

# References, one alias per kind of record they point at.
RolleId = Annotated[Id, Ref("rolle")]
ForumId = Annotated[Id, Ref("forum")]
LovId = Annotated[Id, Ref("lov")]
EnhedId = Annotated[Id, Ref("enhed")]
DistriktId = Annotated[Id, Ref("distrikt")]
OmraadeId = Annotated[Id, Ref("omraade")]
AktivitetId = Annotated[Id, Ref("aktivitet")]
DeltagerlisteId = Annotated[Id, Ref("deltagerliste")]

# What the JSON Schema can say about CPR numbers and unsafe Markdown (the checks in
# checks.py and _check_markdown are the authority; these let an editor see it while typing).
CPR_PATTERN = r"(?<![0-9-])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}[- ]?[0-9]{4}(?![0-9-])"
_SCHEMA_NO_CPR = {"not": {"pattern": CPR_PATTERN}}
_SCHEMA_SAFE_MARKDOWN = {"pattern": r"^(?![\s\S]*(<[A-Za-z!/]|[{}]|!\[|(javascript|vbscript)\s*:))",
                         **_SCHEMA_NO_CPR}

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Field(
    description="Almindelig tekst. Vises præcis som skrevet (ingen formatering).",
    json_schema_extra=_SCHEMA_NO_CPR)]


def _check_markdown(value: str) -> str:
    if _HTML_TAG.search(value):
        raise ValueError("markdown_html")
    if _UNSAFE_LINK.search(value):
        raise ValueError("markdown_link")
    if _TEMPLATE.search(value):
        raise ValueError("markdown_template")
    if _BRACES.search(value):
        raise ValueError("markdown_braces")
    if _IMAGE.search(value):
        raise ValueError("markdown_image")
    return value


Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                     AfterValidator(_check_markdown), Field(
    description="Tekst med Markdown (*kursiv*, **fed**, afsnit, [link](https://...)). "
                "HTML, billeder, { } og skabelonkode er ikke tilladt. Henvis til andre poster med "
                "[[rolle:id]], [[forum:id]], [[lov:id]], [[bilag:id]], [[side:id]] eller "
                "[[distrikt:id]].",
    json_schema_extra={"format": "markdown", **_SCHEMA_SAFE_MARKDOWN})]


def _check_date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("date_format") from None
    return value


Dato = Annotated[str, AfterValidator(_check_date), Field(
    description="Dato som ÅÅÅÅ-MM-DD, fx 2022-01-15.",
    json_schema_extra={"pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"})]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"]+$"), Field(
    description="Webadresse, der begynder med https:// eller http://.")]
