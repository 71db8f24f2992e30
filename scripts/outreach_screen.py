"""Screenshots of the console's outreach pages (Chromium at 1366×768) for docs/, and the
time the invitations page takes over the demo.

    python scripts/outreach_screen.py [--customers 17405] [--out docs] [--database-url URL]

Builds the demo head office, publishes the Buka Segel terms again as a version running
around today (the demo's programme ran in 2025 and the page works on today), sets a
gateway up (nothing is sent), and opens the invitations page and a template preview as
the demo customer-relations user in Debian's Chromium.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from app.services.setup import DEFAULT_TERMS_FILE
from headoffice.db import Database, local_today
from headoffice.demo import create_demo
from headoffice.masterdata import publish_terms_file
from headoffice.outreach.gateway import GatewaySettings, save_settings
from scripts.console_screens import ARGS, PASSWORDS
from tests.support.office_server import serving


def build(url: str, customers: int, folder: Path) -> None:
    db = Database(url)
    db.create_tables()
    today = local_today()
    terms = DEFAULT_TERMS_FILE.read_text(encoding="utf-8").replace(
        "version = 1", "version = 2").replace(
        "valid_from = 2025-11-17", f"valid_from = {today - dt.timedelta(days=20)}").replace(
        "valid_to = 2025-12-31", f"valid_to = {today + dt.timedelta(days=25)}")
    (folder / "terms.toml").write_text(terms, encoding="utf-8")
    with db.writing() as session:
        create_demo(session, customers=customers)
        publish_terms_file(session, folder / "terms.toml")
        save_settings(session, GatewaySettings(
            "https://sms.example.co.id/api/v1/messages",
            '{"to": "{phone_digits}", "text": "{text}", "ref": "{message_id}"}',
            "Authorization", "Bearer {credential}", 10), "demo")
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=17_405)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--database-url", metavar="URL",
                        help="a head office built by this script before (default: a new one)")
    args = parser.parse_args()
    executable = shutil.which("chromium")
    if executable is None:
        print("Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder, 'headoffice.sqlite3').as_posix()}"
        if args.database_url:
            url = args.database_url
        else:
            build(url, args.customers, Path(folder))
        with serving(url) as port, sync_playwright() as playwright:
            base = f"http://127.0.0.1:{port}"
            browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
            page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
            page.goto(f"{base}/console/signin")
            page.get_by_label("Nama pengguna").fill("hublang")
            page.get_by_label("Kata sandi").fill(PASSWORDS["hublang"])
            page.get_by_role("button", name="Masuk").click()
            page.wait_for_url(f"{base}/console/")
            for attempt in ("first", "again"):
                started = time.perf_counter()
                page.goto(f"{base}/console/outreach", timeout=180_000)
                print(f"invitations page ({attempt}): {time.perf_counter() - started:.2f} s")
            page.screenshot(path=str(args.out / "console-outreach.png"))
            page.goto(f"{base}/console/outreach/templates?kind=invitation")
            page.get_by_role("button", name="Pratinjau").click()
            page.screenshot(path=str(args.out / "console-outreach-template.png"))
            browser.close()
    print(args.out / "console-outreach.png", args.out / "console-outreach-template.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
