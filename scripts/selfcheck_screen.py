"""The screenshots of the self-check page ``/cek`` on a phone (Chromium at 360×740) for docs/.

    python scripts/selfcheck_screen.py [--out docs]

A new head office with the demo (80 customers), the page answering as on 24 November
2025 (inside Buka Segel 2025): the form, then an eligible customer's offer with the
three-instalment option opened (the whole page, scrolled).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tests.headoffice.browser import CHROMIUM_ARGS
from tests.headoffice.selfcheck_site import running_site

PHONE = {"width": 360, "height": 740}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    executable = shutil.which("chromium")
    if executable is None:
        print("Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder, 'headoffice.sqlite3').as_posix()}"
        with running_site(url) as site, sync_playwright() as playwright:
            who = site.eligible(options=4)
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                    java_script_enabled=False, locale="id-ID")
            page.goto(f"{site.url}/cek")
            page.get_by_label("Nomor sambungan").fill(who.number)
            page.get_by_label("4 angka terakhir nomor meter").fill(who.factor)
            page.screenshot(path=str(args.out / "selfcheck-form.png"))
            page.get_by_role("button", name="Cek").click()
            page.locator(".options summary").nth(2).click()
            page.screenshot(path=str(args.out / "selfcheck-offer.png"), full_page=True)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
