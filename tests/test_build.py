"""The real build of every municipality: pages, derived lists, links, PDF."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from pypdf import PdfReader

from html_util import (article, html_pages, linked_pages, normalise, resolve_href,
                       section_table, soup, tables_between)
from macros import pages, rules
from macros.links import page_url
from pdf_util import pdf_text, words_outside


def test_strict_build_passes_without_warnings(built):
    assert built.result.returncode == 0
    assert "WARNING" not in built.output, built.output
    assert "ERROR" not in built.output, built.output


def test_every_record_becomes_a_page(built):
    book = built.book
    expected = (
        [(pages.path("forum", f.id), f.navn) for f in book.fora.values()]
        + [(pages.path("rolle", r.id), r.navn) for r in book.roller.values()]
        + [(pages.path("bilag", b.id), pages.bilag.title(b)) for b in book.bilag.values()]
        + [(pages.path("side", s.id), s.titel) for s in book.sider.values()]
    )
    assert len(expected) > 3
    for src, title in expected:
        html = built.page(src)
        assert html.exists(), src
        h1 = article(soup(html)).find("h1")
        assert normalise(h1.get_text()).rstrip("¶").strip() == normalise(title), src


def test_appendices_keep_the_source_numbering(built):
    if not built.book.bilag:  # no appendices: no appendix pages, and nothing links to one
        assert not (built.site / "bilag").exists()
        return
    overview = soup(built.page(pages.path("bilag")))
    rows = article(overview).find("table").find_all("tr")
    numbers = [int(tr.find("td").get_text()) for tr in rows if tr.find("td")]
    assert numbers == [b.nummer for b in built.book.bilag.values()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_deltager_i_is_the_inverse_of_the_forum_participant_lists(built):
    """Read both directions from the HTML and compare them with each other and the data."""
    book = built.book
    forum_to_roles: dict[str, set[str]] = {}
    for forum_id in book.fora:
        path = built.page(pages.path("forum", forum_id))
        tables = tables_between(soup(path), "Deltagere")
        assert tables, forum_id
        forum_to_roles[forum_id] = set().union(
            *(linked_pages(t, path, "roller") for t in tables))
        data_roles = {d.rolle for _t, d in book.all_participants(book.fora[forum_id])}
        assert forum_to_roles[forum_id] == data_roles, forum_id

    role_to_forums: dict[str, set[str]] = {}
    for role_id in book.roller:
        path = built.page(pages.path("rolle", role_id))
        table = section_table(soup(path), "Deltager i")
        role_to_forums[role_id] = linked_pages(table, path, "fora") if table else set()

    inverse = {r: {f for f, roles in forum_to_roles.items() if r in roles} for r in book.roller}
    assert role_to_forums == inverse


def test_role_totals_add_up_over_its_forums(built):
    book = built.book
    for role_id in book.roller:
        seats = book.participations(role_id)
        known = [p.moeder_pr_aar for p in seats if p.moeder_pr_aar]
        table = section_table(soup(built.page(pages.path("rolle", role_id))), "Deltager i")
        if not seats:
            assert table is None
            continue
        last = table.find_all("tr")[-1].find_all("td")
        low = sum(k[0] for k in known)
        assert normalise(last[0].get_text()) == "I alt"
        shown = normalise(last[2].get_text())
        if not known:  # nothing to count: said, not shown as a misleading 0
            assert shown == "ikke oplyst", role_id
            continue
        assert shown.split("–")[0].replace(",", ".") in (f"{low:g}", f"{low:.1f}"), role_id


def test_every_internal_link_and_anchor_resolves(built):
    site = built.site
    base_path = urlparse(built.book.kommune.adresse or "/").path or "/"
    ids_cache: dict = {}
    checked = 0
    for page in html_pages(site):
        for a in soup(page).find_all("a", href=True):
            target = resolve_href(site, page, a["href"], base_path)
            if target is None:
                continue
            path, fragment = target
            assert path.exists(), f"{page.relative_to(site)} → {a['href']}"
            if fragment and path.suffix == ".html":
                if path not in ids_cache:
                    ids_cache[path] = {el["id"] for el in soup(path).find_all(id=True)}
                assert fragment in ids_cache[path], f"{page.relative_to(site)} → {a['href']}"
            checked += 1
    assert checked > 50


def test_laws_have_anchors_and_list_the_forums_citing_them(built):
    page = soup(built.page(pages.path("love")))
    for lov in built.book.love.values():
        heading = page.find(id=lov.id)
        assert heading is not None and heading.name == "h2", lov.id
        for forum, _paragraf in built.book.citing(lov.id):
            section = []
            for el in heading.find_all_next():
                if el.name == "h2":
                    break
                section.append(el)
            assert any(forum.navn in el.get_text() for el in section if el.name == "p"), forum.id


def test_home_page_has_revision_and_pdf_download(built):
    home = soup(built.page("index.md"))
    text = normalise(home.get_text(" "))
    assert built.book.revision_label in text
    button = home.find("a", attrs={"download": True})
    assert button is not None
    target, _ = resolve_href(built.site, built.page("index.md"), button["href"])
    assert target == built.pdf.resolve() and built.pdf.exists()


def test_no_request_leaves_the_site(built):
    for page in html_pages(built.site):
        doc = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in doc.find_all(tag, attrs={attr: True}):
                if tag == "link" and set(el.get("rel", [])) & {"canonical", "alternate"}:
                    continue  # names the page's address; the browser loads nothing
                assert not re.match(r"^(https?:)?//", el[attr]), f"{page}: {el}"


def test_pdf_carries_every_forum_role_and_the_revision(built):
    reader = PdfReader(built.pdf)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4
    texts = built.pdf_texts()
    assert len(texts) == len(reader.pages)
    cover = normalise(texts[0])
    assert built.book.revision_label in cover
    assert built.book.kommune.navn in cover
    text = normalise(" ".join(texts))
    squashed = re.sub(r"[\s-]", "", text)
    names = ([f.navn for f in built.book.fora.values()] + [r.navn for r in built.book.roller.values()]
             + [lov.navn for lov in built.book.love.values()]
             + [pages.bilag.title(b) for b in built.book.bilag.values()])
    missing = [n for n in names if re.sub(r"[\s-]", "", n) not in squashed]
    assert not missing, missing
    assert "None" not in cover


def test_site_holds_only_what_readers_need(built):
    """No templates, data files or Python leak into the published site."""
    leaked = [p for p in built.site.rglob("*")
              if p.suffix in {".j2", ".scss", ".yml", ".yaml", ".py"}]
    assert not leaked, leaked


def test_no_text_runs_into_the_pdfs_side_margins(built):
    """Every word of each built PDF lies between the page's side margins: no table is wider
    than the page (its cells hyphenate long compounds) and no cover title runs off it."""
    pdfs = sorted((built.site / "pdf").glob("*.pdf"))
    assert built.pdf in pdfs
    for path in pdfs:
        outside = words_outside(path)
        assert not outside, f"{path.name}:\n" + "\n".join(outside[:20])


def test_pdfs_carry_title_language_and_tags(built):
    for path in sorted((built.site / "pdf").glob("*.pdf")):
        reader = PdfReader(path)
        assert reader.metadata.title, path
        assert str(reader.trailer["/Root"].get("/Lang")) == "da", path
        assert "/StructTreeRoot" in reader.trailer["/Root"], f"{path} is not tagged"


def test_external_links_are_listed_and_well_formed(built):
    """External links (law texts, the accessibility statement) are not fetched: each must be
    a well-formed https/http address with a host name."""
    external = set()
    for page in html_pages(built.site):
        for a in soup(page).find_all("a", href=True):
            parsed = urlparse(a["href"])
            if parsed.scheme or parsed.netloc:
                external.add(a["href"])
    assert built.book.kommune.tilgaengelighedserklaering in external
    for href in sorted(external):
        parsed = urlparse(href)
        assert parsed.scheme in ("https", "http", "mailto"), href
        assert parsed.scheme == "mailto" or "." in parsed.netloc, href
        assert not re.search(r"\s", href), href
    print("\nEksterne links (" + built.kommune + "):\n" + "\n".join(sorted(external)))


def test_no_link_syntax_is_published_literally(built):
    """Every [[kind:id]] an editor wrote became a link: none is left in a page or a PDF."""
    for page in html_pages(built.site):
        assert "[[" not in article(soup(page)).get_text(" "), page.relative_to(built.site)
    for pdf in sorted((built.site / "pdf").glob("*.pdf")):
        assert "[[" not in pdf_text(pdf), pdf.name


def test_check_knows_the_addresses_the_site_keeps_for_its_own_files(built):
    """check refuses a page id that would take an address of the site's own files
    (rules.SITE_FILES): every top-level entry of a built site that no page has is there."""
    page_folders = {page_url(p.path).split("/")[0] for p in pages.generate(built.book)}
    own = {entry.name.split(".")[0] for entry in built.site.iterdir()} - page_folders - {"index"}
    assert own and own <= set(rules.SITE_FILES), own - set(rules.SITE_FILES)
