"""Turn the bytes of one YAML file into a tree of plain YAML nodes, or say in Danish why not.

Only plain data is accepted: scalars (text, whole numbers, true/false), lists and sections.
Everything else YAML can do is refused while the file is composed, before any value is built:

* anchors and aliases (``&navn``, ``*navn``), so neither a recursive alias nor an alias bomb
  can exist: they are refused at their first line, in constant memory;
* tags (``!foo``, ``!!python/name:...``, ``!!binary``, ``!!set``) and merge keys (``<<:``);
* nesting deeper than ``MAX_DEPTH`` (refused on the way down, long before Python's
  recursion limit), more than ``MAX_NODES`` values in one file, lists or sections as keys;
* numbers YAML reads in a way an editor does not expect (``010`` is octal 8, ``1:20`` is 80)
  or that are absurdly long, and non-numbers such as ``.inf``.

Before the YAML is parsed the text itself is checked: it must be UTF-8 (a byte order mark
is fine), not absurdly large, and free of control characters and invisible format characters
(bidi overrides, zero-width spaces, soft hyphens, private-use bullets from Word), which can
hide text from a reviewer or split a CPR number so that the guard cannot see it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import yaml

MAX_BYTES = 500_000  # the largest real data file is 25 kB
MAX_DEPTH = 20  # sections and lists inside each other; real data uses at most 7
MAX_NODES = 10_000  # keys, values and lists in one file; the largest real file has 407
MAX_DIGITS = 9  # no number in the model needs more; longer ones are typos or pasted ids
_MAX_SHOWN = 60  # characters of a line shown in a message


@dataclass
class Refusal(Exception):
    """Why a file cannot be read: at (1-based) line and column; 0 means the whole file."""

    line: int
    column: int
    message: str
    expected: str = ""
    hint: str = ""


def shorten(text: str, limit: int = _MAX_SHOWN) -> str:
    """``text`` on one line, cut to ``limit`` characters, for quoting in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the text -------------------------------------------------------------------------------

def decode(data: bytes) -> str:
    """The file's text; a byte order mark is dropped, anything but UTF-8 is refused."""
    if len(data) > MAX_BYTES:
        raise Refusal(0, 0, f"filen er for stor ({len(data) // 1000} kB)",
                      f"højst {MAX_BYTES // 1000} kB", "del indholdet op eller fjern det, der "
                                                        "ikke hører til")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        line = data.count(b"\n", 0, max(data.find(b"\x00"), 0)) + 1
        raise Refusal(line, 1, "filen er gemt som UTF-16 (eller er ikke en tekstfil)",
                      "tekst i UTF-8", "gem filen som UTF-8 (i VS Code: klik på tegnsættet "
                                       "nederst til højre, 'Save with Encoding', 'UTF-8')")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[start:error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        raise Refusal(line, column, f"filen er ikke gemt som UTF-8: byten 0x{byte:02X} kan ikke "
                                    "læses", "tekst i UTF-8",
                      "gem filen som UTF-8 (i VS Code: klik på tegnsættet nederst til højre, "
                      "'Save with Encoding', 'UTF-8')") from None
    # One kind of line break, so every line number below agrees with PyYAML's and the editor's.
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Characters that are invisible or that change how text is shown: every control (Cc) and
# format (Cf) character except tab and line breaks, line/paragraph separators (Zl, Zp),
# private use (Co), non-characters and a few blank "letters" used to hide text. The test
# tests/test_safe_yaml.py proves the class covers every such code point Python knows.
_HAZARD = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\u2800\u3164\ue000-\uf8ff\ufdd0-\ufdef\ufeff\uffa0"
    "\ufff9-\ufffb\ufffe\uffff\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\U000f0000-\U0010ffff]")
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")
_MAX_HAZARD_LINES = 10


def _describe(char: str) -> tuple[str, str]:
    """(what the character is, where it usually comes from), in Danish."""
    code = ord(char)
    if char == "\x00":
        return "et nul-tegn", "slet tegnet"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "et usynligt styretegn", "slet tegnet"
    if char == "\xad":
        return "en usynlig blød bindestreg", "slet den (Word sætter den ind ved orddeling)"
    if char in _BIDI:
        return "et usynligt tegn, der vender tekstens retning", "slet tegnet"
    if char in _ZERO_WIDTH:
        return "et usynligt tegn uden bredde", "slet tegnet (det følger tit med fra Word, " \
                                               "PDF eller e-mail)"
    if char in "\u2028\u2029":
        return "et linje- eller afsnitsskift fra Word", "skriv et almindeligt linjeskift"
    if 0xE000 <= code <= 0xF8FF or code >= 0xF0000:
        return "et tegn fra et privat tegnområde", "slet det (ofte et punkttegn kopieret fra Word)"
    return "et usynligt eller ugyldigt tegn", "slet tegnet"


def hazards(text: str) -> list[Refusal]:
    """One refusal per line with an invisible or control character (at most a few lines)."""
    found: list[Refusal] = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _HAZARD.search(line)
        if match is None:
            continue
        if len(found) == _MAX_HAZARD_LINES:
            found.append(Refusal(number, 0, "flere linjer med usynlige tegn eller styretegn",
                                 "kun synlige tegn, mellemrum og linjeskift"))
            break
        what, hint = _describe(match.group())
        found.append(Refusal(number, match.start() + 1,
                             f"linjen indeholder {what} (U+{ord(match.group()):04X})",
                             "kun synlige tegn, mellemrum og linjeskift", hint))
    return found


# --- the YAML -------------------------------------------------------------------------------

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_PLAIN_TAGS = {"tag:yaml.org,2002:str", _INT, _FLOAT, "tag:yaml.org,2002:bool",
               "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")


class Loader(yaml.SafeLoader):
    """PyYAML's safe loader, composing plain data only; dates stay text (the model parses
    them with a Danish message)."""

    def __init__(self, text: str):
        super().__init__(text)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        _refuse_event(event)
        if isinstance(parent, yaml.MappingNode) and index is None and not isinstance(
                event, yaml.ScalarEvent):
            raise _refusal(event.start_mark,
                           "en nøgle er en liste eller et afsnit",
                           "en nøgle er et enkelt ord efterfulgt af kolon, fx 'navn:'")
        self._nodes += 1
        if self._nodes > MAX_NODES:  # pure-Python PyYAML is slow: stop before it matters
            raise _refusal(event.start_mark, f"filen har mere end {MAX_NODES} værdier",
                           f"højst {MAX_NODES} værdier i én fil")
        nested = isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
        if nested:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _refusal(event.start_mark,
                               f"lister og afsnit står mere end {MAX_DEPTH} niveauer inde i "
                               "hinanden", f"højst {MAX_DEPTH} niveauer")
        node = super().compose_node(parent, index)
        if nested:
            self._depth -= 1
        if isinstance(node, yaml.ScalarNode):
            self._check_scalar(node)
        return node

    def fetch_flow_collection_start(self, TokenClass):
        # PyYAML's scanner looks ahead through every open '[' or '{' (each may start a key),
        # which is quadratic in their depth: refuse while scanning, not only while composing.
        if self.flow_level >= MAX_DEPTH:
            mark = self.get_mark()
            raise _refusal(mark, f"lister og afsnit står mere end "
                           f"{MAX_DEPTH} niveauer inde i hinanden", f"højst {MAX_DEPTH} niveauer")
        super().fetch_flow_collection_start(TokenClass)

    def _check_scalar(self, node: yaml.ScalarNode) -> None:
        hidden = _HAZARD.search(node.value)  # written as an escape: "\x07", "\u202e"
        if hidden:
            what, _hint = _describe(hidden.group())
            raise _refusal(node.start_mark, f"teksten indeholder {what} "
                           f"(U+{ord(hidden.group()):04X}, skrevet som escape)",
                           "kun synlige tegn, mellemrum og linjeskift")
        if node.tag == "tag:yaml.org,2002:merge":
            raise _refusal(node.start_mark, "'<<' (YAML-fletning) er ikke tilladt",
                           "felterne skrevet ud, hvor de skal bruges")
        if node.tag not in _PLAIN_TAGS:
            raise _refusal(node.start_mark, f"værdien «{shorten(node.value, 20)}» har en "
                           "særlig betydning i YAML", "tekst i anførselstegn")
        if node.tag == _INT:
            digits = node.value.lstrip("+-")
            if not _DECIMAL.fullmatch(node.value):
                raise _refusal(node.start_mark, f"tallet «{shorten(node.value, 20)}» "
                               "læses anderledes, end det ser ud (YAML læser tal med 0 foran, "
                               "0x, _ eller : på en særlig måde)",
                               "et helt tal uden 0 foran, fx 12, eller tekst i anførselstegn")
            if len(digits) > MAX_DIGITS:
                raise _refusal(node.start_mark, f"tallet har {len(digits)} cifre",
                               f"et tal med højst {MAX_DIGITS} cifre, eller tekst i "
                               "anførselstegn")
        if node.tag == _FLOAT and not math.isfinite(self.construct_yaml_float(node)):
            raise _refusal(node.start_mark, f"«{shorten(node.value, 20)}» er ikke et "
                           "almindeligt tal", "et helt tal, eller tekst i anførselstegn")

# Keep "2022-01-15" as text: the model parses dates itself with a Danish error message.
Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _refuse_event(event) -> None:
    if isinstance(event, yaml.AliasEvent):
        raise _refusal(event.start_mark,
                       f"'*{shorten(event.anchor, 20)}' er en YAML-henvisning (alias), som ikke "
                       "er tilladt", "værdien skrevet ud; sæt teksten i anførselstegn, hvis den "
                                     "skal begynde med '*'")
    if getattr(event, "anchor", None) is not None:
        raise _refusal(event.start_mark,
                       f"'&{shorten(event.anchor, 20)}' er et YAML-anker, som ikke er tilladt",
                       "værdien skrevet ud hvert sted; sæt teksten i anførselstegn, hvis den "
                       "skal begynde med '&'")
    if getattr(event, "tag", None) is not None:
        written = (_line(event.start_mark)[event.start_mark.column:].split() or ["!"])[0]
        raise _refusal(event.start_mark,
                       f"YAML-mærket «{shorten(written, 30)}» er ikke tilladt",
                       "almindelig tekst, tal, lister og afsnit; sæt teksten i anførselstegn, "
                       "hvis den skal begynde med '!'")


def _line(mark) -> str:
    """The line a mark points into (read from the mark, so it costs nothing until needed)."""
    buffer, pointer = mark.buffer or "", mark.pointer
    end = buffer.find("\n", pointer)
    return buffer[buffer.rfind("\n", 0, pointer) + 1:end if end >= 0 else None].rstrip("\0")


def _refusal(mark, what: str, expected: str) -> Refusal:
    return Refusal(mark.line + 1, mark.column + 1, f"YAML-fejl: {what} i linjen "
                   f"«{shorten(_line(mark).strip())}»", expected)


def compose(text: str) -> yaml.Node | None:
    """The root node of the file's single document (None when it has no content)."""
    loader = Loader(text)
    try:
        return loader.get_single_node()
    except Refusal:
        raise
    except yaml.MarkedYAMLError as error:
        raise _syntax_refusal(error, text) from None
    except yaml.YAMLError:
        raise Refusal(1, 1, "YAML-fejl: filen kan ikke læses som YAML",
                      "gyldig YAML (tjek indrykning, kolon og anførselstegn)") from None
    finally:
        loader.dispose()


def is_empty(node: yaml.Node | None) -> bool:
    """An empty file, one with only comments, or only '---', '~' or 'null'."""
    return node is None or (isinstance(node, yaml.ScalarNode)
                            and node.tag == "tag:yaml.org,2002:null")


def _syntax_refusal(error: yaml.MarkedYAMLError, text: str) -> Refusal:
    # An unclosed quote is found at the end of the file; point at where it was opened.
    opened = error.context and "quoted scalar" in error.context and error.context_mark
    mark = error.context_mark if opened else (error.problem_mark or error.context_mark)
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.splitlines()
    while line > 1 and (line > len(lines) or not lines[line - 1].strip()):
        line, column = line - 1, 1  # point at the last line with content
    shown = shorten(lines[line - 1].strip()) if 0 < line <= len(lines) else ""
    what = danish_yaml_problem(error.context or "", error.problem or "")
    return Refusal(line, column, f"YAML-fejl: {what} i linjen «{shown}»",
                   "gyldig YAML (tjek indrykning, kolon og anførselstegn)")


_YAML_PROBLEMS = (  # (start of PyYAML's context or problem, Danish explanation)
    ("mapping values are not allowed here", "et kolon står et sted, hvor det ikke må stå "
                                            "(sæt teksten i anførselstegn)"),
    ("could not find expected ':'", "der mangler et kolon efter nøglen"),
    ("did not find expected key", "indrykningen passer ikke med linjerne før"),
    ("did not find expected '-' indicator", "et listepunkt ('- ') er rykket forkert ind"),
    ("expected <block end>", "indrykningen passer ikke med linjerne før"),
    ("found character '\\t' that cannot start any token", "der er brugt tabulator; brug mellemrum"),
    ("found character", "et tegn, der ikke må stå først i en værdi "
                        "(sæt teksten i anførselstegn)"),
    ("found unexpected end of stream", "et anførselstegn er ikke lukket"),
    ("found unexpected document separator", "et anførselstegn er ikke lukket"),
    ("expected the node content", "en værdi mangler eller en liste/parentes er ikke lukket"),
    ("found undefined alias", "'*' først i en værdi (sæt teksten i anførselstegn)"),
    ("expected ',' or ']'", "en liste i [ ] er ikke lukket korrekt"),
    ("expected ',' or '}'", "en { }-blok er ikke lukket korrekt"),
    ("while scanning a quoted scalar", "et anførselstegn er ikke lukket"),
    ("while scanning a double-quoted scalar", "en '\\' i tekst i dobbelte anførselstegn (brug "
                                              "enkelte anførselstegn, eller skriv '\\\\')"),
    ("while scanning an anchor", "'&' først i en værdi (sæt teksten i anførselstegn)"),
    ("while scanning an alias", "'*' først i en værdi (sæt teksten i anførselstegn)"),
    ("while scanning a tag", "'!' først i en værdi (sæt teksten i anførselstegn)"),
    ("while parsing a tag", "'!' først i en værdi (sæt teksten i anførselstegn)"),
    ("while parsing a node", "'!' først i en værdi (sæt teksten i anførselstegn)"),
    ("while scanning a directive", "'%' først i en linje (sæt teksten i anførselstegn)"),
    ("while scanning a block scalar", "en tekst med '|' eller '>' er skrevet forkert (efter "
                                      "tegnet skal linjen slutte)"),
    ("expected '<document start>'", "'%' eller '...' står et sted, hvor de ikke må stå"),
    ("found duplicate YAML directive", "'%' først i en linje (sæt teksten i anførselstegn)"),
    ("found incompatible YAML document", "'%' først i en linje (sæt teksten i anførselstegn)"),
    ("duplicate tag handle", "'%' først i en linje (sæt teksten i anførselstegn)"),
    ("expected a single document in the stream", "filen indeholder mere end ét YAML-dokument "
                                                 "('---' midt i filen)"),
    ("sequence entries are not allowed here", "et listepunkt ('- ') står et sted, hvor det ikke "
                                              "må stå (tjek indrykningen)"),
    ("mapping keys are not allowed here", "'?' først i en værdi (sæt teksten i anførselstegn)"),
    ("invalid indentation or unclosed", "indrykningen passer ikke, eller en [ ]- eller { }-blok "
                                        "er ikke lukket"),
)


def danish_yaml_problem(context: str, problem: str) -> str:
    """PyYAML's English problem in Danish; never PyYAML's own words."""
    for english, danish in _YAML_PROBLEMS:
        if problem.startswith(english):
            return danish
    for english, danish in _YAML_PROBLEMS:
        if context.startswith(english):
            return danish
    return "ugyldig YAML-syntaks"
