"""The screenshot of the programme evaluation (Chromium at 1366×768) for docs/.

    python scripts/evaluation_screen.py [--database-url URL] [--customers 17405] [--out docs]

Over the head office at ``--database-url`` (a scene made before), or a new one: the demo
with work waiting (``console_scene.py``) and the programme worked at its branches
(``programme_scene.py``, slow). Serves it on a free local port and opens the evaluation
as the demo manager in Debian's Chromium.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from scripts.console_scene import build_scene
from scripts.console_screens import ARGS, PASSWORDS
from scripts.programme_scene import add_programme_activity
from tests.support.office_server import serving


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--customers", type=int, default=17_405)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    executable = shutil.which("chromium")
    if executable is None:
        print("Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url
        if url is None:
            url = f"sqlite:///{Path(folder, 'headoffice.sqlite3').as_posix()}"
            db = build_scene(url, args.customers)
            add_programme_activity(db)
            db.dispose()
        with serving(url) as port, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            base = f"http://127.0.0.1:{port}"
            page.goto(f"{base}/console/signin")
            page.get_by_label("Nama pengguna").fill("direktur")
            page.get_by_label("Kata sandi").fill(PASSWORDS["direktur"])
            page.get_by_role("button", name="Masuk").click()
            page.wait_for_url(f"{base}/console/")
            page.goto(f"{base}/console/evaluation")
            page.screenshot(path=str(args.out / "console-evaluation.png"))
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
