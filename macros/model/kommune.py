"""The municipality and its handbook as a whole: revisions, free pages, units, levels, laws,
appendices (kommune.yml, enheder.yml, niveauer.yml, love.yml, bilag.yml)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints

from ..fields import (AktivitetId, Dato, EnhedId, ForumId, Id, Kind, LovId, Markdown, RolleId,
                      Tekst, Url)
from .base import Afsnit, Punkt, Record, Sektor


class Revision(Record):
    """En revision af håndbogen."""

    dato: Dato = Field(description="Revisionens dato (ÅÅÅÅ-MM-DD).")
    tekst: Tekst = Field(description="Sådan vises revisionen, fx 'Revideret primo 2022'.")
    godkendt_af: Tekst | None = Field(None, description="Hvem godkendte revisionen (rolle/forum).")
    resume: Tekst | None = Field(None, description="Kort resumé af ændringerne.")


class Side(Record):
    """En side med fri tekst, fx 'Strategisk retning'."""

    KIND: ClassVar[Kind] = Kind("side", "side", "kommune.yml (sider)")

    id: Id
    titel: Tekst = Field(description="Sidens titel.")
    afsnit: list[Afsnit] = Field(min_length=1, description="Sidens afsnit.")


class Redigering(Record):
    """Hvor formular-editoren (/admin/) gemmer sine ændringer: forge og repository. Sættes af
    it-afdelingen; se REDAKTOERGUIDE.md."""

    backend: Literal["github", "gitlab", "gitea", "forgejo", "azure"] = Field(
        description="Hvor repositoriet ligger: github, gitlab, gitea, forgejo eller azure "
                    "(Azure DevOps).")
    repo: Annotated[str, StringConstraints(pattern=r"^[\w.-]+(/[\w.-]+){1,2}$")] = Field(
        description="Repositoriet som 'ejer/navn', fx 'herning-kommune/ssp-haandbog' (Azure "
                    "DevOps: 'organisation/projekt/repository').")
    branch: Tekst = Field("main", description="Grenen, der udgives fra (fx 'main').")
    base_url: Url | None = Field(None, description="Login-serverens adresse: for GitHub den "
                                 "OAuth-tjeneste, it har sat op; for en egen GitLab-, Gitea- "
                                 "eller Forgejo-server serverens adresse.")
    api_root: Url | None = Field(None, description="API'ets adresse på en egen server, fx "
                                 "'https://gitlab.kommune.dk/api/v4'.")
    app_id: Tekst | None = Field(None, description="Id på OAuth-applikationen (GitLab, Gitea, "
                                 "Forgejo og Azure DevOps).")
    tenant_id: Tekst | None = Field(None, description="Azure DevOps: id på kommunens "
                                    "Microsoft Entra-tenant.")


class Kommune(Record):
    """Kommunen og håndbogen som helhed (kommune.yml)."""

    id: Id = Field(description="Kommunens id; samme som mappenavnet under data/.")
    navn: Tekst = Field(description="Kommunens navn, fx 'Bjergby Kommune'.")
    enhed: Tekst | None = Field(None, description="Enheden, der ejer SSP, fx 'Ungdomsskolen'.")
    titel: Tekst = Field(description="Håndbogens titel, som i kildedokumentet.")
    undertitel: Tekst | None = Field(None, description="Undertitel.")
    revisioner: list[Revision] = Field(min_length=1, description="Revisioner, ældste først.")
    indledning: list[Afsnit] = Field(min_length=1, description="Forsidens tekst.")
    adresse: Url | None = Field(None, description="Håndbogens adresse på intranettet.")
    tilgaengelighedserklaering: Url = Field(
        description="Adressen på kommunens tilgængelighedserklæring (påkrævet for offentlige "
                    "myndigheders websteder; vises i sidefoden på hver side).")
    sider: list[Side] = Field(default_factory=list, description="Sider med fri tekst.")
    navigation: list[str] = Field(
        min_length=1, description="Menuens rækkefølge: håndbogens afsnit (fx 'forside', 'fora', "
                                  "'roller'; hele listen står i README) og id'erne på siderne.")
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


class Enhed(Record):
    """En organisation eller enhed, som roller hører til (enheder.yml)."""

    KIND: ClassVar[Kind] = Kind("enhed", "enhed", "enheder.yml")

    id: Id
    navn: Tekst = Field(description="Enhedens fulde navn.")
    forkortelse: Tekst | None = Field(None, description="Forkortelse, fx 'CBF'.")
    sektor: Sektor = Field(description="Hvilket 'S' enheden hører til: skole, social, politi "
                                       "eller andet.")
    del_af: EnhedId | None = Field(None, description="Id på den enhed, denne er en del af.")
    beskrivelse: Markdown | None = Field(None, description="Kort beskrivelse.")


class Niveau(Record):
    """Et indsatsniveau eller en søjle."""

    id: Id
    navn: Tekst = Field(description="Fx 'Den generelle indsats' eller 'Den proaktive søjle'.")
    maalgruppe: Tekst | None = Field(None, description="Målgruppen, fx 'alle børn og unge'.")
    beskrivelse: Markdown = Field(description="Beskrivelse af niveauet.")
    aktoerer_tekst: Markdown | None = Field(None, description="De primære aktører, som i kilden.")
    aktoerer: list[RolleId] = Field(default_factory=list, description="Id'er på rollerne, der er "
                                                                 "primære aktører.")


class Niveauer(Record):
    """Indsatsniveauerne eller søjlerne (niveauer.yml)."""

    titel: Tekst = Field(description="Sidens titel, fx 'SSP på 3 niveauer'.")
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

    KIND: ClassVar[Kind] = Kind("lov", "lov", "love.yml")

    id: Id
    navn: Tekst = Field(description="Lovens eller vejledningens navn.")
    type: Literal["lov", "vejledning"] = Field("lov", description="'lov' eller 'vejledning'.")
    paragraffer: Tekst | None = Field(None, description="Paragraffer, fx '§ 111-115'.")
    indhold: Markdown | None = Field(None, description="Resumé af indholdet.")
    stykker: list[Stykke] = Field(default_factory=list,
                                  description="Lovteksten i fuld længde, hvis den gengives.")
    url: Url | None = Field(None, description="Link til lovteksten.")


class Bilag(Record):
    """Et bilag med kildens nummerering (bilag.yml)."""

    KIND: ClassVar[Kind] = Kind("bilag", "bilag", "bilag.yml")

    id: Id
    nummer: int = Field(ge=1, description="Bilagets nummer som i kilden (1, 2, 3, ...).")
    titel: Tekst = Field(description="Bilagets titel uden 'Bilag N:'.")
    afsnit: list[Afsnit] = Field(default_factory=list, description="Bilagets egen tekst.")
    roller: list[RolleId] = Field(default_factory=list, description="Roller, bilaget beskriver.")
    fora: list[ForumId] = Field(default_factory=list, description="Fora, bilaget beskriver.")
    love: list[LovId] = Field(default_factory=list, description="Love, bilaget beskriver.")
    aktiviteter: list[AktivitetId] = Field(default_factory=list,
                                           description="Aktiviteter, bilaget beskriver.")
    distrikter: bool = Field(False, description="Bilaget viser distrikter og skoler.")
    niveauer: bool = Field(False, description="Bilaget viser indsatsniveauerne/søjlerne.")
