"""The data model of a municipality's SSP handbook.

Every field has a Danish description: it is what an editor sees in VS Code through the
generated JSON Schema (``schema/``). Plain text fields (``Tekst``) are always shown literally;
fields typed ``Markdown`` are deliberately Markdown, with raw HTML, ``javascript:`` links and
template syntax refused, and may point at other records with ``[[rolle:id]]``,
``[[forum:id]]``, ``[[lov:id]]``, ``[[bilag:id]]``, ``[[side:id]]`` or ``[[distrikt:id]]``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .personal_data import SCHEMA_PATTERN

# --- field types ---------------------------------------------------------------------------

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
                "adresser og henvisninger og bør ikke ændres.",
    json_schema_extra={"not": {"pattern": SCHEMA_PATTERN}})]
# What the JSON Schema can say about CPR numbers and unsafe Markdown (personal_data.py and
# _check_markdown are the authority; these let an editor see it while typing).
CPR_PATTERN = SCHEMA_PATTERN
_SCHEMA_NO_CPR = {"not": {"pattern": CPR_PATTERN}}
_SCHEMA_SAFE_MARKDOWN = {"pattern": r"^(?![\s\S]*(<[A-Za-z!/]|[{}]|!\[|(javascript|vbscript)\s*:))",
                         **_SCHEMA_NO_CPR}

# Lengths: generous for what editors write, short enough that no value can break a page,
# a table or the diagram (names and titles are in menus, headings, diagram boxes, footers).
MAX_TEKST, MAX_NAVN, MAX_MARKDOWN = 2000, 200, 20000
Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                         max_length=MAX_TEKST), Field(
    description="Almindelig tekst. Vises præcis som skrevet (ingen formatering).",
    json_schema_extra=_SCHEMA_NO_CPR)]
Navn = Annotated[Tekst, StringConstraints(max_length=MAX_NAVN)]  # names, titles, headings


def _check_markdown(value: str) -> str:
    if _HTML_TAG.search(value):
        raise ValueError("markdown_html")
    link = _UNSAFE_LINK.search(value)
    if link:
        raise ValueError(f"markdown_link:{link.group(2).lower()}")
    if _TEMPLATE.search(value):
        raise ValueError("markdown_template")
    if _BRACES.search(value):
        raise ValueError("markdown_braces")
    if _IMAGE.search(value):
        raise ValueError("markdown_image")
    return value


Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                            max_length=MAX_MARKDOWN),
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
Sektor = Literal["skole", "social", "politi", "andet"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


# --- the municipality ----------------------------------------------------------------------

class Revision(Record):
    """En revision af håndbogen."""

    dato: Dato = Field(description="Revisionens dato (ÅÅÅÅ-MM-DD).")
    tekst: Navn = Field(description="Sådan vises revisionen, fx 'Revideret primo 2022'.")
    godkendt_af: Tekst | None = Field(None, description="Hvem godkendte revisionen (rolle/forum).")
    resume: Tekst | None = Field(None, description="Kort resumé af ændringerne.")


class Side(Record):
    """En side med fri tekst, fx 'Strategisk retning'."""

    id: Id
    titel: Navn = Field(description="Sidens titel.")
    afsnit: list[Afsnit] = Field(min_length=1, description="Sidens afsnit.")


NAV_SECTIONS = ("forside", "niveauer", "organisering", "fora", "roller", "love", "bilag",
                "distrikter", "aarshjul", "pixi", "historik", "modsigelser")


class Kommune(Record):
    """Kommunen og håndbogen som helhed (kommune.yml)."""

    id: Id = Field(description="Kommunens id; samme som mappenavnet under data/.")
    navn: Navn = Field(description="Kommunens navn, fx 'Bjergby Kommune'.")
    enhed: Navn | None = Field(None, description="Enheden, der ejer SSP, fx 'Ungdomsskolen'.")
    titel: Navn = Field(description="Håndbogens titel, som i kildedokumentet.")
    undertitel: Navn | None = Field(None, description="Undertitel.")
    revisioner: list[Revision] = Field(min_length=1, description="Revisioner, ældste først.")
    indledning: list[Afsnit] = Field(min_length=1, description="Forsidens tekst.")
    adresse: Url | None = Field(None, description="Håndbogens adresse på intranettet.")
    tilgaengelighedserklaering: Url = Field(
        description="Adressen på kommunens tilgængelighedserklæring (påkrævet for offentlige "
                    "myndigheders websteder; vises i sidefoden på hver side).")
    sider: list[Side] = Field(default_factory=list, description="Sider med fri tekst.")
    navigation: list[str] = Field(
        min_length=1, description="Menuens rækkefølge: 'forside', 'niveauer', 'organisering', "
                                  "'fora', 'roller', 'love', 'bilag', 'distrikter', 'aarshjul', "
                                  "'pixi', 'historik', 'modsigelser' eller id'et på en side.")
    organisering: list[Afsnit] = Field(default_factory=list,
                                       description="Tekst på siden om organiseringen.")
    fora_indledning: list[Afsnit] = Field(default_factory=list,
                                          description="Tekst øverst på oversigten over fora.")
    roller_indledning: list[Afsnit] = Field(default_factory=list,
                                            description="Tekst øverst på oversigten over roller.")
    love_indledning: list[Afsnit] = Field(default_factory=list,
                                          description="Tekst øverst på siden om lovgrundlag.")
    bilag_indledning: list[Afsnit] = Field(default_factory=list,
                                           description="Tekst øverst på oversigten over bilag.")


class Enhed(Record):
    """En organisation eller enhed, som roller hører til (enheder.yml)."""

    id: Id
    navn: Navn = Field(description="Enhedens fulde navn.")
    forkortelse: Navn | None = Field(None, description="Forkortelse, fx 'CBF'.")
    sektor: Sektor = Field(description="Hvilket 'S' enheden hører til: skole, social, politi "
                                       "eller andet.")
    del_af: Id | None = Field(None, description="Id på den enhed, denne er en del af.")
    beskrivelse: Markdown | None = Field(None, description="Kort beskrivelse.")


class Niveau(Record):
    """Et indsatsniveau eller en søjle."""

    id: Id
    navn: Navn = Field(description="Fx 'Den generelle indsats' eller 'Den proaktive søjle'.")
    maalgruppe: Tekst | None = Field(None, description="Målgruppen, fx 'alle børn og unge'.")
    beskrivelse: Markdown = Field(description="Beskrivelse af niveauet.")
    aktoerer_tekst: Markdown | None = Field(None, description="De primære aktører, som i kilden.")
    aktoerer: list[Id] = Field(default_factory=list, description="Id'er på rollerne, der er "
                                                                 "primære aktører.")


class Niveauer(Record):
    """Indsatsniveauerne eller søjlerne (niveauer.yml)."""

    titel: Navn = Field(description="Sidens titel, fx 'SSP på 3 niveauer'.")
    indledning: Markdown | None = Field(None, description="Tekst før niveauerne.")
    niveauer: list[Niveau] = Field(min_length=1, description="Niveauerne i rækkefølge.")
    figur: Literal["pyramide", "soejler"] = Field(
        "pyramide", description="Figuren på siden: 'pyramide' (niveauer, hvor målgruppen bliver "
                                "smallere nedad) eller 'soejler' (søjler side om side).")
    kilder: list[Tekst] = Field(default_factory=list, description="Kilder, som i dokumentet.")


class Stykke(Record):
    """Et stykke i en lovtekst, gengivet i fuld længde."""

    nummer: Tekst | None = Field(None, description="Fx 'Stk. 2.'; tomt for stk. 1.")
    tekst: Markdown = Field(description="Stykkets tekst.")
    punkter: list[Punkt] = Field(default_factory=list, description="Nummererede punkter.")
    efterskrift: Markdown | None = Field(None, description="Tekst efter punkterne.")


class Lov(Record):
    """En lov eller vejledning, som arbejdet hviler på (love.yml)."""

    id: Id
    navn: Navn = Field(description="Lovens eller vejledningens navn.")
    type: Literal["lov", "vejledning"] = Field("lov", description="'lov' eller 'vejledning'.")
    paragraffer: Tekst | None = Field(None, description="Paragraffer, fx '§ 111-115'.")
    indhold: Markdown | None = Field(None, description="Resumé af indholdet.")
    stykker: list[Stykke] = Field(default_factory=list,
                                  description="Lovteksten i fuld længde, hvis den gengives.")
    url: Url | None = Field(None, description="Link til lovteksten.")


class Bilag(Record):
    """Et bilag med kildens nummerering (bilag.yml)."""

    id: Id
    nummer: int = Field(ge=1, le=999, description="Bilagets nummer som i kilden (1, 2, 3, ...).")
    titel: Navn = Field(description="Bilagets titel uden 'Bilag N:'.")
    afsnit: list[Afsnit] = Field(default_factory=list, description="Bilagets egen tekst.")
    roller: list[Id] = Field(default_factory=list, description="Roller, bilaget beskriver.")
    fora: list[Id] = Field(default_factory=list, description="Fora, bilaget beskriver.")
    love: list[Id] = Field(default_factory=list, description="Love, bilaget beskriver.")
    aktiviteter: list[Id] = Field(default_factory=list, description="Aktiviteter, bilaget beskriver.")
    distrikter: bool = Field(False, description="Bilaget viser distrikter og skoler.")
    niveauer: bool = Field(False, description="Bilaget viser indsatsniveauerne/søjlerne.")


# --- people and meetings -------------------------------------------------------------------

class Rolle(Record):
    """En rolle eller aktør (roller/<id>.yml). Beskriver en funktion, aldrig en person."""

    id: Id
    navn: Navn = Field(description="Rollens navn, fx 'Leder af SSP'.")
    alternative_navne: list[Navn] = Field(default_factory=list,
                                           description="Andre navne for rollen i kilden.")
    enhed: Id | None = Field(None, description="Id på enheden, rollen hører til.")
    sektor: Sektor | None = Field(None, description="Sektor, hvis den afviger fra enhedens.")
    kategori: Literal["aktoer", "deltager"] = Field(
        "deltager", description="'aktoer' for de centrale aktører med egen beskrivelse, "
                                "'deltager' for roller, der kun optræder som mødedeltagere.")
    antal: Tekst | None = Field(None, description="Hvor mange, fx '2' eller '3-4'.")
    formaal: Markdown | None = Field(None, description="Rollens formål.")
    beskrivelse: Markdown | None = Field(None, description="Kort beskrivelse.")
    afsnit: list[Afsnit] = Field(default_factory=list, description="Opgaver og øvrige afsnit.")
    distrikter: list[Id] = Field(default_factory=list, description="Distrikter, rollen dækker.")
    vedligeholdes_af: Id | None = Field(None, description="Id på rollen, der holder posten "
                                                          "ajour ved den årlige revision.")
    gennemgaaet: Dato | None = Field(None, description="Dato for seneste gennemgang af posten "
                                                       "(ÅÅÅÅ-MM-DD).")


Funktion = Literal["formand", "naestformand", "moedeleder", "referent", "tovholder",
                   "sekretariat"]
Ansvar = Literal["indkaldelse", "dagsorden", "referat", "afvikling"]


class Deltager(Record):
    """En deltager i et forum: en rolle plus det, kilden siger om deltagelsen."""

    rolle: Id = Field(description="Id på rollen (roller/<id>.yml).")
    betegnelse: Tekst | None = Field(None, description="Kildens ordlyd for deltageren her, "
                                                       "hvis den afviger fra rollens navn.")
    antal: Tekst | None = Field(None, description="Antal, fx '1', '2-3' eller 'én fra hver skole'.")
    funktion: list[Funktion] = Field(default_factory=list,
                                     description="formand, naestformand, moedeleder, referent, "
                                                 "tovholder eller sekretariat.")
    ansvar: list[Ansvar] = Field(default_factory=list,
                                 description="Ansvar for indkaldelse, dagsorden, referat, afvikling.")
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

    id: Id
    titel: Navn = Field(description="Listens titel, fx 'Møde om unge under 18 år'.")
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

    titel: Navn = Field(description="Fx 'Møde om unge over 18 år'.")
    hyppighed: Hyppighed
    deltagerlister: list[Id] = Field(default_factory=list,
                                     description="Id'er på deltagerlisterne; tom = alle deltagere.")


class LovHenvisning(Record):
    """En henvisning fra et forum eller en rolle til lovgrundlaget."""

    lov: Id = Field(description="Id på loven (love.yml).")
    paragraf: Tekst | None = Field(None, description="Paragraf, fx '§ 115'.")


class Forum(Record):
    """Et samarbejdsforum eller møde (fora/<id>.yml)."""

    id: Id
    navn: Navn = Field(description="Forummets navn.")
    alternative_navne: list[Navn] = Field(default_factory=list,
                                           description="Andre navne for forummet i kilden.")
    type: Literal["intern", "ekstern"] = Field(description="'intern' eller 'ekstern' mødeforum.")
    niveau: Literal["strategisk", "koordinerende", "udfoerende"] | None = Field(
        None, description="Niveau i organisationen: strategisk, koordinerende eller udfoerende.")
    rapporterer_til: Id | None = Field(None, description="Id på forummet, dette forum "
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
    vedligeholdes_af: Id | None = Field(None, description="Id på rollen, der holder posten "
                                                          "ajour ved den årlige revision.")
    gennemgaaet: Dato | None = Field(None, description="Dato for seneste gennemgang af posten "
                                                       "(ÅÅÅÅ-MM-DD).")


# --- districts, activities, contradictions ---------------------------------------------------

class Omraade(Record):
    """Et medarbejderområde, fx 'Syd/Vest', med sin skoleliste."""

    id: Id
    navn: Navn
    daekkes_af: Id | None = Field(None, description="Id på rollen, der dækker området.")
    skoler: list[Tekst] = Field(default_factory=list, description="Skolerne i området.")


class Underdistrikt(Record):
    navn: Navn | None = Field(None, description="Fx 'Mejrup SSP distrikt'.")
    skoler: list[Tekst] = Field(default_factory=list)
    omraade: Id | None = Field(None, description="Id på medarbejderområdet.")


class Distrikt(Record):
    """Et SSP-distrikt."""

    id: Id
    navn: Navn
    beskrivelse: Markdown | None = None
    daekkes_af: Id | None = Field(None, description="Id på rollen, der dækker distriktet.")
    omraade: Id | None = Field(None, description="Id på medarbejderområdet.")
    skoler: list[Tekst] = Field(default_factory=list)
    underdistrikter: list[Underdistrikt] = Field(default_factory=list)


class Distrikter(Record):
    """Distrikter, skoler og medarbejderområder (distrikter.yml)."""

    titel: Navn = Field("Distrikter og skoler", description="Sidens titel.")
    indledning: list[Afsnit] = Field(default_factory=list)
    distrikter: list[Distrikt] = Field(min_length=1)
    omraader: list[Omraade] = Field(default_factory=list)
    omraader_indledning: Markdown | None = None


class Aktivitet(Record):
    """En fast aktivitet i året, fx et oplæg på en årgang eller en undersøgelse."""

    id: Id
    navn: Navn
    klassetrin: list[int] = Field(default_factory=list, description="Årgange (0-10).")
    tema: Tekst | None = None
    maaneder: list[Annotated[int, Field(ge=1, le=12)]] = Field(
        default_factory=list, description="Måneder (1-12), hvis kilden nævner dem.")
    tidspunkt: Tekst | None = Field(None, description="Kildens ordlyd om tidspunktet.")
    hyppighed: Tekst | None = Field(None, description="Fx 'hvert år' eller 'hvert andet år'.")
    ansvarlige: list[Id] = Field(default_factory=list, description="Id'er på ansvarlige roller.")
    foraeldremoede: bool = Field(False, description="Der hører et forældremøde til.")
    beskrivelse: Markdown | None = None

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

    rolle: Id = Field(description="Id på rollen, man kontakter.")
    hvad: Tekst = Field(description="Hvad man kontakter rollen om, fx 'bekymring for en elev'.")


class Pixi(Record):
    """Pixi-guiden til nye SSP-lærere (pixi.yml): hvilke poster den samler, og dens egen tekst."""

    titel: Navn = Field("Pixi-guide for nye SSP-lærere", description="Guidens titel.")
    roller: list[Id] = Field(min_length=1, description="Rollen/rollerne guiden er til; flere "
                                                       "roller vises med det, der er forskelligt.")
    indledning: Markdown | None = Field(None, description="Kort velkomst.")
    kontakter: list[PixiKontakt] = Field(min_length=1, description="Hvem kontakter du for hvad.")
    regler: list[Afsnit] = Field(min_length=1, description="Reglerne om oplysninger i "
                                                           "almindelige ord.")
    afsnit: list[Afsnit] = Field(default_factory=list, description="Egne ekstra afsnit.")


class RawHandbook(Record):
    """Alle data for én kommune, som de står i filerne."""

    kommune: Kommune
    enheder: list[Enhed] = Field(min_length=1)
    niveauer: Niveauer | None = None
    love: list[Lov] = Field(min_length=1)
    bilag: list[Bilag] = Field(default_factory=list)
    distrikter: Distrikter | None = None
    aktiviteter: list[Aktivitet] = Field(default_factory=list)
    modsigelser: list[Modsigelse] = Field(default_factory=list)
    pixi: Pixi | None = None
    fora: list[Forum] = Field(min_length=1)
    roller: list[Rolle] = Field(min_length=1)
