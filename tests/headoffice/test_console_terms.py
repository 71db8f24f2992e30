"""Terms and imports in the console: a preview before anything is written, refusals
in words, CSV cells shown as text, only what was previewed is published or imported."""

from __future__ import annotations

import re

import httpx
from sqlalchemy import func, select

from app.services.setup import DEFAULT_TERMS_FILE
from headoffice.models import Change, Customer, Terms
from tests.headoffice.conftest import HeadOffice
from tests.headoffice.console_helpers import console, staff_user, token

HEADER = ("connection_no,name,address,rt,rw,kelurahan,kecamatan,tariff_group,meter_no,phone,"
          "status,status_date")
GOOD = ("50400001,Pelanggan Uji,Jl. Uji No. 1,001,002,Penkase Oeleta,Alak,R2,M1,0812,sealed,"
        "2021-11-01")
SCRIPT = "<script>alert('x')</script>"


def upload(client: httpx.Client, action: str, name: str, data: bytes,
           **fields: str) -> httpx.Response:
    csrf = token(client.get("/console/terms"))
    return client.post(action, data={"csrf": csrf, **fields}, files={"file": (name, data)})


def confirm(client: httpx.Client, preview: httpx.Response, action: str) -> httpx.Response:
    """Post the preview's confirmation form as the browser would."""
    form = preview.text.split(f'action="{action}"')[1].split("</form>")[0]
    fields = dict(re.findall(r'name="([a-z0-9]+)" value="([^"]*)"', form))
    return client.post(action, data=fields, files={"unused": ("", b"")})


def count(ho: HeadOffice, model: type[Customer] | type[Terms] | type[Change]) -> int:
    with ho.db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_csv_import_is_a_dry_run_first_and_refused_rows_say_why(ho: HeadOffice) -> None:
    staff_user(ho.db, "ti", "it")
    customers_before, changes_before = count(ho, Customer), count(ho, Change)
    bad = "\n".join((HEADER, GOOD, f"50400002,{SCRIPT},Jl. Dua,,,Oebobo,Oebobo,R1,M2,,rusak,"
                     "2021-11-01")).encode()
    with console(ho.url, "ti") as client:
        refused = upload(client, "/console/imports/preview", "pelanggan.csv", bad,
                         kind="customers")
        assert refused.status_code == 200
        assert "1 baris ditolak" in refused.text and "50400002" in refused.text
        assert SCRIPT not in refused.text
        assert 'action="/console/imports/run"' not in refused.text
        good = "\n".join((HEADER, GOOD)).encode()
        preview = upload(client, "/console/imports/preview", "pelanggan.csv", good,
                         kind="customers")
        assert "<strong>1</strong> baru" in preview.text
        assert "Belum ada yang ditulis" in preview.text
        assert (count(ho, Customer), count(ho, Change)) == (customers_before, changes_before)
        done = confirm(client, preview, "/console/imports/run")
        assert done.status_code == 303, done.text
    assert count(ho, Customer) == customers_before + 1


def test_a_terms_file_is_previewed_with_its_changes_then_published(ho: HeadOffice) -> None:
    staff_user(ho.db, "ti", "it")
    staff_user(ho.db, "direktur", "manager")
    text = DEFAULT_TERMS_FILE.read_text(encoding="utf-8")
    with console(ho.url, "ti") as client:
        broken = upload(client, "/console/terms/preview", "ketentuan.toml",
                        text.replace("down_payment_percent = 50",
                                     "down_payment_percent = 150").encode())
        assert "Tidak dapat diterbitkan" in broken.text
        preview = upload(client, "/console/terms/preview", "ketentuan.toml", text.encode())
        assert "Program baru." in preview.text and "down_payment_percent" in preview.text
        assert count(ho, Terms) == 0
        assert confirm(client, preview, "/console/terms/publish").status_code == 303
        assert count(ho, Terms) == 1
        newer = text.replace("version = 1", "version = 2").replace(
            "down_payment_percent = 50", "down_payment_percent = 40")
        second = upload(client, "/console/terms/preview", "ketentuan.toml", newer.encode())
        assert "Dibandingkan dengan versi 1" in second.text
        changed = re.findall(r'<tr class="changed"><td>([a-z_]+)</td>', second.text)
        assert changed == ["down_payment_percent", "version"]
        forged = client.post("/console/terms/publish", data={
            "csrf": token(second), "name": "ketentuan.toml", "sha256": "0" * 64,
            "payload": "dmVyc2lvbiA9IDM="}, files={"unused": ("", b"")})
        assert forged.status_code == 409 and "berbeda dari yang dipratinjau" in forged.text
        assert "differs from the one previewed" not in forged.text  # no English beside
    with console(ho.url, "direktur") as manager:
        page = manager.get("/console/terms").text
        assert "BUKA-SEGEL" in page and "/console/terms/preview" not in page
        refused = upload(manager, "/console/terms/preview", "ketentuan.toml", text.encode())
        assert refused.status_code == 403
    assert count(ho, Terms) == 1
