"""The municipality and its handbook as a whole: revisions, free pages, units, levels, laws,
appendices (kommune.yml, enheder.yml, niveauer.yml, love.yml, bilag.yml)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints, model_validator

from ..fields import (Adresse, AktivitetId, Dato, EnhedId, Farve, ForumId, Id, Kind, LovId, Markdown, Navn,
                      RolleId, SektorId, Sidetekst, Tekst, Url, heltal)
from .base import SEKTORER, Afsnit, Post, Punkt, Record

#: The version of the data format this generator reads (kommune.yml's 'dataformat'); older
#: data is rewritten by ./run migrer (macros/migrate.py).
DATAFORMAT = 2


class Revision(Record):
    """En revision af håndbogen."""

    dato: Dato = Field(description="Revisionens dato (ÅÅÅÅ-MM-DD).")
    tekst: Navn = Field(description="Sådan vises revisionen i sidefoden og på forsiderne, fx "
                                    "'Revideret primo 2022' eller 'Udkast'.")
    godkendt_af: Navn | None = Field(None, description="Hvem godkendte revisionen (rolle/forum).")
    resume: Tekst | None = Field(None, description="Kort resumé af ændringerne.")


class Side(Record):
    """En side med fri tekst, fx 'Strategisk retning': i kommune.yml under 'sider' (med afsnit)
    eller som sin egen fil sider/<id>.md (titel øverst, så teksten i Markdown)."""

    KIND: ClassVar[Kind] = Kind("side", "side", "kommune.yml (sider) eller sider/")

    id: Id
    titel: Navn = Field(description="Sidens titel.")
    afsnit: list[Afsnit] = Field(default_factory=list, description="Sidens afsnit.")
    tekst: Sidetekst | None = Field(None, description="Sidens tekst (i en fil sider/<id>.md: "
                                                      "alt under titlen).")

    @model_validator(mode="after")
    def _content(self) -> "Side":
        if not self.afsnit and not self.tekst:
            raise ValueError("page_empty")
        return self


class Redigering(Record):
    """Hvor formular-editoren (/admin/) gemmer sine ændringer: forge og repository. Sættes af
    it-afdelingen; se REDAKTOERGUIDE.md."""

    backend: Literal["github", "gitlab", "gitea", "forgejo", "azure"] = Field(
        description="Hvor repositoriet ligger: github, gitlab, gitea, forgejo eller azure "
                    "(Azure DevOps).")
    repo: Annotated[str, StringConstraints(pattern=r"^[\w.-]+(/[\w.-]+){1,2}$")] = Field(
        description="Repositoriet som 'ejer/navn', fx 'herning-kommune/ssp-haandbog' (Azure "
                    "DevOps: 'organisation/projekt/repository').")
    branch: Navn = Field("main", description="Grenen, der udgives fra (fx 'main').")
    base_url: Url | None = Field(None, description="Login-serverens adresse: for GitHub den "
                                 "OAuth-tjeneste, it har sat op; for en egen GitLab-, Gitea- "
                                 "eller Forgejo-server serverens adresse.")
    api_root: Url | None = Field(None, description="API'ets adresse på en egen server, fx "
                                 "'https://gitlab.kommune.dk/api/v4'.")
    app_id: Navn | None = Field(None, description="Id på OAuth-applikationen (GitLab, Gitea, "
                                 "Forgejo og Azure DevOps).")
    tenant_id: Navn | None = Field(None, description="Azure DevOps: id på kommunens "
                                    "Microsoft Entra-tenant.")


class Kommune(Record):
    """Kommunen og håndbogen som helhed (kommune.yml)."""

    id: Id = Field(description="Kommunens id; samme som mappenavnet under data/.")
    dataformat: Literal[DATAFORMAT] = Field(
        description=f"Udgaven af dataformatet, som filerne er skrevet til: {DATAFORMAT}. Data i en "
                    "ældre udgave skrives om med './run migrer <kommune>'.")
    navn: Navn = Field(description="Kommunens navn, fx 'Bjergby Kommune'.")
    enhed: Navn | None = Field(None, description="Enheden, der ejer SSP, fx 'Ungdomsskolen'.")
    titel: Navn = Field(description="Håndbogens titel, som i kildedokumentet.")
    undertitel: Navn | None = Field(None, description="Undertitel.")
    revisioner: list[Revision] = Field(min_length=1, description="Revisioner, ældste først.")
    indledning: list[Afsnit] = Field(min_length=1, description="Forsidens tekst.")
    adresse: Adresse | None = None
    tilgaengelighedserklaering: Url = Field(
        description="Webadressen (https://...) på kommunens tilgængelighedserklæring; påkrævet "
                    "for offentlige myndigheders websteder og vist i sidefoden på hver side.")
    sider: list[Side] = Field(default_factory=list, description="Sider med fri tekst.")
    navigation: list[str] = Field(
        min_length=1, description="Menuens rækkefølge: håndbogens afsnit (fx 'forside', 'fora', "
                                  "'roller') og id'erne på siderne.")
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
    redigering: Redigering | None = Field(
        None, description="Formular-editoren: hvor den gemmer (sættes af it-afdelingen).")


class Sektor(Post):
    """En sektor ud over de indbyggede skole, social, politi og andet (sektorer.yml), fx
    psykiatri eller kriminalforsorgen."""

    KIND: ClassVar[Kind] = Kind("sektor", "sektor", "sektorer.yml", indbygget=tuple(SEKTORER))

    navn: Navn = Field(description="Sektorens navn, som det står i organisationsdiagrammet og "
                                   "tabellerne, fx 'Psykiatri'.")
    farve: Farve | None = Field(None, description="Farven i organisationsdiagrammet (lys, "
                                                  "#rrggbb); uden den vælges en.")


class Enhed(Post):
    """En organisation eller enhed, som roller hører til (enheder.yml)."""

    KIND: ClassVar[Kind] = Kind("enhed", "enhed", "enheder.yml")

    navn: Navn = Field(description="Enhedens fulde navn.")
    forkortelse: Navn | None = Field(None, description="Forkortelse, fx 'CBF'.")
    sektor: SektorId = Field(description="Hvilken sektor enheden hører til: 'skole', 'social', "
                                         "'politi', 'andet' eller en sektor fra sektorer.yml.")
    del_af: EnhedId | None = Field(None, description="Id på den enhed, denne er en del af.")
    beskrivelse: Markdown | None = Field(None, description="Kort beskrivelse.")


class Niveau(Post):
    """Et indsatsniveau eller en søjle."""

    navn: Navn = Field(description="Fx 'Den generelle indsats' eller 'Den proaktive søjle'.")
    maalgruppe: Navn | None = Field(None, description="Målgruppen, fx 'alle børn og unge'.")
    beskrivelse: Markdown = Field(description="Beskrivelse af niveauet.")
    aktoerer_tekst: Markdown | None = Field(None, description="De primære aktører, som i kilden.")
    aktoerer: list[RolleId] = Field(default_factory=list, description="Id'er på rollerne, der er "
                                                                 "primære aktører.")


class Organisationsniveau(Post):
    """Et niveau i organisationen, fx 'Strategisk niveau'; fora placeres på et af dem."""

    KIND: ClassVar[Kind] = Kind("organisationsniveau", "organisationsniveau",
                                "niveauer.yml (organisationsniveauer)")

    navn: Navn = Field(description="Niveauets navn, som det står over fora i "
                                   "organisationsdiagrammet, fx 'Strategisk niveau'.")
    beskrivelse: Markdown | None = Field(None, description="Hvad der sker på niveauet.")


class Niveauer(Record):
    """Organisationens niveauer og indsatsniveauerne eller søjlerne (niveauer.yml)."""

    organisationsniveauer: list[Organisationsniveau] = Field(
        default_factory=list, max_length=6,
        description="Organisationens niveauer, øverste først (1-6), fx strategisk, taktisk og "
                    "udførende. Et forums 'niveau' er et af disse id'er; organisationsdiagrammet "
                    "viser niveauerne i denne rækkefølge.")
    titel: Navn | None = Field(None, description="Titlen på siden om indsatsniveauerne, fx 'SSP "
                                                 "på 3 niveauer' (påkrævet, når der er niveauer).")
    indledning: Markdown | None = Field(None, description="Tekst før niveauerne.")
    niveauer: list[Niveau] = Field(default_factory=list, max_length=6,
                                   description="Indsatsniveauerne eller søjlerne i rækkefølge "
                                               "(1-6); de vises som en pyramide eller søjler.")
    figur: Literal["pyramide", "soejler"] = Field(
        "pyramide", description="Figuren på siden: 'pyramide' (niveauer, hvor målgruppen bliver "
                                "smallere nedad) eller 'soejler' (søjler side om side).")
    kilder: list[Tekst] = Field(default_factory=list, description="Kilder, som i dokumentet.")

    @model_validator(mode="after")
    def _title(self) -> "Niveauer":
        if self.niveauer and not self.titel:
            raise ValueError("levels_title")
        return self


class Stykke(Record):
    """Et stykke i en lovtekst, gengivet i fuld længde."""

    nummer: Navn | None = Field(None, description="Fx 'Stk. 2.'; tomt for stk. 1.")
    tekst: Markdown = Field(description="Stykkets tekst.")
    punkter: list[Punkt] = Field(default_factory=list, description="Nummererede punkter.")
    efterskrift: Markdown | None = Field(None, description="Tekst efter punkterne.")


class Lov(Post):
    """En lov eller vejledning, som arbejdet hviler på (love.yml)."""

    KIND: ClassVar[Kind] = Kind("lov", "lov", "love.yml")

    navn: Navn = Field(description="Lovens eller vejledningens navn.")
    type: Literal["lov", "vejledning"] = Field("lov", description="'lov' eller 'vejledning'.")
    paragraffer: Navn | None = Field(None, description="Paragraffer, fx '§ 111-115'.")
    indhold: Markdown | None = Field(None, description="Resumé af indholdet.")
    stykker: list[Stykke] = Field(default_factory=list,
                                  description="Lovteksten i fuld længde, hvis den gengives.")
    url: Url | None = Field(None, description="Link til lovteksten.")


class Bilag(Record):
    """Et bilag med kildens nummerering (bilag.yml)."""

    KIND: ClassVar[Kind] = Kind("bilag", "bilag", "bilag.yml")

    id: Id
    nummer: heltal(1, 999) = Field(description="Bilagets nummer som i kilden (1, 2, 3, ...).")
    titel: Navn = Field(description="Bilagets titel uden 'Bilag N:'.")
    afsnit: list[Afsnit] = Field(default_factory=list, description="Bilagets egen tekst.")
    roller: list[RolleId] = Field(default_factory=list, description="Roller, bilaget beskriver.")
    fora: list[ForumId] = Field(default_factory=list, description="Fora, bilaget beskriver.")
    love: list[LovId] = Field(default_factory=list, description="Love, bilaget beskriver.")
    aktiviteter: list[AktivitetId] = Field(default_factory=list,
                                           description="Aktiviteter, bilaget beskriver.")
    distrikter: bool = Field(False, description="Bilaget viser distrikter og skoler.")
    niveauer: bool = Field(False, description="Bilaget viser indsatsniveauerne/søjlerne.")
