"""Districts and schools, the year's activities, the source's contradictions and the pixi
guide (distrikter.yml, aktiviteter.yml, modsigelser.yml, pixi.yml)."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, model_validator

from ..fields import Kind, Markdown, Navn, OmraadeId, RolleId, Tekst, heltal
from .base import Afsnit, Post, Record


# The schools of an area, a district or a part of one, by name.
Skoler = Annotated[list[Navn], Field(default_factory=list,
                                     description="Skolernes navne, én pr. linje.")]


class Omraade(Post):
    """Et medarbejderområde, fx 'Syd/Vest', med sin skoleliste."""

    KIND: ClassVar[Kind] = Kind("omraade", "område", "distrikter.yml (omraader)")

    navn: Navn = Field(description="Områdets navn, fx 'Syd/Vest'.")
    daekkes_af: RolleId | None = Field(None, description="Id på rollen, der dækker området.")
    skoler: Skoler


class Underdistrikt(Record):
    """En del af et distrikt med sine egne skoler."""

    navn: Navn | None = Field(None, description="Fx 'Mejrup SSP distrikt'.")
    skoler: Skoler
    omraade: OmraadeId | None = Field(None, description="Id på medarbejderområdet.")


class Distrikt(Post):
    """Et SSP-distrikt."""

    KIND: ClassVar[Kind] = Kind("distrikt", "distrikt", "distrikter.yml")

    navn: Navn = Field(description="Distriktets navn, fx 'Distrikt Nord'.")
    beskrivelse: Markdown | None = Field(None, description="Kort beskrivelse af distriktet.")
    daekkes_af: RolleId | None = Field(None, description="Id på rollen, der dækker distriktet.")
    omraade: OmraadeId | None = Field(None, description="Id på medarbejderområdet.")
    skoler: Skoler
    underdistrikter: list[Underdistrikt] = Field(default_factory=list,
                                                 description="Underdistrikterne, hvis nogen.")


class Distrikter(Record):
    """Distrikter, skoler og medarbejderområder (distrikter.yml)."""

    titel: Navn = Field("Distrikter og skoler", description="Sidens titel.")
    indledning: list[Afsnit] = Field(default_factory=list, description="Tekst øverst på siden.")
    distrikter: list[Distrikt] = Field(min_length=1, description="Distrikterne.")
    omraader: list[Omraade] = Field(default_factory=list,
                                    description="Medarbejderområder med skolelister.")
    omraader_indledning: Markdown | None = Field(None, description="Tekst før "
                                                                   "medarbejderområderne.")


class Aktivitet(Post):
    """En fast aktivitet i året, fx et oplæg på en årgang eller en undersøgelse."""

    KIND: ClassVar[Kind] = Kind("aktivitet", "aktivitet", "aktiviteter.yml")

    navn: Navn = Field(description="Aktivitetens navn.")
    klassetrin: list[heltal()] = Field(default_factory=list, description="Årgange (0-10).")
    tema: Navn | None = Field(None, description="Emnet, fx 'Digital dannelse'.")
    maaneder: list[heltal(1, 12)] = Field(
        default_factory=list, description="Måneder (1-12), hvis kilden nævner dem; aktiviteterne "
                                          "vises i månedernes rækkefølge.")
    tidspunkt: Navn | None = Field(None, description="Kildens ordlyd om tidspunktet.")
    hyppighed: Navn | None = Field(None, description="Fx 'hvert år' eller 'hvert andet år'.")
    ansvarlige: list[RolleId] = Field(default_factory=list,
                                      description="Id'er på ansvarlige roller.")
    foraeldremoede: bool = Field(False, description="Der hører et forældremøde til.")
    beskrivelse: Markdown | None = Field(None, description="Hvad aktiviteten går ud på.")

    @model_validator(mode="after")
    def _grades(self) -> "Aktivitet":
        if any(g < 0 or g > 10 for g in self.klassetrin):
            raise ValueError("grade_range")
        return self


class Modsigelse(Record):
    """En modsigelse eller mangel i kildedokumentet og hvordan den er løst i data."""

    sted: Tekst = Field(description="Hvor i kilden, fx 'Bilag 8, SSP Styregruppe'.")
    beskrivelse: Tekst = Field(description="Hvad der er modstridende eller mangler.")
    loesning: Tekst = Field(description="Hvordan det er løst i data.")
    skal_bekraeftes: bool = Field(True, description="Kommunen skal bekræfte løsningen.")


class PixiKontakt(Record):
    """En kontakt i pixi-guiden: hvem man kontakter, og hvad man kontakter dem om."""

    rolle: RolleId = Field(description="Id på rollen, man kontakter.")
    hvad: Tekst = Field(description="Hvad man kontakter rollen om, fx 'bekymring for en elev'.")


class Pixi(Record):
    """Pixi-guiden til nye SSP-lærere (pixi.yml): hvilke poster den samler, og dens egen tekst."""

    titel: Navn = Field("Pixi-guide for nye SSP-lærere", description="Guidens titel.")
    roller: list[RolleId] = Field(min_length=1, description="Rollen/rollerne guiden er til; flere "
                                                            "roller vises med det, der er "
                                                            "forskelligt.")
    indledning: Markdown | None = Field(None, description="Kort velkomst.")
    kontakter: list[PixiKontakt] = Field(min_length=1, description="Hvem kontakter du for hvad.")
    regler: list[Afsnit] = Field(min_length=1, description="Reglerne om oplysninger i "
                                                           "almindelige ord.")
    afsnit: list[Afsnit] = Field(default_factory=list, description="Egne ekstra afsnit.")
