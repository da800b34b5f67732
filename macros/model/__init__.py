"""The data model of a municipality's SSP handbook: one class per kind of record.

Every field has a Danish description: it is what an editor sees in VS Code through the
generated JSON Schema (``schema/``). The field types (plain text, Markdown, ids and the
references between records) are defined in ``fields.py``; a record class whose records can be
referred to names its kind in ``KIND``. ``RawHandbook`` is everything one municipality holds.
"""

from __future__ import annotations

from pydantic import Field

from ..fields import CPR_PATTERN, REFERENCE  # noqa: F401
from .base import SEKTORER, Afsnit, Punkt, PunktMedUnderpunkter, Record  # noqa: F401
from .forum import (ANSVAR, FUNKTIONER, Ansvar, Deltager, Deltagerliste, Forum,  # noqa: F401
                    Funktion, Hyppighed, LovHenvisning, Moedeserie, Rapportering, Rolle)
from .kommune import (DATAFORMAT, Bilag, Enhed, Kommune, Lov, Niveau, Niveauer,  # noqa: F401
                      Organisationsniveau, Redigering, Revision, Sektor, Side,
                      Stykke)
from .omraader import (Aktivitet, Distrikt, Distrikter, Modsigelse, Omraade, Pixi,  # noqa: F401
                       PixiKontakt, Underdistrikt)


class RawHandbook(Record):
    """Alle data for én kommune, som de står i filerne."""

    kommune: Kommune
    enheder: list[Enhed] = Field(min_length=1)
    niveauer: Niveauer | None = None
    sektorer: list[Sektor] = Field(default_factory=list)
    sider: list[Side] = Field(default_factory=list)
    love: list[Lov] = Field(min_length=1)
    bilag: list[Bilag] = Field(default_factory=list)
    distrikter: Distrikter | None = None
    aktiviteter: list[Aktivitet] = Field(default_factory=list)
    modsigelser: list[Modsigelse] = Field(default_factory=list)
    pixi: Pixi | None = None
    fora: list[Forum] = Field(min_length=1)
    roller: list[Rolle] = Field(min_length=1)
