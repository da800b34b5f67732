"""What every kind of page is made of: pages, sections, and the blocks many pages share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from ..links import Links, Target
from ..render import table, text
from ..templating import html

if TYPE_CHECKING:
    from ..handbook import Handbook



@dataclass(frozen=True)
class Page:
    """One generated page: where it lives and how its Markdown is made."""

    path: str  # src_uri, e.g. "fora/mandagsmoede.md"
    render: Callable[[Links], str]


@dataclass(frozen=True)
class Section:
    """One menu entry of the handbook with the pages under it; the first is its main page."""

    id: str  # the name in kommune.yml's navigation
    title: str  # plain text
    pages: tuple[Page, ...]
    nav: dict = field(default_factory=dict)  # MkDocs nav entry; default: title → main page

    def __post_init__(self) -> None:
        if not self.nav:
            object.__setattr__(self, "nav", {self.title: self.pages[0].path})

    @property
    def path(self) -> str:
        return self.pages[0].path


@dataclass(frozen=True)
class PageKind:
    """A kind of page: its name in the menu, its main page, the sections a handbook has of
    it (none when there is nothing to show), and where the records it shows live."""

    id: str | None  # None: each section names itself (the free pages)
    path: str | None
    sections: Callable[["Handbook"], list[Section]]
    targets: dict[str, Target] = field(default_factory=dict)


def one_page(kind_id: str, path: str, title: Callable[["Handbook"], str | None] | str,
             render: Callable[[Links], str], **targets: Target) -> PageKind:
    """A kind of one page, present when ``title`` gives a title for the handbook."""

    def sections(book: "Handbook") -> list[Section]:
        name = title(book) if callable(title) else title
        return [Section(kind_id, name, (Page(path, render),))] if name else []

    return PageKind(kind_id, path, sections, targets)


def record_page(folder: str, records: str) -> Target:
    """Where a record with a page of its own is shown (``folder/<id>.md``), linked by name."""
    return Target(path=lambda ident: f"{folder}/{ident}.md",
                  label=lambda book, ident: getattr(book, records)[ident].navn)


def join(*parts: str) -> str:
    """Markdown blocks, empty ones left out."""
    return "\n\n".join(p for p in parts if p)


def source_note(file: str | None) -> str:
    """Which data file a page comes from, for the editor who spots a mistake."""
    if not file:
        return ""
    return f"*Kilde i data: {text(file)}*\n{{: .ssp-kilde }}"


def facts_table(rows: list[tuple[str, str]], caption: str) -> str:
    """A two-column table of a record's facts; facts without a value are left out."""
    rows = [(k, v) for k, v in rows if v]
    return table(["Oplysning", "Indhold"], [[k, v] for k, v in rows], caption)


def pdf_button(href: str, label: str, primary: bool = False) -> str:
    """A download button for a PDF (raw HTML: the PDF is written after the pages, so MkDocs
    cannot check the link)."""
    return str(html("pdf_knap.html.j2", href=href, tekst=label, primaer=primary))
