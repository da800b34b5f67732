"""Forums and roles: who meets, how often, and what each role does (fora/, roller/)."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import Discriminator, Field, Tag, model_validator

from ..fields import (Dato, DeltagerlisteId, DistriktId, EnhedId, ForumId, Id, Kind, LovId,
                      Markdown, Navn, OrganisationsniveauId, RolleId, SektorId, Tekst, heltal)
from .base import Afsnit, PostMedAndreNavne, Record

# The yearly revision's bookkeeping, the same on every record that has it (page "Revisioner").
VedligeholdesAf = Annotated[RolleId | None, Field(
    description="Id på rollen, der holder posten ajour ved den årlige revision.")]
Gennemgaaet = Annotated[Dato | None, Field(
    description="Dato for seneste gennemgang af posten (ÅÅÅÅ-MM-DD).")]


class Rolle(PostMedAndreNavne):
    """En rolle eller aktør (roller/<id>.yml). Beskriver en funktion, aldrig en person."""

    KIND: ClassVar[Kind] = Kind("rolle", "rolle", "roller/")

    navn: Navn = Field(description="Rollens navn, fx 'Leder af SSP'.")
    enhed: EnhedId | None = Field(None, description="Id på enheden, rollen hører til.")
    sektor: SektorId | None = Field(None, description="Sektor, hvis den afviger fra enhedens.")
    kategori: Literal["aktoer", "deltager"] = Field(
        "deltager", description="'aktoer' for de centrale aktører med egen beskrivelse, "
                                "'deltager' for roller, der kun optræder som mødedeltagere.")
    antal: Navn | None = Field(None, description="Hvor mange, fx '2' eller '3-4'.")
    formaal: Markdown | None = Field(None, description="Rollens formål.")
    beskrivelse: Markdown | None = Field(None, description="Kort beskrivelse.")
    afsnit: list[Afsnit] = Field(default_factory=list, description="Opgaver og øvrige afsnit.")
    distrikter: list[DistriktId] = Field(default_factory=list,
                                         description="Distrikter, rollen dækker.")
    vedligeholdes_af: VedligeholdesAf = None
    gennemgaaet: Gennemgaaet = None


#: A participant's function in a forum, with its Danish label.
FUNKTIONER = {"formand": "formand", "naestformand": "næstformand", "moedeleder": "mødeleder",
              "referent": "referent", "tovholder": "tovholder", "sekretariat": "sekretariat"}
#: What a participant is responsible for, with its Danish label.
ANSVAR = {"indkaldelse": "indkaldelse", "dagsorden": "dagsorden", "referat": "referat",
          "afvikling": "afvikling af møderne"}
Funktion = Literal[tuple(FUNKTIONER)]
Ansvar = Literal[tuple(ANSVAR)]


class Deltager(Record):
    """En deltager i et forum: en rolle plus det, kilden siger om deltagelsen."""

    rolle: RolleId = Field(description="Id på rollen (roller/<id>.yml).")
    betegnelse: Navn | None = Field(None, description="Kildens ordlyd for deltageren her, "
                                                      "hvis den afviger fra rollens navn.")
    antal: Navn | None = Field(None, description="Antal, fx '1', '2-3' eller 'én fra hver skole'.")
    funktion: list[Funktion] = Field(default_factory=list,
                                     description="formand, naestformand, moedeleder, referent, "
                                                 "tovholder eller sekretariat.")
    ansvar: list[Ansvar] = Field(
        default_factory=list, description="Ansvar for indkaldelse, dagsorden, referat, afvikling.")
    ad_hoc: bool = Field(False, description="Deltager kun ad hoc/efter behov.")
    hvor_relevant: bool = Field(False, description="Deltager kun hvor det er relevant.")
    deltagelse: Tekst | None = Field(None, description="Hvor ofte, hvis ikke altid, fx "
                                                       "'en gang årligt'.")
    moeder_pr_aar: heltal(0, 366) | None = Field(None,
                                      description="Antal møder om året for denne deltager, hvis "
                                                  "ikke med til alle (fx 1 for 'en gang årligt').")
    gruppe: Navn | None = Field(None, description="Hvor deltageren kommer fra, fx "
                                                  "'Repræsentanter fra politiet'. Deltagere "
                                                  "med samme gruppe vises samlet under den i "
                                                  "deltagertabellen, i filens rækkefølge.")
    note: Tekst | None = Field(None, description="Anden bemærkning fra kilden.")


class Deltagerliste(Record):
    """En navngiven deltagerliste, når et forum har flere (fx unge under/over 18 år)."""

    KIND: ClassVar[Kind] = Kind("deltagerliste", "deltagerliste", "forummets 'deltagerlister'",
                                lokal=True)

    id: Id
    titel: Navn = Field(description="Listens titel, fx 'Møde om unge under 18 år'.")
    deltagere: list[Deltager] = Field(min_length=1, description="Deltagerne.")


class Hyppighed(Record):
    """Hvor ofte der holdes møde: kildens ordlyd og de samme oplysninger som tal."""

    tekst: Navn = Field(description="Kildens ordlyd, fx 'Der afholdes 4 møder årligt'.")
    pr_aar: heltal(1, 366) | None = Field(None,
                               description="Antal møder om året (ved et interval: det mindste).")
    pr_aar_max: heltal(1, 366) | None = Field(None,
                                   description="Højeste antal møder om året ved et interval "
                                               "som '3-6 møder årligt'.")
    interval_dage: heltal(1, 366) | None = Field(None,
                                      description="Dage mellem møderne: 7 = ugentligt, 14 = "
                                                  "hver 14. dag.")
    varighed_minutter: heltal(5, 1440) | None = Field(None,
                                          description="Mødets varighed i minutter.")
    ad_hoc: bool = Field(False, description="Der holdes møder efter behov: alene (uden 'pr_aar' "
                                            "og 'interval_dage') er forummet et forum, der "
                                            "mødes efter behov; ellers også efter behov.")

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
    def efter_behov(self) -> bool:
        """The forum meets only when needed: no regular rhythm, only 'ad hoc'."""
        return self.ad_hoc and not self.kendt

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

    titel: Navn = Field(description="Fx 'Møde om unge over 18 år'.")
    hyppighed: Hyppighed
    deltagerlister: list[DeltagerlisteId] = Field(default_factory=list,
                                     description="Id'er på deltagerlisterne; tom = alle deltagere.")


class LovHenvisning(Record):
    """En henvisning fra et forum eller en rolle til lovgrundlaget."""

    lov: LovId = Field(description="Id på loven (love.yml).")
    paragraf: Navn | None = Field(None, description="Paragraf, fx '§ 115'.")


class Rapportering(Record):
    """En linje, forummet refererer ad: til et forum eller til en enhed uden for fora (fx et
    politisk udvalg eller en direktion)."""

    forum: ForumId | None = Field(None, description="Id på forummet, der refereres til.")
    enhed: EnhedId | None = Field(None, description="Id på enheden (enheder.yml), der refereres "
                                                    "til, når det ikke er et forum.")
    sekundaer: bool = Field(False, description="En sekundær linje (fx en orientering en gang i "
                                               "kvartalet); tegnes stiplet i diagrammet.")
    hyppighed: Hyppighed | None = Field(None, description="Hvor ofte, hvis kilden siger det.")
    note: Tekst | None = Field(None, description="Hvad kilden siger om linjen.")

    @model_validator(mode="after")
    def _one_target(self) -> "Rapportering":
        if (self.forum is None) == (self.enhed is None):
            raise ValueError("report_target")
        return self


def _shape(value: Any) -> str:
    """Which form a shorthand field is written in, so that only that form's errors are told."""
    return {str: "tekst-form", list: "liste-form"}.get(type(value), "post-form")


# A reporting line: a forum's id, or the line written out.
_Linje = Annotated[Union[Annotated[ForumId, Tag("tekst-form")],
                         Annotated[Rapportering, Tag("post-form")]], Discriminator(_shape)]
# One line, or a list of them.
Rapporteringer = Annotated[Union[Annotated[ForumId, Tag("tekst-form")],
                                 Annotated[Rapportering, Tag("post-form")],
                                 Annotated[list[_Linje], Tag("liste-form")]], Discriminator(_shape)]


class Forum(PostMedAndreNavne):
    """Et samarbejdsforum eller møde (fora/<id>.yml)."""

    KIND: ClassVar[Kind] = Kind("forum", "forum", "fora/")

    navn: Navn = Field(description="Forummets navn, fx 'SSP-styregruppen'.")
    type: Literal["intern", "ekstern"] = Field(description="'intern' eller 'ekstern' mødeforum.")
    niveau: OrganisationsniveauId | None = Field(
        None, description="Forummets niveau i organisationen: et id fra 'organisationsniveauer' "
                          "i niveauer.yml, fx 'strategisk'.")
    rapporterer_til: Rapporteringer | None = Field(
        None, description="Hvem forummet refererer (rapporterer) til, hvis kilden siger det: id'et "
                          "på et forum, eller en liste af linjer, hver et forum-id eller "
                          "{forum: id} / {enhed: id} med 'sekundaer', 'hyppighed' og 'note'.")
    distrikter: list[DistriktId] = Field(
        default_factory=list, description="Findes forummet én gang i hvert af nogle distrikter "
                                          "(fx et lokaludvalg pr. område): distrikternes id'er.")
    i_alle_distrikter: bool = Field(False, description="Forummet findes én gang i hvert "
                                                       "distrikt (distrikter.yml).")
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
    vedligeholdes_af: VedligeholdesAf = None
    gennemgaaet: Gennemgaaet = None

    @model_validator(mode="after")
    def _districts(self) -> "Forum":
        if self.distrikter and self.i_alle_distrikter:
            raise ValueError("districts_both")
        return self

    @property
    def rapporteringer(self) -> list[Rapportering]:
        """The forum's reporting lines, the shorthand (a forum id) written out."""
        lines = self.rapporterer_til
        if lines is None:
            return []
        return [Rapportering(forum=x) if isinstance(x, str) else x
                for x in (lines if isinstance(lines, list) else [lines])]
