"""Read a municipality's YAML files into plain Python data, remembering where each value stood.

Every value keeps its position (file, line, column) so that a problem found later, by the
model or by the cross-reference checks, can be reported at the line the editor has to change.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

#: Where each kind of record lives inside ``data/<kommune>/``: a single file or a folder with
#: one file per record (one file per forum and role keeps the yearly pull request small).
SINGLE_FILES = {
    "kommune": "kommune.yml",
    "enheder": "enheder.yml",
    "niveauer": "niveauer.yml",
    "love": "love.yml",
    "bilag": "bilag.yml",
    "distrikter": "distrikter.yml",
    "aktiviteter": "aktiviteter.yml",
    "modsigelser": "modsigelser.yml",
    "pixi": "pixi.yml",
}
RECORD_FOLDERS = {"fora": "fora", "roller": "roller"}
REQUIRED_FILES = {"kommune", "enheder", "love", "bilag"}

Path_ = tuple  # a path into the data: ("fora", 3, "deltagere", 0, "rolle")


@dataclass(frozen=True)
class Position:
    file: str
    line: int
    column: int


@dataclass
class SourceMap:
    """Positions of the values and keys of the loaded data, by data path."""

    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    files: dict[Path_, str] = field(default_factory=dict)

    def locate(self, path: Path_) -> Position | None:
        """The closest known position for ``path``: the value itself or its nearest parent."""
        path = tuple(path)
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]

    def locate_key(self, path: Path_) -> Position | None:
        """The position of the key that names ``path`` (for unknown or misspelt keys)."""
        return self.keys.get(tuple(path)) or self.locate(path)

    def file_of(self, path: Path_) -> str | None:
        path = tuple(path)
        while path:
            if path in self.files:
                return self.files[path]
            path = path[:-1]
        return self.files.get(())


@dataclass
class RawData:
    """The plain data of one municipality and where it came from."""

    kommune_id: str
    folder: Path
    data: dict[str, Any]
    source: SourceMap
    problems: list[Problem]
    #: per record folder, the file names (= ids) of files that could not be read
    unreadable: dict[str, set[str]] = field(default_factory=dict)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader; dates stay strings so an editor's date is shown as typed."""


# Keep "2022-01-15" as text: the model parses dates itself with a Danish error message.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same loader on libyaml (about 20 times faster; the same nodes and positions).
    A file it refuses is read again by ``_Loader``, whose messages the hints below know."""


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _position(node: yaml.Node, file: str) -> Position:
    return Position(file, node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: yaml.Node, path: Path_, file: str, loader: _Loader, smap: SourceMap,
           problems: list[Problem]) -> Any:
    """Turn a composed YAML node into Python data, recording positions and duplicate keys."""
    smap.values[path] = _position(node, file)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                pos = _position(key_node, file)
                problems.append(Problem(pos.file, pos.line, pos.column,
                                        f"nøglen '{key}' står to gange i samme afsnit",
                                        "hver nøgle én gang"))
                continue
            smap.keys[path + (key,)] = _position(key_node, file)
            result[key] = _build(value_node, path + (key,), file, loader, smap, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), file, loader, smap, problems)
                for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _compose(text: str):
    """The file's node and its loader: libyaml first; a file it refuses is read again by
    PyYAML's own loader, whose error messages ``_YAML_PROBLEMS`` translates."""
    for loader_class in (_FastLoader, _Loader):
        loader = loader_class(text)
        try:
            return loader.get_single_node(), loader
        except yaml.MarkedYAMLError:
            if loader_class is _Loader:
                raise
        finally:
            loader.dispose()


def read_yaml(path: Path, data_path: Path_, root: Path, smap: SourceMap,
              problems: list[Problem]) -> Any:
    """Read one YAML file; syntax errors and empty files become problems, not exceptions."""
    file = _relative(path, root)
    smap.files[data_path] = file
    text = path.read_text(encoding="utf-8")
    try:
        node, loader = _compose(text)
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is found at the end of the file; point at where it was opened.
        opened = exc.context and "quoted scalar" in exc.context and exc.context_mark
        mark = exc.context_mark if opened else (exc.problem_mark or exc.context_mark)
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        lines = text.splitlines()
        while line > 1 and (line > len(lines) or not lines[line - 1].strip()):
            line, column = line - 1, 1  # point at the last line with content
        shown = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        what = _danish_yaml_problem(exc.problem or "")
        problems.append(Problem(file, line, column, f"YAML-fejl: {what} i linjen «{shown}»",
                                "gyldig YAML (tjek indrykning, kolon og anførselstegn)"))
        return None
    if node is None:
        problems.append(Problem(file, 1, 1, "filen er tom", "mindst de påkrævede felter"))
        return None
    smap.values[data_path] = _position(node, file)
    return _build(node, data_path, file, loader, smap, problems)


_YAML_PROBLEMS = (  # (start of PyYAML's message, Danish explanation)
    ("mapping values are not allowed here", "et kolon står et sted, hvor det ikke må stå "
                                            "(sæt teksten i anførselstegn)"),
    ("could not find expected ':'", "der mangler et kolon efter nøglen"),
    ("did not find expected key", "indrykningen passer ikke med linjerne før"),
    ("did not find expected '-' indicator", "et listepunkt ('- ') er rykket forkert ind"),
    ("expected <block end>", "indrykningen passer ikke med linjerne før"),
    ("found character '\\t' that cannot start any token", "der er brugt tabulator; brug mellemrum"),
    ("found character", "et tegn, der ikke må stå først i en værdi (sæt teksten i anførselstegn)"),
    ("found unexpected end of stream", "et anførselstegn er ikke lukket"),
    ("expected the node content", "en værdi mangler eller en liste/parentes er ikke lukket"),
    ("found undefined alias", "'*' først i en værdi (sæt teksten i anførselstegn)"),
    ("expected ',' or ']'", "en liste i [ ] er ikke lukket korrekt"),
    ("expected ',' or '}'", "en { }-blok er ikke lukket korrekt"),
    ("while scanning a quoted scalar", "et anførselstegn er ikke lukket"),
)


def _danish_yaml_problem(problem: str) -> str:
    for english, danish in _YAML_PROBLEMS:
        if problem.startswith(english):
            return danish
    return problem or "ukendt syntaksfejl"


def kommune_folder(data_root: Path, kommune_id: str) -> Path:
    return data_root / kommune_id


def available_kommuner(data_root: Path) -> list[str]:
    return sorted(p.name for p in data_root.iterdir()
                  if p.is_dir() and (p / SINGLE_FILES["kommune"]).exists())


def read_kommune(data_root: Path, kommune_id: str) -> RawData:
    """Read every YAML file of one municipality, reporting files that are not where expected."""
    folder = kommune_folder(data_root, kommune_id)
    root = data_root.parent
    smap = SourceMap()
    problems: list[Problem] = []
    data: dict[str, Any] = {}
    expected: set[Path] = set()
    unreadable: dict[str, set[str]] = {}

    for key, name in SINGLE_FILES.items():
        path = folder / name
        expected.add(path)
        if path.exists():
            value = read_yaml(path, (key,), root, smap, problems)
            if value is not None:
                data[key] = value
        elif key in REQUIRED_FILES:
            problems.append(Problem(_relative(path, root), 0, 0, "filen mangler",
                                    f"en fil {name} i {_relative(folder, root)}/"))

    for key, sub in RECORD_FOLDERS.items():
        records: list[Any] = []
        sub_folder = folder / sub
        smap.files[(key,)] = _relative(sub_folder, root) + "/"
        for path in sorted(sub_folder.glob("*")) if sub_folder.is_dir() else []:
            if path.suffix not in {".yml", ".yaml"} or not path.is_file():
                continue
            expected.add(path)
            value = read_yaml(path, (key, len(records)), root, smap, problems)
            if value is not None:
                records.append(value)
            else:
                unreadable.setdefault(key, set()).add(path.stem)
        data[key] = records

    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".yml", ".yaml"} and path not in expected:
            allowed = ", ".join(sorted(SINGLE_FILES.values())) + ", fora/*.yml, roller/*.yml"
            problems.append(Problem(_relative(path, root), 0, 0,
                                    "filen ligger et sted, hvor værktøjet ikke læser den",
                                    f"en af: {allowed}"))
    return RawData(kommune_id, folder, data, smap, problems, unreadable)


def fingerprint(folder: Path) -> tuple:
    """Changes whenever a data file is added, removed or edited (for caching per build)."""
    entries = []
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            stat = os.stat(os.path.join(dirpath, name))
            entries.append((dirpath, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))
