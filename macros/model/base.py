"""Building blocks shared by every kind of record: the record base, sections and lists."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..fields import Id, Markdown, Navn, Tekst

#: The built-in sectors (the three S's and 'andet'), with their Danish names; a municipality
#: adds its own in sektorer.yml.
SEKTORER = {"skole": "Skole", "social": "Social", "politi": "Politi", "andet": "Andet"}


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Post(Record):
    """A record of a kind with an id and a name; a kind words ``navn``'s description its own
    way (a field redeclared in a subclass keeps its place: id, navn, then the kind's own)."""

    id: Id
    navn: Navn = Field(description="Navnet.")


class PostMedAndreNavne(Post):
    """A record staff know by name, and maybe by other names the source uses."""

    alternative_navne: list[Navn] = Field(
        default_factory=list, description="Andre navne for det samme i kilden, fx et ældre "
                                          "navn; de vises på siden, så søgningen finder dem.")


# --- shared building blocks -----------------------------------------------------------------

class PunktMedUnderpunkter(Record):
    """Et punkt i en liste med sin egen underliste."""

    tekst: Tekst = Field(description="Punktets tekst.")
    underpunkter: list[Tekst] = Field(min_length=1, description="Underpunkterne.")


Punkt = Union[Tekst, PunktMedUnderpunkter]


class Afsnit(Record):
    """Et afsnit med overskrift, tekst og/eller en punktliste."""

    overskrift: Navn | None = Field(None, description="Afsnittets overskrift.")
    type: Literal["tekst", "opgaver", "maal", "dagsorden"] = Field(
        "tekst", description="'opgaver' for en opgaveliste, 'maal' for mål, 'dagsorden' for "
                             "faste dagsordenspunkter, ellers 'tekst'.")
    tekst: Markdown | None = Field(None, description="Brødtekst før listen.")
    punkter: list[Punkt] = Field(default_factory=list, description="Punktliste.")
    nummereret: bool = Field(False, description="Vis listen nummereret (1., 2., ...).")
    efterskrift: Markdown | None = Field(None, description="Brødtekst efter listen.")

    @model_validator(mode="after")
    def _not_empty(self) -> "Afsnit":
        if not (self.tekst or self.punkter or self.efterskrift):
            raise ValueError("afsnit_empty")
        return self
