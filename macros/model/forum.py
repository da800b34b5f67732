"""Forums and roles: who meets, how often, and what each role does (fora/, roller/)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from ..fields import (Dato, DeltagerlisteId, DistriktId, EnhedId, ForumId, Id, Kind, LovId,
                      Markdown, RolleId, Tekst)
from .base import Afsnit, Record, Sektor


class Rolle(Record):
    """En rolle eller aktør (roller/<id>.yml). Beskriver en funktion, aldrig en person."""

    KIND: ClassVar[Kind] = Kind("rolle", "rolle", "roller/")

    id: Id
    navn: Tekst = Field(description="Rollens navn, fx 'Leder af SSP'.")
    alternative_navne: list[Tekst] = Field(default_factory=list,
                                           description="Andre navne for rollen i kilden.")
    enhed: EnhedId | None = Field(None, description="Id på enheden, rollen hører til.")
    sektor: Sektor | None = Field(None, description="Sektor, hvis den afviger fra enhedens.")
    kategori: Literal["aktoer", "deltager"] = Field(
        "deltager", description="'aktoer' for de centrale aktører med egen beskrivelse, "
                                "'deltager' for roller, der kun optræder som mødedeltagere.")
    antal: Tekst | None = Field(None, description="Hvor mange, fx '2' eller '3-4'.")
    formaal: Markdown | None = Field(None, description="Rollens formål.")
    beskrivelse: Markdown | None = Field(None, description="Kort beskrivelse.")
    afsnit: list[Afsnit] = Field(default_factory=list, description="Opgaver og øvrige afsnit.")
    distrikter: list[DistriktId] = Field(default_factory=list,
                                         description="Distrikter, rollen dækker.")
    vedligeholdes_af: RolleId | None = Field(None, description="Id på rollen, der holder posten "
                                                          "ajour ved den årlige revision.")
    gennemgaaet: Dato | None = Field(None, description="Dato for seneste gennemgang af posten "
                                                       "(ÅÅÅÅ-MM-DD).")


#: A participant's function in a forum, with its Danish label.
FUNKTIONER = {"formand": "formand", "naestformand": "næstformand", "moedeleder": "mødeleder",
              "referent": "referent", "tovholder": "tovholder", "sekretariat": "sekretariat"}
#: What a participant is responsible for, with its Danish label.
ANSVAR = {"indkaldelse": "indkaldelse", "dagsorden": "dagsorden", "referat": "referat",
          "afvikling": "afvikling af møderne"}
#: The levels of the organisation a forum can sit at, with the Danish label.
NIVEAUER = {"strategisk": "Strategisk", "koordinerende": "Koordinerende",
            "udfoerende": "Udførende"}
Funktion = Literal[tuple(FUNKTIONER)]
Ansvar = Literal[tuple(ANSVAR)]


class Deltager(Record):
    """En deltager i et forum: en rolle plus det, kilden siger om deltagelsen."""

    rolle: RolleId = Field(description="Id på rollen (roller/<id>.yml).")
    betegnelse: Tekst | None = Field(None, description="Kildens ordlyd for deltageren her, "
                                                       "hvis den afviger fra rollens navn.")
    antal: Tekst | None = Field(None, description="Antal, fx '1', '2-3' eller 'én fra hver skole'.")
    funktion: list[Funktion] = Field(default_factory=list,
                                     description="formand, naestformand, moedeleder, referent, "
                                                 "tovholder eller sekretariat.")
    ansvar: list[Ansvar] = Field(
        default_factory=list, description="Ansvar for indkaldelse, dagsorden, referat, afvikling.")
    ad_hoc: bool = Field(False, description="Deltager kun ad hoc/efter behov.")
    hvor_relevant: bool = Field(False, description="Deltager kun hvor det er relevant.")
    deltagelse: Tekst | None = Field(None, description="Hvor ofte, hvis ikke altid, fx "
                                                       "'en gang årligt'.")
    moeder_pr_aar: int | None = Field(None, ge=0, le=366,
                                      description="Antal møder om året for denne deltager, hvis "
                                                  "ikke med til alle (fx 1 for 'en gang årligt').")
    gruppe: Tekst | None = Field(None, description="Hvor deltageren kommer fra, fx "
                                                   "'Repræsentanter fra politiet'.")
    note: Tekst | None = Field(None, description="Anden bemærkning fra kilden.")


class Deltagerliste(Record):
    """En navngiven deltagerliste, når et forum har flere (fx unge under/over 18 år)."""

    KIND: ClassVar[Kind] = Kind("deltagerliste", "deltagerliste", "forummets 'deltagerlister'",
                                lokal=True)

    id: Id
    titel: Tekst = Field(description="Listens titel, fx 'Møde om unge under 18 år'.")
    deltagere: list[Deltager] = Field(min_length=1, description="Deltagerne.")


class Hyppighed(Record):
    """Hvor ofte der holdes møde: kildens ordlyd og de samme oplysninger som tal."""

    tekst: Tekst = Field(description="Kildens ordlyd, fx 'Der afholdes 4 møder årligt'.")
    pr_aar: int | None = Field(None, ge=1, le=366,
                               description="Antal møder om året (ved et interval: det mindste).")
    pr_aar_max: int | None = Field(None, ge=1, le=366,
                                   description="Højeste antal møder om året ved et interval "
                                               "som '3-6 møder årligt'.")
    interval_dage: int | None = Field(None, ge=1, le=366,
                                      description="Dage mellem møderne: 7 = ugentligt, 14 = "
                                                  "hver 14. dag.")
    varighed_minutter: int | None = Field(None, ge=5, le=1440,
                                          description="Mødets varighed i minutter.")
    ad_hoc: bool = Field(False, description="Der holdes også møder efter behov.")

    @model_validator(mode="after")
    def _consistent(self) -> "Hyppighed":
        if self.pr_aar is not None and self.interval_dage is not None:
            raise ValueError("frequency_both")
        if self.pr_aar_max is not None and (self.pr_aar is None or self.pr_aar_max < self.pr_aar):
            raise ValueError("frequency_range")
        return self

    @property
    def kendt(self) -> bool:
        return self.pr_aar is not None or self.interval_dage is not None

    @property
    def moeder_pr_aar(self) -> tuple[float, float] | None:
        """(mindst, højst) antal møder om året, eller None hvis kilden ikke siger det."""
        if self.interval_dage is not None:
            if self.interval_dage % 7 == 0:  # weekly rhythms: 52 weeks a year
                count = 52 / (self.interval_dage // 7)
            else:
                count = 365 / self.interval_dage
            count = round(count, 1)
            return (count, count)
        if self.pr_aar is not None:
            return (self.pr_aar, self.pr_aar_max or self.pr_aar)
        return None


class Moedeserie(Record):
    """En af flere slags møder i samme forum (fx ugentlige møder og tendensmøder)."""

    titel: Tekst = Field(description="Fx 'Møde om unge over 18 år'.")
    hyppighed: Hyppighed
    deltagerlister: list[DeltagerlisteId] = Field(default_factory=list,
                                     description="Id'er på deltagerlisterne; tom = alle deltagere.")


class LovHenvisning(Record):
    """En henvisning fra et forum eller en rolle til lovgrundlaget."""

    lov: LovId = Field(description="Id på loven (love.yml).")
    paragraf: Tekst | None = Field(None, description="Paragraf, fx '§ 115'.")


class Forum(Record):
    """Et samarbejdsforum eller møde (fora/<id>.yml)."""

    KIND: ClassVar[Kind] = Kind("forum", "forum", "fora/")

    id: Id
    navn: Tekst = Field(description="Forummets navn.")
    alternative_navne: list[Tekst] = Field(default_factory=list,
                                           description="Andre navne for forummet i kilden.")
    type: Literal["intern", "ekstern"] = Field(description="'intern' eller 'ekstern' mødeforum.")
    niveau: Literal[tuple(NIVEAUER)] | None = Field(
        None, description="Niveau i organisationen: strategisk, koordinerende eller udfoerende.")
    rapporterer_til: ForumId | None = Field(None, description="Id på forummet, dette forum "
                                                         "refererer til, hvis kilden siger det.")
    placering_note: Tekst | None = Field(
        None, description="Hvad kilden siger om forummets plads i organisationen, når den ikke "
                          "siger, hvem forummet refererer til, fx 'Kilden angiver ikke, hvem "
                          "gruppen refererer til.' Vises ved organisationsdiagrammet. Et forum "
                          "skal have enten 'rapporterer_til' eller 'placering_note'.")
    formaal: Markdown | None = Field(None, description="Forummets formål.")
    beskrivelse: Markdown | None = Field(None, description="Kort beskrivelse.")
    afsnit: list[Afsnit] = Field(default_factory=list,
                                 description="Opgaver, mål, faste dagsordenspunkter m.m.")
    deltagere: list[Deltager] = Field(default_factory=list, description="Deltagerne.")
    deltagerlister: list[Deltagerliste] = Field(
        default_factory=list, description="Flere navngivne deltagerlister (i stedet for eller "
                                          "ud over 'deltagere').")
    hyppighed: Hyppighed
    moeder: list[Moedeserie] = Field(default_factory=list,
                                     description="Flere slags møder i forummet, hver med sin "
                                                 "hyppighed og sine deltagerlister.")
    lovgrundlag: list[LovHenvisning] = Field(default_factory=list,
                                             description="Lovgrundlaget for forummet.")
    vedligeholdes_af: RolleId | None = Field(None, description="Id på rollen, der holder posten "
                                                          "ajour ved den årlige revision.")
    gennemgaaet: Dato | None = Field(None, description="Dato for seneste gennemgang af posten "
                                                       "(ÅÅÅÅ-MM-DD).")
