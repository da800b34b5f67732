"""`./run udgiv`: the release archives, their manifest, the generator's version in every page,
the strict policy's inputs, and a published site readable by the web server's user."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import subprocess
import sys
import zipfile

import pytest

from conftest import FIXTURE_DATA, ROOT, mkdocs_build
from html_util import html_pages, soup
from macros import version, webserver
from release_util import unpack

CLI = [sys.executable, "-m", "macros.cli"]


@pytest.fixture(scope="module")
def udgivet(tmp_path_factory):
    """The real command, for the invented municipality."""
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(CLI + ["udgiv", "bjergby", "--data", str(FIXTURE_DATA),
                                   "--dist", str(dist)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return dist, result.stdout


def test_udgiv_writes_a_web_and_a_network_drive_archive(udgivet):
    dist, output = udgivet
    names = sorted(p.name for p in dist.iterdir())
    assert names == ["bjergby-ssp-haandbog-2026-03-01-netvaerksdrev.zip",
                     "bjergby-ssp-haandbog-2026-03-01.zip"]
    for name in names:
        assert f"skrev {dist / name}" in output or f"skrev {name}" in output, output


@pytest.mark.parametrize("variant", ["", "-netvaerksdrev"])
def test_archive_is_world_readable_and_its_manifest_is_complete(udgivet, variant, tmp_path):
    dist, _ = udgivet
    archive = dist / f"bjergby-ssp-haandbog-2026-03-01{variant}.zip"
    with zipfile.ZipFile(archive) as z:
        for info in z.infolist():
            mode = info.external_attr >> 16
            assert stat.S_IMODE(mode) == (0o755 if info.is_dir() else 0o644), info.filename
            assert stat.S_ISDIR(mode) == info.is_dir(), info.filename
    top = unpack(archive, tmp_path)
    manifest = json.loads((top / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["kommune"] == {"id": "bjergby", "navn": "Bjergby Kommune"}
    assert manifest["revision"] == {"dato": "2026-03-01", "tekst": "Revideret marts 2026"}
    assert manifest["variant"] == ("web" if not variant else "netvaerksdrev")
    assert manifest["generator_version"] == version.generator_version()
    built_at = dt.datetime.fromisoformat(manifest["built_at"])
    assert abs(dt.datetime.now().astimezone() - built_at) < dt.timedelta(hours=1)
    files = {p.relative_to(top).as_posix(): p for p in top.rglob("*") if p.is_file()}
    assert set(manifest["sha256"]) == set(files) - {"manifest.json"}
    for name, digest in manifest["sha256"].items():
        assert hashlib.sha256(files[name].read_bytes()).hexdigest() == digest, name
    assert {"site/pdf/bjergby-ssp-haandbog.pdf", "site/pdf/bjergby-pixi-guide.pdf"} <= set(files)
    assert ("nginx/ssp-haandbog.conf" in files) == (not variant)
    # which build is this: every page, the 404 page too, names the manifest's version
    pages = html_pages(top / "site")
    assert any(p.name == "404.html" for p in pages)
    for page in pages:
        shown = soup(page).select_one("[data-ssp-version]")
        assert shown is not None and shown.get_text() == manifest["generator_version"], page


def test_both_archives_carry_the_same_pdfs(udgivet):
    dist, _ = udgivet
    digests = []
    for name in sorted(dist.iterdir()):
        manifest = json.loads(zipfile.ZipFile(name).read(f"{name.stem}/manifest.json"))
        digests.append({k: v for k, v in manifest["sha256"].items() if k.endswith(".pdf")})
    assert digests[0] == digests[1] and len(digests[0]) == 2


def test_udgiv_stops_on_bad_data_with_the_check_message(fixture_copy, tmp_path):
    forum = fixture_copy / "bjergby" / "fora" / "styregruppe.yml"
    forum.write_text(forum.read_text(encoding="utf-8").replace("pr_aar: 4", "pr_aar: 0"),
                     encoding="utf-8")
    dist = tmp_path / "dist"
    result = subprocess.run(CLI + ["udgiv", "bjergby", "--data", str(fixture_copy),
                                   "--dist", str(dist)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "'pr_aar' er for lille: 0" in result.stderr and "Traceback" not in result.stderr
    assert not dist.exists()


def test_check_and_udgiv_refuse_an_address_that_cannot_go_into_the_server_config(
        fixture_copy, tmp_path):
    kommune = fixture_copy / "bjergby" / "kommune.yml"
    kommune.write_text(kommune.read_text(encoding="utf-8").replace(
        "https://intranet.bjergby.example/ssp/", "https://intranet.bjergby.example/ssp;x{/"),
        encoding="utf-8")
    result = subprocess.run(CLI + ["udgiv", "bjergby", "--data", str(fixture_copy),
                                   "--dist", str(tmp_path / "dist")],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 1, result.stdout
    wrong = "kommune.yml:11:10: 'adresse' har et ugyldigt format: «https://intranet.bjergby"
    assert wrong in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "dist").exists()
    check = subprocess.run(CLI + ["check", "bjergby", "--data", str(fixture_copy)], cwd=ROOT,
                           capture_output=True, text=True)
    assert check.returncode == 1 and wrong in check.stderr + check.stdout


@pytest.mark.parametrize("address, path", [
    (None, "/"), ("https://intranet.example/", "/"), ("https://intranet.example", "/"),
    ("https://intranet.example/ssp", "/ssp/"), ("http://x.example/a/b-c_d.e/", "/a/b-c_d.e/")])
def test_the_served_path_follows_the_address(address, path):
    assert webserver.url_path(address) == path


@pytest.mark.parametrize("address", [
    "https://x.example/ssp haandbog/", "https://x.example/a/../b/", "https://x.example/$uri/",
    "https://x.example/a%20b/", "https://x.example/æøå/", "https://x.example/a\";/",
    "https://x.example/.skjult/"])
def test_hostile_paths_never_reach_the_server_config(address):
    with pytest.raises(webserver.WebserverError):
        webserver.url_path(address)


def test_the_policy_hashes_inline_code_and_refuses_event_handlers(tmp_path):
    script = "var a = 1 < 2 && '&amp;';"
    (tmp_path / "index.html").write_text(
        f'<html><head><script>{script}</script><script id="c" type="application/json">{{}}'
        '</script><script src="x.js"></script></head>'
        '<body><p style="width:5&#37;">x</p><style>p{color:red}</style></body></html>',
        encoding="utf-8")
    code = webserver.inline_code(tmp_path)
    assert code.scripts == {script}  # raw text, not entity-decoded; JSON data is not code
    assert code.style_attributes == {"width:5%"}  # attribute values are decoded
    assert code.styles == {"p{color:red}"}
    policy = webserver.content_security_policy(tmp_path)
    assert webserver._hash(script) in policy and webserver._hash("width:5%") in policy
    assert "'unsafe-inline'" not in policy and "http" not in policy
    (tmp_path / "b.html").write_text('<a href="#" onclick="x()">x</a>', encoding="utf-8")
    with pytest.raises(webserver.WebserverError, match="inline hændelseskode"):
        webserver.content_security_policy(tmp_path)


def test_generator_version_is_the_commit_marked_when_changed(tmp_path):
    assert version.generator_version(tmp_path) == "ukendt"  # not a git checkout
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["init", "-q"], check=True)
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    subprocess.run(git + ["add", "a.txt"], check=True)
    subprocess.run(git + ["commit", "-qm", "a"], check=True)
    commit = subprocess.run(git + ["rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=True).stdout.strip()
    assert version.generator_version(tmp_path) == commit
    (tmp_path / "a.txt").write_text("b", encoding="utf-8")
    assert version.generator_version(tmp_path) == commit + "+ændret"
    inner = tmp_path / "kopi"
    inner.mkdir()
    assert version.generator_version(inner) == "ukendt"  # inside someone else's checkout


def test_published_site_is_readable_by_everyone_whatever_the_umask(fixture_copy, tmp_path):
    site = tmp_path / "out" / "site"
    env_umask = os.umask(0o077)
    try:
        result = mkdocs_build(site, "bjergby", fixture_copy, pdf=False)
    finally:
        os.umask(env_umask)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in [site, *site.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        wanted = 0o555 if path.is_dir() else 0o444
        assert mode & wanted == wanted, f"{path}: {oct(mode)}"
