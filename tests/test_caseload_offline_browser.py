"""The caseload features in the `make offline` copy, opened from disk (file://) as a counsellor
does from a network drive: client folders, tick boxes, and worksheet and folder files with a
passphrase. From file:// there is no WebCrypto (crypto.subtle) in most browsers and no server;
the copy must need neither.

The copy is made by the real `make offline` steps, without PDFs (KRACHTWERK_PDF=uit: they
play no part here and would take minutes); tests/test_edition.py checks the full copy's links.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from test_caseload_browser import (MESSAGE, NO_SUBTLE, PASSPHRASE, SELECT, give_passphrase,
                                   give_text)

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run(
        ["make", "--no-print-directory", "offline", f"OFFLINE_ZIP={out}/h.zip",
         f"BIN={Path(sys.executable).parent}"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "KRACHTWERK_PDF": "uit"})
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(out / "h.zip") as z:
        z.extractall(out / "uitgepakt")
    return out / "uitgepakt" / "handboek"


@pytest.fixture
def page_from_disk(browser):
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(NO_SUBTLE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: d.accept())
    yield page
    context.close()
    assert errors == []


def choose(page, content: bytes, name: str, action: str) -> None:
    with page.expect_file_chooser() as chooser:
        page.click(f"[data-kw-action={action}]")
    chooser.value.set_files({"name": name, "mimeType": "application/json", "buffer": content})


def test_folders_ticks_and_passphrase_files_work_from_file_url(offline, page_from_disk, tmp_path):
    page = page_from_disk
    folders_page = (offline / "mappen.html").as_uri()
    sheet_page = (offline / "waaier" / "actieplan.html").as_uri()

    # A folder made on the folder page, then filled in on the actieplan.
    page.goto(folders_page)
    assert page.evaluate("location.protocol") == "file:"
    assert page.evaluate("crypto.subtle === undefined")
    page.click("[data-kw-folders] [data-kw-action=new-folder]")
    give_text(page, "CD")
    expect(page.locator("[data-kw-folder-item]", has_text="CD")).to_be_visible()
    page.goto(sheet_page)
    page.select_option(SELECT, label="CD")
    page.fill("textarea[name=doel]", "Zelf boodschappen doen")
    page.fill("[name=stappen-1-wat]", "Lijstje maken")
    page.get_by_role("checkbox", name="Klaar? 1").check()
    expect(page.locator("[data-kw-status]")).to_contain_text("Bewaard")

    # The worksheet's own file, with a passphrase; a wrong one changes nothing.
    with page.expect_download() as download:
        page.get_by_role("button", name="Bewaren met wachtwoord").click()
        give_passphrase(page, "paard batterij niet")
    sealed = tmp_path / download.value.suggested_filename
    download.value.save_as(sealed)
    assert sealed.name.startswith("CD-actieplan-")
    assert "boodschappen" not in sealed.read_text(encoding="utf-8")
    page.fill("textarea[name=doel]", "Iets anders")
    choose(page, sealed.read_bytes(), sealed.name, "import")
    give_passphrase(page, "verkeerd wachtwoord")
    expect(page.locator(MESSAGE)).to_contain_text("Het wachtwoord klopt niet", timeout=15000)
    expect(page.locator("textarea[name=doel]")).to_have_value("Iets anders")
    choose(page, sealed.read_bytes(), sealed.name, "import")
    give_passphrase(page, "paard batterij niet")
    expect(page.locator("textarea[name=doel]")).to_have_value("Zelf boodschappen doen",
                                                              timeout=15000)
    expect(page.get_by_role("checkbox", name="Klaar? 1")).to_be_checked()

    # The whole folder as a protected file, opened again on an emptied device.
    page.goto(folders_page)
    item = page.locator("[data-kw-folder-item]", has_text="CD")
    expect(item).to_contain_text("Mijn actieplan")
    with page.expect_download() as download:
        item.get_by_role("button", name="Map bewaren als bestand").click()
        give_passphrase(page, "paard batterij niet")
    folder_file = tmp_path / download.value.suggested_filename
    download.value.save_as(folder_file)
    assert json.loads(folder_file.read_text(encoding="utf-8"))["krachtwerk_beveiligd"] == 1
    page.evaluate("localStorage.clear()")
    page.reload()
    choose(page, folder_file.read_bytes(), folder_file.name, "import-folder")
    give_passphrase(page, "paard batterij niet")
    expect(page.locator("[data-kw-folders-message]")).to_contain_text(
        "De map 'CD' is geopend met 1 werkblad", timeout=15000)
    expect(page.locator(PASSPHRASE)).to_have_count(0)
    page.locator("[data-kw-folder-item]", has_text="CD").get_by_role(
        "link", name="Mijn actieplan").click()
    expect(page.locator("textarea[name=doel]")).to_have_value("Zelf boodschappen doen")
    expect(page.get_by_role("checkbox", name="Klaar? 1")).to_be_checked()
    expect(page.locator(SELECT).locator("option:checked")).to_have_text("CD")
