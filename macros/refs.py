"""References between records, read from the model rather than listed by hand.

One walk over the data, guided by the model's types, finds every record that has an id (its
class names a ``Kind``) and every field marked ``Ref(kind)``. The checks use it to find ids
that point nowhere; the handbook uses it for the inverse lookups ("Deltager i", which
appendix describes a record, which forums cite a law). A new reference field in the model
needs no code here.

The walk works on plain data from the YAML files (dicts and lists) and on validated records
alike, so ids of records that failed validation still count as known.
"""

from __future__ import annotations

import types
from collections import defaultdict
from dataclasses import dataclass
from typing import Annotated, Any, Iterator, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .fields import Kind, Ref, TextKind
from .loading import Path_ as Path


@dataclass(frozen=True)
class Definition:
    """A record with an id, and the record whose ids a local kind is scoped to."""

    kind: Kind
    ident: str
    path: Path
    scope: Path
    record: Any


@dataclass(frozen=True)
class Reference:
    """A field that names the id of another record."""

    kind: str
    ident: str
    path: Path
    scope: Path
    owner: Any  # the record (or plain mapping) the field belongs to


@dataclass(frozen=True)
class Text:
    """A text field and what kind of text it holds (``fields.TextKind``)."""

    kind: TextKind
    value: str
    path: Path


def _get(value: Any, name: str) -> Any:
    if isinstance(value, dict):
        return value.get(name)
    return getattr(value, name, None)


def _shape_fits(annotation: Any, value: Any) -> bool:
    """Whether a value has the shape of one branch of a union (for plain YAML data)."""
    base = get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation
    if get_origin(base) in (Union, types.UnionType):
        return any(_shape_fits(branch, value) for branch in get_args(base))
    if isinstance(base, type) and issubclass(base, BaseModel):
        return isinstance(value, (dict, base))
    if get_origin(base) is list:
        return isinstance(value, list)
    if get_origin(base) is Literal:
        return value in get_args(base)
    return isinstance(base, type) and isinstance(value, base)


def walk(annotation: Any, value: Any, path: Path = (), scope: Path = (),
         metadata: tuple = (), owner: Any = None) -> Iterator[Definition | Reference | Text]:
    """Every definition, reference and text in ``value``, read as the type ``annotation``."""
    if value is None:
        return
    if get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        metadata = metadata + tuple(extra)
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        for branch in get_args(annotation):
            if branch is not type(None) and _shape_fits(branch, value):
                yield from walk(branch, value, path, scope, metadata, owner)
                return
        return
    if origin is list:
        if isinstance(value, list):
            (item,) = get_args(annotation)
            for i, element in enumerate(value):
                yield from walk(item, element, path + (i,), scope, (), owner)
        return
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from _walk_record(annotation, value, path, scope)
        return
    for mark in metadata:
        if isinstance(mark, Ref) and isinstance(value, str):
            yield Reference(mark.kind, value, path, scope, owner)
        elif isinstance(mark, TextKind) and isinstance(value, str):
            yield Text(mark, value, path)


def _walk_record(model: type[BaseModel], value: Any, path: Path,
                 scope: Path) -> Iterator[Definition | Reference]:
    if not isinstance(value, (dict, model)):
        return
    kind = getattr(model, "KIND", None)
    if kind is not None:
        ident = _get(value, "id")
        if isinstance(ident, str):
            yield Definition(kind, ident, path, scope, value)
        if not kind.lokal:
            scope = path
    for name, field in model.model_fields.items():
        yield from walk(field.annotation, _get(value, name), path + (name,), scope,
                        tuple(field.metadata), value)


def records(model: type[BaseModel]) -> list[type[BaseModel]]:
    """Every record class reachable from a model class, in the order they are first met."""
    found: list[type[BaseModel]] = []

    def visit(annotation: Any) -> None:
        for arg in (annotation, *get_args(annotation)):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg not in found:
                found.append(arg)
                for field in arg.model_fields.values():
                    visit(field.annotation)
            elif get_args(arg) and arg is not annotation:
                visit(arg)

    visit(model)
    return found


def kinds(model: type[BaseModel]) -> dict[str, Kind]:
    """Every kind of record reachable from a model class, by id."""
    return {r.KIND.id: r.KIND for r in records(model) if getattr(r, "KIND", None) is not None}


class Index:
    """The definitions and references in one municipality's data, with lookups both ways."""

    def __init__(self, model: type[BaseModel], data: Any):
        self.kinds = kinds(model)
        self.definitions: dict[str, dict[str, Definition]] = defaultdict(dict)
        self.local: dict[tuple[str, Path], set[str]] = defaultdict(set)
        self.references: list[Reference] = []
        self._to: dict[tuple[str, str], list[Reference]] = defaultdict(list)
        for item in walk(model, data):
            if isinstance(item, Text):
                continue
            if isinstance(item, Definition):
                if item.kind.lokal:
                    self.local[(item.kind.id, item.scope)].add(item.ident)
                else:
                    self.definitions[item.kind.id].setdefault(item.ident, item)
            else:
                self.references.append(item)
                self._to[(item.kind, item.ident)].append(item)

    def ids(self, kind: str, scope: Path = ()) -> set[str]:
        """The known ids of a kind (of a local kind: those inside the record at ``scope``)."""
        if self.kinds[kind].lokal:
            return set(self.local.get((kind, scope), set()))
        return set(self.definitions.get(kind, {})) | set(self.kinds[kind].indbygget)

    def referrers(self, kind: str, ident: str, within: str | None = None) -> list[Reference]:
        """The references to one record, optionally only from one top-level collection
        (``within="bilag"``: the appendices that name it), in the order of the data."""
        found = self._to.get((kind, ident), [])
        return [r for r in found if within is None or r.path[:1] == (within,)]
