"""The JSON Schemas editors use agree with the model: up to date, and every data file passes."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml

from conftest import MUNICIPALITIES, ROOT
from macros import loading, schema
from vscode_schemas import schemas_for


@pytest.mark.parametrize("name", list(schema.FILE_TYPES))
def test_committed_schema_is_generated_from_the_model(name):
    committed = (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema.render(name), "kør: python -m macros.cli schema"


def _data_files():
    for data_root, kommune in MUNICIPALITIES:
        for path in sorted((data_root / kommune).rglob("*.yml")):
            yield pytest.param(path, id=f"{kommune}/{path.relative_to(data_root / kommune)}")


@pytest.mark.parametrize("path", list(_data_files()))
def test_every_data_file_validates_against_the_schema_vscode_gives_it(path):
    found = schemas_for(path)
    assert len(found) == 1, path
    schema_path = found[0]
    assert schema_path.parent == (ROOT / "schema").resolve() and schema_path.exists()
    expected = {v: k for k, v in loading.SINGLE_FILES.items()}.get(path.name) or (
        "forum" if path.parent.name == "fora" else "rolle")
    assert schema_path.name == f"{expected}.schema.json"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loading._Loader)
    jsonschema.Draft202012Validator(json.loads(schema_path.read_text())).validate(data)


def test_the_documentation_of_the_data_format_is_generated_from_the_model():
    from macros import docs

    assert (ROOT / "DATAFORMAT.md").read_text(encoding="utf-8") == docs.dataformat(), \
        "kør: python -m macros.cli schema"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == docs.readme(readme), "kør: python -m macros.cli schema"
    for name in loading.SINGLE_FILES.values():
        assert f"`{name}`" in readme


def test_the_vscode_settings_are_generated_from_the_data_files_and_the_model():
    assert schema.VSCODE_SETTINGS.read_text(encoding="utf-8") == schema.vscode_settings(), \
        "kør: python -m macros.cli schema"


def test_the_readme_names_every_module_of_the_generator_in_how_it_is_built():
    """A line per module in "How it is built": a reader finds where a fact is loaded,
    checked and rendered without a search, and a new module can't be left out."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## How it is built", 1)[1].split("\n## ", 1)[0]
    named = {n.rstrip("/") for n in re.findall(r"`macros/([\w/]+?)(?:\.py)?`", table)}
    macros = ROOT / "macros"
    modules = {p.stem for p in macros.glob("*.py") if p.name != "__init__.py"}
    packages = {p.parent.name for p in macros.glob("*/__init__.py")}
    assert not (modules | packages) - named, sorted((modules | packages) - named)
