"""Screenshots of the head-office console's main pages (Chromium at 1366×768) for docs/.

    python scripts/console_screens.py [--customers 17405] [--out docs] [--database-url URL]

Builds the demo head office with work waiting (``console_scene.py``) — or opens the one
at ``--database-url``, made so before (``benchmarks/console.py --build`` also works the
programme at its branches, for the evaluation) — serves it with ``loket-headoffice
serve``'s server on a free local port, and signs in as each demo staff user in Debian's
Chromium (``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, Page, sync_playwright

from headoffice.serve import make_server
from scripts.console_scene import build_scene

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PASSWORDS = {"direktur": "direktur123", "hublang": "hublang123", "keuangan": "keuangan123",
             "ti": "ti-admin123"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=17_405)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--database-url", help="a head office made before (it is changed: "
                                               "a counter is registered)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    executable = shutil.which("chromium")
    if executable is None:
        print("Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url
        if url is None:
            url = f"sqlite:///{Path(folder, 'headoffice.sqlite3').as_posix()}"
            build_scene(url, args.customers).dispose()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        server = make_server(url, log_level="warning")
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable,
                                                     args=[*ARGS, "--lang=id"])
                _shoot(browser, base, args.out)
                browser.close()
        finally:
            server.should_exit = True
            thread.join(15)
            sock.close()
    return 0


def _shoot(browser: Browser, base: str, out: Path) -> None:
    def page_as(user: str | None) -> Page:
        context = browser.new_context(viewport={"width": 1366, "height": 768},
                                      locale="id-ID")  # an Indonesian office PC
        page: Page = context.new_page()
        page.goto(f"{base}/console/signin")
        if user is not None:
            page.get_by_label("Nama pengguna").fill(user)
            page.get_by_label("Kata sandi").fill(PASSWORDS[user])
            page.get_by_role("button", name="Masuk").click()
            page.wait_for_url(f"{base}/console/")
        return page

    def save(page: Page, name: str) -> None:
        page.screenshot(path=str(out / f"console-{name}.png"))
        print(out / f"console-{name}.png")

    save(page_as(None), "signin")
    manager = page_as("direktur")
    save(manager, "home")
    manager.goto(f"{base}/console/evaluation")
    save(manager, "evaluation")
    service = page_as("hublang")
    service.goto(f"{base}/console/change-requests")
    save(service, "change-requests")
    service.goto(f"{base}/console/customers?q=jl.")
    service.get_by_role("main").get_by_role("link").first.click()
    save(service, "customer")
    finance = page_as("keuangan")
    finance.goto(f"{base}/console/exceptions")
    save(finance, "exceptions")
    finance.goto(f"{base}/console/reconciliation")
    save(finance, "reconciliation")
    it = page_as("ti")
    it.goto(f"{base}/console/counters")
    it.get_by_label("Cabang").select_option("ALK")
    it.get_by_label("Loket", exact=True).fill("L02")
    it.get_by_role("button", name="Daftarkan loket").click()
    save(it, "counters")
    it.goto(f"{base}/console/terms")
    save(it, "terms")
    it.goto(f"{base}/console/audit")
    save(it, "audit")


if __name__ == "__main__":
    sys.exit(main())
