"""Read a municipality's YAML files into plain Python data, remembering where each value stood.

Every value keeps its position (file, line, column) so that a problem found later, by the
model or by the cross-reference checks, can be reported at the line the editor has to change.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from . import safe_yaml
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
    "sektorer": "sektorer.yml",
}
RECORD_FOLDERS = {"fora": "fora", "roller": "roller"}
#: The municipality's own pages: one Markdown file each, with YAML front matter.
PAGE_FOLDER = "sider"
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
    #: where each scalar value ends (a block of text spans several lines)
    ends: dict[Path_, Position] = field(default_factory=dict)
    #: the text of every file read, by file (for the CPR guard, which reads comments too)
    texts: dict[str, str] = field(default_factory=dict)

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

    def problem(self, path: Path_, message: str, expected: str = "", hint: str = "", *,
                key: bool = False, at: Path_ | None = None) -> Problem:
        """A problem reported at ``path`` (its key with ``key=True``; or at another path
        ``at``), or at the file it belongs to when the position is not known."""
        where = at if at is not None else path
        pos = self.locate_key(where) if key else self.locate(where)
        if pos is None:
            return Problem(self.file_of(path) or "data", 0, 0, message, expected, hint)
        return Problem(pos.file, pos.line, pos.column, message, expected, hint)

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

    def texts(self) -> Iterator[tuple[Path_, str]]:
        """(data path, text) of every string and whole number in the data, as typed."""
        return _texts(self.data, ())


def _texts(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path, str(value)


#: PyYAML loader that composes plain data only (kept under this name for the tests' schema checks).
_Loader = safe_yaml.Loader

#: Files holding one section of fields; every other single file holds a list of records.
_SECTION_FILES = {"kommune", "niveauer", "distrikter", "pixi", PAGE_FOLDER} | set(RECORD_FOLDERS)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _position(node: yaml.Node, file: str) -> Position:
    return Position(file, node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: yaml.Node, path: Path_, file: str, loader: yaml.SafeLoader, smap: SourceMap,
           problems: list[Problem]) -> Any:
    """Turn a composed YAML node into Python data, recording positions and duplicate keys.
    The node tree is plain data (see safe_yaml), at most safe_yaml.MAX_DEPTH deep."""
    smap.values[path] = _position(node, file)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value  # as written: 'yes:' is the key 'yes', not True
            if key in result:
                pos = _position(key_node, file)
                problems.append(Problem(pos.file, pos.line, pos.column,
                                        f"nøglen '{safe_yaml.shorten(key)}' står to gange i "
                                        "samme afsnit", "hver nøgle én gang"))
                continue
            smap.keys[path + (key,)] = _position(key_node, file)
            result[key] = _build(value_node, path + (key,), file, loader, smap, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), file, loader, smap, problems)
                for i, item in enumerate(node.value)]
    smap.ends[path] = Position(file, node.end_mark.line + 1, node.end_mark.column + 1)
    return loader.construct_object(node, deep=True)


def _refused(file: str, refusal: safe_yaml.Refusal) -> Problem:
    return Problem(file, refusal.line, refusal.column, refusal.message, refusal.expected,
                   refusal.hint)


#: What a data file or folder that is a symbolic link gets: its text would come from wherever
#: the link points (another repository, the build machine's own files) into the handbook.
LINKED = ("filen er en genvej (et symbolsk link) til en anden fil",
          "en almindelig fil: kopiér indholdet ind i den i stedet for at linke")


def read_text(path: Path, file: str, problems: list[Problem]) -> str | None:
    """A data file's text: UTF-8 (a BOM is fine), or a problem and ``None``."""
    if path.is_symlink():
        problems.append(Problem(file, 0, 0, *LINKED))
        return None
    try:
        return safe_yaml.decode(path.read_bytes())
    except safe_yaml.Refusal as refusal:
        problems.append(_refused(file, refusal))
    except OSError:
        problems.append(Problem(file, 0, 0, "filen kan ikke åbnes",
                                "en fil, som værktøjet har lov til at læse"))
    return None


@lru_cache(maxsize=1024)
def _parsed(text: str) -> tuple[tuple[safe_yaml.Refusal, ...], yaml.Node | None]:
    """A file's YAML node, or why it is refused. Cached by the text: PyYAML's composer is most
    of the time it takes to read the data, and a preview reads again only what changed."""
    refusals = tuple(safe_yaml.hazards(text))
    if refusals:
        return refusals, None
    try:
        return (), safe_yaml.compose(text)
    except safe_yaml.Refusal as refusal:
        return (refusal,), None


def read_yaml(path: Path, data_path: Path_, root: Path, smap: SourceMap,
              problems: list[Problem], text: str | None = None) -> Any:
    """Read one YAML file (or ``text`` read from it); anything that is not plain data of the
    expected shape becomes a problem (and ``None``), never an exception."""
    file = _relative(path, root)
    smap.files[data_path] = file
    text = read_text(path, file, problems) if text is None else text
    if text is None:
        return None
    smap.texts.setdefault(file, text)
    refusals, node = _parsed(text)
    if refusals:
        problems += [_refused(file, r) for r in refusals]
        return None
    if safe_yaml.is_empty(node):
        problems.append(Problem(file, 1, 1, "filen er tom", "mindst de påkrævede felter"))
        return None
    section = data_path[0] in _SECTION_FILES
    if section != isinstance(node, yaml.MappingNode):
        pos = _position(node, file)
        problems.append(Problem(file, pos.line, pos.column, *(
            ("filen skal bestå af felter", "felter som 'id: ...' og 'navn: ...'") if section else
            ("filen skal være en liste", "en liste med '- ' foran hver post"))))
        return None
    smap.values[data_path] = _position(node, file)
    return _build(node, data_path, file, safe_yaml.Loader(""), smap, problems)


def kommune_folder(data_root: Path, kommune_id: str) -> Path:
    return data_root / kommune_id


def _real_folder(path: Path) -> bool:
    """A folder of data, not a link to one (reported by read_kommune, never read through)."""
    return path.is_dir() and not path.is_symlink()


def _yaml_like(path: Path) -> bool:
    """Any spelling of a YAML file name: .yml, .yaml, .YML, .Yaml, ... (only .yml is read)."""
    return path.suffix.lower() in {".yml", ".yaml"}


#: Endings of a page in Markdown (only '.md' is read, in sider/).
_MARKDOWN_ENDINGS = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".txt"}


def available_kommuner(data_root: Path) -> list[str]:
    """Folders with a kommune file (also a misspelt one, so `check` reports it, not skips it)."""
    return sorted(p.name for p in data_root.iterdir() if p.is_dir() and any(
        c.name.lower() in {"kommune.yml", "kommune.yaml"} for c in p.iterdir()))


def read_kommune(data_root: Path, kommune_id: str) -> RawData:
    """Read every YAML file of one municipality, reporting files that are not where expected.

    One rule for file names everywhere: a data file ends in exactly '.yml'. Any other spelling
    ('.yaml', '.YML', '.Yml') is reported, never silently skipped or read differently."""
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
        if path.is_file():
            value = read_yaml(path, (key,), root, smap, problems)
            if value is not None:
                data[key] = value
        elif key in REQUIRED_FILES:
            problems.append(Problem(_relative(path, root), 0, 0, "filen mangler",
                                    f"en fil {name} i {_relative(folder, root)}/"))

    problems += [Problem(_relative(folder / sub, root) + "/", 0, 0,
                         "mappen er en genvej (et symbolsk link) til en anden mappe",
                         "en almindelig mappe med filerne i")
                 for sub in (*RECORD_FOLDERS.values(), PAGE_FOLDER) if (folder / sub).is_symlink()]
    for key, sub in RECORD_FOLDERS.items():
        data[key] = _read_records(key, folder / sub, root, smap, problems, expected,
                                  unreadable.setdefault(key, set()))

    from .free_pages import read_pages

    data[PAGE_FOLDER] = read_pages(folder / PAGE_FOLDER, root, smap, problems)
    if _real_folder(folder / PAGE_FOLDER):
        expected.update((folder / PAGE_FOLDER).glob("*.md"))
    problems += _unread_files(folder, root, expected, smap)
    return RawData(kommune_id, folder, data, smap, problems, unreadable)


def _read_records(key: str, sub_folder: Path, root: Path, smap: SourceMap,
                  problems: list[Problem], expected: set[Path], unreadable: set[str]) -> list:
    """The records of one folder (fora/, roller/), one file each; the ids of files that
    could not be read (or end in '.yaml' and the like) go into ``unreadable``."""
    records: list[Any] = []
    smap.files[(key,)] = _relative(sub_folder, root) + "/"
    for path in sorted(sub_folder.iterdir()) if _real_folder(sub_folder) else []:
        if not (path.is_file() and _yaml_like(path)):
            continue
        if path.suffix != ".yml":  # reported by _unread_files; its id still counts as known
            unreadable.add(path.stem)
            continue
        expected.add(path)
        value = read_yaml(path, (key, len(records)), root, smap, problems)
        if value is not None:
            records.append(value)
        else:
            unreadable.add(path.stem)
    return records


def _unread_files(folder: Path, root: Path, expected: set[Path], smap: SourceMap) -> list[Problem]:
    """Every YAML-like file the tool does not read is a problem: a misspelt ending or a file in
    the wrong place. Their text is kept for the CPR guard (it is in the repository too)."""
    problems = []
    allowed = (", ".join(sorted(SINGLE_FILES.values())) + ", fora/*.yml, roller/*.yml, "
               f"{PAGE_FOLDER}/*.md")
    pages = folder / PAGE_FOLDER
    for path in sorted(folder.rglob("*")):
        page_like = path.suffix.lower() in _MARKDOWN_ENDINGS
        if not path.is_file() or path in expected or not (
                _yaml_like(path) or page_like or path.parent == pages):
            continue
        file = _relative(path, root)
        renamed = path.with_suffix(".yml")
        readable = renamed.parent in {folder / sub for sub in RECORD_FOLDERS.values()} or (
            renamed.parent == folder and renamed.name in SINGLE_FILES.values())
        if path.parent == pages and page_like:
            problems.append(Problem(file, 0, 0, f"filen ender på '{path.suffix}', men værktøjet "
                                    "læser kun sider, der ender på '.md'",
                                    f"filen omdøbt til {path.stem}.md"))
        elif _yaml_like(path) and path.suffix != ".yml" and readable:
            problems.append(Problem(file, 0, 0, f"filen ender på '{path.suffix}', men værktøjet "
                                    "læser kun filer, der ender på '.yml'",
                                    f"filen omdøbt til {path.stem}.yml"))
        else:
            problems.append(Problem(file, 0, 0,
                                    "filen ligger et sted, hvor værktøjet ikke læser den",
                                    f"en af: {allowed}"))
        try:
            if not path.is_symlink():  # a link's text is not the repository's
                smap.texts[file] = safe_yaml.decode(path.read_bytes())
        except (OSError, safe_yaml.Refusal):
            pass  # the file is reported already; the guard reads what can be read
    return problems


def fingerprint(folder: Path) -> tuple:
    """Changes whenever a data file is added, removed or edited (for caching per build)."""
    entries = []
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            stat = os.stat(os.path.join(dirpath, name))
            entries.append((dirpath, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))
