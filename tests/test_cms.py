"""The form editor's configuration follows the data model, and its YAML format loses nothing.

The drift test walks the model on its own (not through macros/cms.py) and the generated
config side by side: every model field has a widget of the kind its type calls for, every
widget is a model field, references are relation widgets pointing at the records of their
kind. The format (cms/format.js, run in Node as the browser runs it) must give PyYAML back
exactly the data of every data file, and text that YAML 1.1 would misread must stay text.
"""

from __future__ import annotations

import json
import subprocess
import types
from pathlib import Path
from typing import Annotated, Literal, Union, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from conftest import DATA, MUNICIPALITIES, ROOT
from macros import cms, cms_admin, loading
from macros.fields import Ref
from macros.model import Kommune, RawHandbook, Redigering
from macros.refs import kinds as model_kinds

FORMAT = ROOT / "cms" / "format.js"
KINDS = model_kinds(RawHandbook)


def _unwrap(annotation, marks=()):
    """(type, marks, optional), with one level of richness for unions (list > record > text)."""
    optional = False
    while True:
        if get_origin(annotation) is Annotated:
            annotation, *extra = get_args(annotation)
            marks = marks + tuple(extra)
        elif get_origin(annotation) in (Union, types.UnionType):
            branches = [b for b in get_args(annotation) if b is not type(None)]
            optional = optional or len(branches) < len(get_args(annotation))
            if len(branches) == 1:
                annotation = branches[0]
            else:
                def rich(b):
                    inner = b
                    while get_origin(inner) is Annotated:
                        inner = get_args(inner)[0]
                    return 2 if get_origin(inner) is list else 1 if (
                        isinstance(inner, type) and issubclass(inner, BaseModel)) else 0
                annotation = max(branches, key=rich)
        else:
            return annotation, marks, optional


def _ref(marks):
    return next((m.kind for m in marks if isinstance(m, Ref)), None)


def _markdown(marks):
    return any(isinstance(m, FieldInfo) and isinstance(m.json_schema_extra, dict)
               and m.json_schema_extra.get("format") == "markdown" for m in marks)


def _collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def _records_at(config, widget) -> type[BaseModel]:
    """The record class a relation widget's value_field lists (read from the model)."""
    target = _collection(config, widget["collection"])
    annotation = RawHandbook.model_fields[target["name"]].annotation
    path = widget["value_field"].split(".")[:-1]
    if "file" in widget:
        assert widget["file"] == target["files"][0]["name"]
        assert path[1::2] == ["*"] * (len(path) // 2), widget["value_field"]
        names = path[0::2]
        base = _unwrap(annotation)[0]
        if get_origin(base) is list:  # a list file is edited as one field named after it
            assert names[0] == target["name"]
            names = names[1:]
        for name in names:
            base = _unwrap(base.model_fields[name].annotation)[0]
        annotation = base
    item = _unwrap(get_args(_unwrap(annotation)[0])[0])[0]
    return item


def _check_value(where, config, widget, base, marks, many=False, optional=False):
    kind = _ref(marks)
    if kind and not KINDS[kind].lokal:
        assert widget["widget"] == "relation", where
        assert bool(widget.get("multiple")) == many, where
        item = _records_at(config, widget)
        assert item.KIND.id == kind, f"{where}: {widget['collection']} holds {item.KIND.id}"
        for shown in widget["display_fields"]:
            assert shown.split(".")[-1] in item.model_fields, where
        return
    if get_origin(base) is Literal:
        assert widget["widget"] == "select" and widget["options"] == list(get_args(base)), where
        assert bool(widget.get("multiple")) == many, where
        return
    assert not many, where
    if base is bool:
        assert widget["widget"] == "boolean", where
    elif base is int:
        assert widget["widget"] == "number" and widget["value_type"] == "int", where
    elif base is str and _markdown(marks):
        assert widget["widget"] == "markdown" and widget["modes"] == ["raw"], where
    elif base is str:
        assert widget["widget"] == "string", where
        if kind:  # a local id: plain text with the id pattern
            assert widget["pattern"][0] == r"^[a-z0-9]+(-[a-z0-9]+)*$", where
    elif get_origin(base) is list:
        item, item_marks, _ = _unwrap(get_args(base)[0])
        if (_ref(item_marks) and not KINDS[_ref(item_marks)].lokal) or \
                get_origin(item) is Literal:
            _check_value(where, config, widget, item, item_marks, many=True)
        elif isinstance(item, type) and issubclass(item, BaseModel):
            assert widget["widget"] == "list" and "fields" in widget, where
            _check_fields(where, config, item, widget["fields"])
        else:
            assert widget["widget"] == "list" and "field" in widget, where
            _check_value(f"{where}[]", config, widget["field"], item, item_marks)
    elif isinstance(base, type) and issubclass(base, BaseModel):
        assert widget["widget"] == "object", where
        _check_fields(where, config, base, widget["fields"], loose=optional)
    else:
        pytest.fail(f"{where}: the model has a type the test does not know: {base!r}")


def _check_fields(where, config, model: type[BaseModel], fields: list[dict], loose=False):
    """``loose``: inside a record that may be left out, which Decap cannot express: its
    required fields are optional in the form (check still demands them)."""
    assert [f["name"] for f in fields] == list(model.model_fields), \
        f"{where}: the form's fields are not the model's fields"
    for spec in fields:
        field = model.model_fields[spec["name"]]
        base, marks, optional = _unwrap(field.annotation, tuple(field.metadata))
        here = f"{where}.{spec['name']}"
        assert spec["required"] == (field.is_required() and not optional and not loose), here
        assert spec["label"] and (spec.get("hint") or not field.description), here
        _check_value(here, config, spec, base, marks, optional=optional or loose)


@pytest.mark.parametrize("data_root,kommune", MUNICIPALITIES, ids=[m[1] for m in MUNICIPALITIES])
def test_every_model_field_has_its_widget_and_every_widget_a_field(data_root, kommune):
    config = cms.config(kommune, "data")
    names = [c["name"] for c in config["collections"]]
    assert names == list(loading.RECORD_FOLDERS) + list(loading.SINGLE_FILES)
    for key in loading.RECORD_FOLDERS:
        collection = _collection(config, key)
        assert collection["folder"] == f"data/{kommune}/{loading.RECORD_FOLDERS[key]}"
        item = _unwrap(get_args(_unwrap(RawHandbook.model_fields[key].annotation)[0])[0])[0]
        _check_fields(key, config, item, collection["fields"])
    for key, name in loading.SINGLE_FILES.items():
        (file,) = _collection(config, key)["files"]
        assert file["file"] == f"data/{kommune}/{name}"
        base = _unwrap(RawHandbook.model_fields[key].annotation)[0]
        if get_origin(base) is list:
            (field,) = file["fields"]
            assert field["name"] == key and field["widget"] == "list"
            _check_value(key, config, field, base, ())
        else:
            _check_fields(key, config, base, file["fields"])


def test_the_editor_saves_by_pull_request_to_the_forge_the_data_names():
    config = cms.config("herning", "data", Redigering(backend="gitlab", repo="kommune/ssp",
                                                      app_id="abc"))
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "gitlab", "repo": "kommune/ssp", "branch": "main",
                                 "squash_merges": True, "app_id": "abc", "auth_type": "pkce"}
    assert cms.config("herning", "data")["backend"]["name"] == "proxy"  # local editor only
    assert "redigering" in Kommune.model_fields


def test_the_editor_build_is_asked_for_by_the_environment(monkeypatch):
    monkeypatch.delenv(cms_admin.WANTED, raising=False)
    assert not cms_admin.wanted()
    monkeypatch.setenv(cms_admin.WANTED, "1")
    assert cms_admin.wanted()
    files = cms_admin.files("herning", DATA, ROOT, None)
    assert {"admin/index.html", "admin/config.yml", "admin/decap-cms.js", "admin/format.js",
            "admin/formater.js", "admin/js-yaml.min.js"} <= set(files)
    assert yaml.safe_load(files["admin/config.yml"])["collections"][0]["folder"] == \
        "data/herning/fora"
    assert not (ROOT / "admin").exists() and not (ROOT / "docs" / "admin").exists()


# --- the format ----------------------------------------------------------------------------

NODE = """
const F = require(process.argv[1]);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = input.jobs.map(([shape, op, arg]) => {
  const f = F.formatter(shape);
  if (op === 'roundtrip') return f.toFile(f.fromFile(arg));
  if (op === 'load') return f.fromFile(arg);
  return f.toFile(arg);
});
process.stdout.write(JSON.stringify(out));
"""


def run_format(jobs: list) -> list:
    result = subprocess.run(["node", "-e", NODE, str(FORMAT)], input=json.dumps({"jobs": jobs}),
                            capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin",
                                 "NODE_PATH": str(ROOT / "cms" / "node_modules")})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _read(text: str):
    return yaml.load(text, Loader=loading._Loader)


def _collection_of(path: Path) -> str:
    by_name = {v: k for k, v in loading.SINGLE_FILES.items()}
    return by_name.get(path.name) or path.parent.name


def test_saving_any_data_file_unchanged_gives_back_the_same_data():
    shapes = cms.shapes()
    paths = [p for root, kommune in MUNICIPALITIES for p in sorted((root / kommune).rglob("*.yml"))]
    out = run_format([[shapes[_collection_of(p)], "roundtrip", p.read_text(encoding="utf-8")]
                      for p in paths])
    for path, text in zip(paths, out):
        assert _read(text) == _read(path.read_text(encoding="utf-8")), path
        assert "#" not in text.splitlines()[0]


HOSTILE = ["2022-01-15", "1:30", "yes", "no", "No", "on", "off", "y", "n", "~", "null", "true",
           "1_000", "0x10", "0o17", "0755", "08", "1e3", ".5", "+1", "-1", ".inf", ".nan", "=",
           "<<", "- x", "#x", "a #b", "a: b", "[[rolle:x]]", "{x}", "'", '"', " lead", "trail ",
           "§ 115", "æøå", "multi\nline\n", "tab\there", "*alias", "&anchor", "!tag", "%x",
           "@x", "`x", "|", ">", "?", ",", "-", "---", "...", "2022-1-5"]


def test_text_that_yaml_could_misread_is_written_as_text():
    shape = {"k": ["x"], "f": {}}
    out = run_format([[shape, "dump", {"x": s}] for s in HOSTILE])
    for value, text in zip(HOSTILE, out):
        assert _read(text) == {"x": value}, (value, text)
    assert out[0] == 'x: "2022-01-15"\n'  # dates stay quoted text, as the loader expects


def test_keys_follow_the_model_and_unknown_keys_and_shorthands_are_kept():
    shapes = cms.shapes()
    forum = {"hyppighed": {"pr_aar": 4, "tekst": "4 møder"}, "navn": "N", "ukendt": [1],
             "id": "x", "type": "intern", "noter": "", "afsnit": [
                 {"punkter": [{"tekst": "kort"}, {"tekst": "lang", "underpunkter": ["a"]}],
                  "type": "opgaver"}], "deltagere": [], "beskrivelse": None}
    loaded, dumped = run_format([
        [shapes["fora"], "load",
         "afsnit:\n  - punkter: [kort, {tekst: lang, underpunkter: [a]}]\n"],
        [shapes["fora"], "dump", forum]])
    assert loaded["afsnit"][0]["punkter"] == [{"tekst": "kort"},
                                              {"tekst": "lang", "underpunkter": ["a"]}]
    assert list(_read(dumped)) == ["id", "navn", "type", "afsnit", "hyppighed", "ukendt"]
    assert _read(dumped)["afsnit"][0] == {"type": "opgaver", "punkter": [
        "kort", {"tekst": "lang", "underpunkter": ["a"]}]}
    assert list(_read(dumped)["hyppighed"]) == ["tekst", "pr_aar"]


def test_a_single_item_where_a_list_may_stand_is_edited_as_a_list():
    """The shape of a union like 'one forum id, or a list of ids or objects' (issue #13)."""
    shape = {"k": ["rapporterer_til"], "f": {"rapporterer_til": {
        "one": True, "i": {"k": ["forum", "note"], "f": {}, "s": "forum"}}}}
    loaded, back, kept = run_format([
        [shape, "load", "rapporterer_til: styregruppe\n"],
        [shape, "roundtrip", "rapporterer_til: styregruppe\n"],
        [shape, "roundtrip", "rapporterer_til: [a, {note: n, forum: b}]\n"]])
    assert loaded == {"rapporterer_til": [{"forum": "styregruppe"}]}
    assert _read(back) == {"rapporterer_til": "styregruppe"}
    assert _read(kept) == {"rapporterer_til": ["a", {"forum": "b", "note": "n"}]}


def test_a_list_file_is_one_list_field_named_after_the_file():
    shapes = cms.shapes()
    loaded, back = run_format([[shapes["love"], "load", "- id: a\n  navn: A\n"],
                               [shapes["love"], "dump", {"love": [{"navn": "A", "id": "a"}]}]])
    assert loaded == {"love": [{"id": "a", "navn": "A"}]}
    assert back == "- id: a\n  navn: A\n"


def test_the_intranet_build_leaves_the_editor_out(built):
    """Without SSP_REDIGER the real build has no /admin/ (the editor build is tested in
    test_cms_browser.py)."""
    assert not (built.site / "admin").exists()
    assert not list(built.site.rglob("decap-cms*.js"))
