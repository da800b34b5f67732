"""One data problem = one Danish line: file, line, column, what is wrong and what was expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    expected: str = ""
    hint: str = ""

    def __str__(self) -> str:
        """The line an editor sees; a CPR-like number in it is masked (it may end in CI logs)."""
        from .personal_data import mask

        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.expected:
            text += f" (forventet: {self.expected})"
        if self.hint:
            text += f" — {self.hint}"
        return mask(text)


class DataError(Exception):
    """Raised when a municipality's data has problems; carries all of them, sorted by place."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        header = f"{count} fejl i data" if count != 1 else "1 fejl i data"
        super().__init__(header + ":\n" + "\n".join(f"  {p}" for p in self.problems))
