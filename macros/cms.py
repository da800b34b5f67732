"""The form editor's configuration (Decap CMS), generated from the data model.

Nothing here lists fields by hand: the walk reads ``RawHandbook`` and its field types, so a
field added to the model appears in the form. Each kind of annotation becomes one widget:

* ``Markdown`` (JSON Schema format "markdown") → a Markdown field, raw mode only (the rich
  text mode rewrites ``[[rolle:id]]`` as escaped brackets);
* a field marked ``Ref(kind)`` → a relation widget offering the existing records by name (a
  kind in ``fora/`` or ``roller/`` relates to that folder collection, a kind inside a single
  file to that file and its list: ``value_field: "distrikter.*.id"``); a kind local to one
  record (``Kind.lokal``) → a plain text field with the id pattern;
* ``Literal`` → a select, ``int`` → a number, ``bool`` → a switch, lists → lists, records →
  objects; a union of a shorthand and a richer form (``Punkt``: a text or an object with
  ``tekst``) is edited in the richer form.

The same walk gives the custom format (``cms/format.js``) the model's key order and the
shorthands to expand on load and fold back on save (``shapes``), and says which single files
hold a list at the top (edited as one list field named after the file).
"""

from __future__ import annotations

import re
import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import loading
from .fields import ID_PATTERN, Kind, Ref
from .model import RawHandbook

MARKDOWN_FORMAT = "markdown"
LABEL_FIELDS = ("navn", "titel", "overskrift", "tekst", "sted")  # what names a list item
_DANISH = ((r"aa", "å"), (r"ae", "æ"), (r"oe", "ø"))  # ASCII field names → the words
BACKENDS = {"github": "github", "gitlab": "gitlab", "gitea": "forgejo", "forgejo": "forgejo",
            "azure": "azure"}  # Decap's gitea backend has no editorial workflow


@dataclass(frozen=True)
class Target:
    """Where the records of a kind live in the editor: for a relation widget."""

    collection: str
    file: str | None  # the file collection's file, or None for a folder collection
    list_path: str  # "" for a folder collection; "distrikter" for distrikter.yml's list
    label_field: str


# --- reading annotations -----------------------------------------------------------------

def parts(annotation: Any, metadata: tuple = ()) -> tuple[Any, tuple, bool]:
    """(base type, metadata marks, optional) with Annotated and ``| None`` unwrapped; a
    union of several branches is returned as the union."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            metadata = metadata + tuple(extra)
            continue
        if origin in (Union, types.UnionType):
            branches = [b for b in get_args(annotation) if b is not type(None)]
            optional = optional or len(branches) < len(get_args(annotation))
            if len(branches) == 1:
                annotation = branches[0]
                continue
        return annotation, metadata, optional


def is_model(base: Any) -> bool:
    return isinstance(base, type) and issubclass(base, BaseModel)


def ref_of(metadata: tuple) -> str | None:
    return next((m.kind for m in metadata if isinstance(m, Ref)), None)


def richest(union: Any) -> tuple[Any, tuple, list]:
    """The branch of a union the form edits (a list over a record over a shorthand), with
    its marks, and the other (shorthand) branches."""
    branches = [b for b in get_args(union) if b is not type(None)]

    def rank(branch: Any) -> int:
        base = parts(branch)[0]
        return 2 if get_origin(base) is list else 1 if is_model(base) else 0

    best = max(branches, key=rank)
    base, marks, _ = parts(best)
    return base, marks, [b for b in branches if b is not best]


def label(name: str) -> str:
    words = name.replace("_", " ")
    for ascii_, danish in _DANISH:
        words = re.sub(ascii_, danish, words)
    return words[:1].upper() + words[1:]


def label_field(model: type[BaseModel]) -> str | None:
    return next((f for f in LABEL_FIELDS if f in model.model_fields), None)


def _constraint(metadata: tuple, name: str) -> Any:
    return next((getattr(m, name) for m in metadata if getattr(m, name, None) is not None),
                None)


def _is_markdown(metadata: tuple) -> bool:
    return any(isinstance(m, FieldInfo) and isinstance(m.json_schema_extra, dict)
               and m.json_schema_extra.get("format") == MARKDOWN_FORMAT for m in metadata)


def _type_description(metadata: tuple) -> str | None:
    """The description the field type carries (``Id``, ``Dato``): says what is expected."""
    return next((m.description for m in metadata if isinstance(m, FieldInfo) and m.description),
                None)


def _pattern(metadata: tuple) -> str | None:
    for mark in metadata:
        found = getattr(mark, "pattern", None) or (
            mark.json_schema_extra.get("pattern") if isinstance(mark, FieldInfo)
            and isinstance(mark.json_schema_extra, dict) else None)
        if found and not _is_markdown(metadata):
            return found
    return None


# --- where each kind of record lives ---------------------------------------------------------

def _kind_paths(annotation: Any, path: tuple = ()) -> dict[str, tuple[tuple, str]]:
    """kind id → (path of field names to the list holding its records, label field)."""
    base, _, _ = parts(annotation)
    found: dict[str, tuple[tuple, str]] = {}
    if get_origin(base) is list:
        item = parts(get_args(base)[0])[0]
        kind: Kind | None = getattr(item, "KIND", None) if is_model(item) else None
        if kind is not None and not kind.lokal:
            found[kind.id] = (path, label_field(item) or "id")
        return found
    if is_model(base):
        for name, field in base.model_fields.items():
            for kind_id, where in _kind_paths(field.annotation, path + (name,)).items():
                found.setdefault(kind_id, where)
    return found


def targets() -> dict[str, Target]:
    """For every kind others can refer to, the collection (and file and list) holding it."""
    found: dict[str, Target] = {}
    for key in loading.RECORD_FOLDERS:
        for kind_id, (_, shown) in _kind_paths(RawHandbook.model_fields[key].annotation).items():
            found[kind_id] = Target(key, None, "", shown)
    for key in loading.SINGLE_FILES:
        annotation = RawHandbook.model_fields[key].annotation
        wrap = (key,) if get_origin(parts(annotation)[0]) is list else ()
        for kind_id, (path, shown) in _kind_paths(annotation, wrap).items():
            found.setdefault(kind_id, Target(key, key, ".".join(path), shown))
    return found


# --- widgets ---------------------------------------------------------------------------------

def _relation(kind: str, where: dict[str, Target], multiple: bool) -> dict:
    target = where[kind]
    prefix = f"{target.list_path}.*." if target.list_path else ""
    widget = {"widget": "relation", "collection": target.collection,
              "value_field": f"{prefix}id",
              "search_fields": [f"{prefix}{target.label_field}", f"{prefix}id"],
              "display_fields": [f"{prefix}{target.label_field}"], "options_length": 500}
    if target.file:
        widget["file"] = target.file
    if multiple:
        widget["multiple"] = True
    return widget


def _scalar(base: Any, metadata: tuple, where: dict[str, Target], kinds: dict[str, Kind],
            multiple: bool = False) -> dict | None:
    """The widget for a single value, or for a list of them where one widget can hold a
    list (relations and selects); None when the type is not a plain value."""
    kind = ref_of(metadata)
    if kind is not None and not kinds[kind].lokal:
        return _relation(kind, where, multiple)
    if get_origin(base) is Literal:
        return {"widget": "select", "options": list(get_args(base)),
                **({"multiple": True} if multiple else {})}
    if multiple:
        return None
    if base is bool:
        return {"widget": "boolean"}
    if base is int:
        widget = {"widget": "number", "value_type": "int"}
        for key, name in (("min", "ge"), ("max", "le")):
            if _constraint(metadata, name) is not None:
                widget[key] = _constraint(metadata, name)
        return widget
    if base is str:
        if _is_markdown(metadata):
            return {"widget": "markdown", "modes": ["raw"], "sanitize_preview": True}
        pattern = _pattern(metadata) or (ID_PATTERN if kind else None)
        widget: dict = {"widget": "string"}
        if pattern:
            widget["pattern"] = [pattern, _type_description(metadata) or "Formatet passer ikke"]
        return widget
    return None


def widget(base: Any, metadata: tuple, where: dict[str, Target], kinds: dict[str, Kind],
           loose: bool = False) -> dict:
    """The Decap widget (without name and label) that edits values of one annotation;
    ``loose``: a record that may be left out, whose required fields the form cannot demand."""
    if get_origin(base) in (Union, types.UnionType):
        base, more, _ = richest(base)
        metadata = metadata + more
    plain = _scalar(base, metadata, where, kinds)
    if plain is not None:
        return plain
    if get_origin(base) is list:
        item, marks, _ = parts(get_args(base)[0])
        if get_origin(item) in (Union, types.UnionType):
            item, more, _ = richest(item)
            marks = marks + more
        many = _scalar(item, marks, where, kinds, multiple=True)
        if many is not None:
            return many
        inner = widget(item, marks, where, kinds)
        if inner["widget"] == "object":
            return {"widget": "list", "fields": inner["fields"],
                    **{k: v for k, v in inner.items() if k == "summary"}}
        return {"widget": "list", "field": {"name": "punkt", **inner}}
    if is_model(base):
        fields = [field_widget(n, f, where, kinds, loose) for n, f in base.model_fields.items()]
        shown = label_field(base)
        return {"widget": "object", "fields": fields,
                **({"summary": "{{fields.%s}}" % shown} if shown else {})}
    raise TypeError(f"ingen formularfelt for typen {base!r}")


def field_widget(name: str, field: FieldInfo, where: dict[str, Target],
                 kinds: dict[str, Kind], loose: bool = False) -> dict:
    """One model field as a Decap field: widget, Danish label and hint, required, limits.
    Decap demands the required fields of an optional record even when it is left out, so
    inside one (``loose``) they are optional in the form; ``check`` still demands them."""
    base, metadata, optional = parts(field.annotation, tuple(field.metadata))
    inner = widget(base, metadata, where, kinds, loose=(optional or loose) and is_model(base))
    spec = {"name": name, "label": label(name), **inner}
    if field.description:
        spec["hint"] = field.description
    required = field.is_required() and not optional
    spec["required"] = required and not loose
    if required and loose:
        spec["hint"] = (spec.get("hint", "") + " Skal udfyldes, når afsnittet bruges.").strip()
    if spec["widget"] == "list":
        minimum = _constraint(metadata, "min_length")
        if minimum:
            spec["min"] = minimum
        spec["collapsed"] = "fields" in spec  # records fold to their summary, plain values not
        if "field" in spec:
            spec["field"]["label"] = spec["label"]
    # Decap writes defaults into new records, and into a new list item it makes by itself
    # (an 'afsnit' with only its default type is invalid): only a switch that is on unless
    # turned off gets one, or the form would show it off. The hints name the other defaults.
    if field.default is True:
        spec["default"] = True
    return spec


# --- what the custom format needs: key order and shorthands ---------------------------------

def _short_key(model: type[BaseModel], others: list) -> str | None:
    """The field of ``model`` a shorthand branch stands for: the one with the same
    reference mark, else the first required text field."""
    for branch in others:
        kind = ref_of(parts(branch)[1])
        for name, field in model.model_fields.items():
            base, marks, _ = parts(field.annotation, tuple(field.metadata))
            if (kind and ref_of(marks) == kind) or (not kind and base is str
                                                    and field.is_required()):
                return name
    return None


def shape(annotation: Any) -> dict:
    """The key order of records and the shorthands of unions, for ``cms/format.js``:
    ``{"k": keys, "f": {key: shape}, "s": shorthand key}`` for a record, ``{"i": shape,
    "one": true}`` for a list (``one``: a single item may stand without the list)."""
    base, _, _ = parts(annotation)
    others: list = []
    if get_origin(base) in (Union, types.UnionType):
        best, _, others = richest(base)
        node = shape(best)
        if "k" in node and others:
            short = _short_key(best, others)
            if short:
                node["s"] = short
        elif "i" in node and others:
            node["one"] = True
        return node
    if get_origin(base) is list:
        return {"i": shape(get_args(base)[0])}
    if is_model(base):
        inner = {n: shape(f.annotation) for n, f in base.model_fields.items()}
        return {"k": list(base.model_fields), "f": {n: s for n, s in inner.items() if s}}
    return {}


def _is_list_file(key: str) -> bool:
    return get_origin(parts(RawHandbook.model_fields[key].annotation)[0]) is list


def shapes() -> dict[str, dict]:
    """Per collection, the shape of one file (list files wrapped in their own name)."""
    found = {}
    for key in loading.RECORD_FOLDERS:
        found[key] = shape(get_args(parts(RawHandbook.model_fields[key].annotation)[0])[0])
    for key in loading.SINGLE_FILES:
        annotation = RawHandbook.model_fields[key].annotation
        found[key] = ({"k": [key], "f": {key: shape(annotation)}, "wrap": key}
                      if _is_list_file(key) else shape(annotation))
    return found


# --- the configuration -----------------------------------------------------------------------

def _folder_collection(key: str, folder: str, where: dict, kinds: dict) -> dict:
    item = get_args(parts(RawHandbook.model_fields[key].annotation)[0])[0]
    fields = [field_widget(n, f, where, kinds) for n, f in item.model_fields.items()]
    return {"name": key, "label": label(key), "label_singular": label(item.KIND.navn),
            "description": item.__doc__.strip(),
            "folder": f"{folder}/{loading.RECORD_FOLDERS[key]}",
            "extension": "yml", "format": f"ssp-{key}", "create": True, "delete": True,
            "identifier_field": "id", "slug": "{{fields.id}}",
            "summary": "{{%s}}" % (label_field(item) or "id"),
            "sortable_fields": [label_field(item) or "id", "id"], "fields": fields}


def _file_collection(key: str, folder: str, where: dict, kinds: dict) -> dict:
    field = RawHandbook.model_fields[key]
    base = parts(field.annotation)[0]
    if _is_list_file(key):
        item = parts(get_args(base)[0])[0]
        fields = [field_widget(key, field, where, kinds)]
    else:
        item = base
        fields = [field_widget(n, f, where, kinds) for n, f in base.model_fields.items()]
    doc = (item.__doc__ or "").strip()
    name = loading.SINGLE_FILES[key]
    return {"name": key, "label": label(key), "description": doc, "format": f"ssp-{key}",
            "extension": "yml", "delete": False,
            "files": [{"name": key, "label": f"{label(key)} ({name})", "file": f"{folder}/{name}",
                       "fields": fields}]}


def backend(redigering: Any) -> dict:
    """Decap's backend from ``kommune.yml``'s ``redigering`` (None: only the local editor)."""
    if redigering is None:
        return {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1", "branch": "main"}
    chosen = {"name": BACKENDS[redigering.backend], "repo": redigering.repo,
              "branch": redigering.branch, "squash_merges": True}
    for key in ("base_url", "api_root", "app_id", "tenant_id", "auth_type"):
        value = getattr(redigering, key, None)
        if value:
            chosen[key] = value
    if chosen["name"] == "gitlab" and "app_id" in chosen:
        chosen.setdefault("auth_type", "pkce")
    return chosen


def config(kommune_id: str, data_folder: str, redigering: Any = None,
           local_url: str = "http://127.0.0.1:8081/api/v1") -> dict:
    """Decap's config.yml for one municipality; ``data_folder`` is the data root relative to
    the repository the backend edits (``data``)."""
    from .refs import kinds as all_kinds

    where, kinds = targets(), all_kinds(RawHandbook)
    folder = f"{data_folder.rstrip('/')}/{kommune_id}"
    collections = [_folder_collection(k, folder, where, kinds) for k in loading.RECORD_FOLDERS]
    collections += [_file_collection(k, folder, where, kinds) for k in loading.SINGLE_FILES]
    host = re.match(r"https?://([^:/]+)", local_url).group(1)
    return {"locale": "da", "publish_mode": "editorial_workflow",
            "backend": backend(redigering),
            "local_backend": {"url": local_url, "allowed_hosts": sorted({host, "localhost",
                                                                          "127.0.0.1"})},
            "media_folder": f"{folder}/filer", "show_preview_links": False,
            "editor": {"preview": False}, "collections": collections}
