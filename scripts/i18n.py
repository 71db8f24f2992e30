"""Maintain the UI translations: ``python scripts/i18n.py update|compile|check``.

* ``update``  collects every ``tr()`` / ``translate()`` string from app/ui into
  resources/i18n/loket_id.ts (existing translations are kept);
* ``compile`` turns the .ts files into the .qm files the app loads (``qt_id.ts``, the
  Indonesian of the dialogs Qt draws itself, goes into ``loket_id.qm`` too: Qt ships no
  Indonesian, and one file per language keeps one translator);
* ``check``   lists strings without an Indonesian translation (exit 1 if any);
* ``apply FILE.json`` fills translations from a ``{"English": "Indonesia"}`` map.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS_FILES = (I18N / "loket_id.ts",)
# Hand-kept translations of Qt's own strings compiled into the same .qm.
QT_TS_FILES = {I18N / "loket_id.ts": I18N / "qt_id.ts"}


def _tool(name: str) -> str:
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def update() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").rglob("*.py"))
    sources.append("app/services/errors.py")  # the catalogue of error texts
    sources.append("app/services/findings.py")  # what the record checks find
    sources.append("app/services/sync/problem_words.py")  # the details of sync errors
    for ts in TS_FILES:
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations",
                        "none", "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)


def compile_qm(out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts file (next to it, or into ``out_dir``); returns the .qm paths."""
    written = []
    for ts in TS_FILES:
        qm = (out_dir or ts.parent) / ts.with_suffix(".qm").name
        sources = [str(ts)] + ([str(QT_TS_FILES[ts])] if ts in QT_TS_FILES else [])
        subprocess.run([_tool("pyside6-lrelease"), *sources, "-qm", str(qm)],
                       check=True, capture_output=True)
        written.append(qm)
    return written


def unfinished(ts: Path) -> list[str]:
    """Source strings whose translation is empty or marked unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in {"unfinished", "vanished",
                                                              "obsolete"} \
                or not (translation.text or "").strip():
            missing.append(source)
    return missing


def apply(mapping_file: Path) -> int:
    """Write translations from a JSON map into loket_id.ts; returns how many were set."""
    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    ts = TS_FILES[0]
    tree = ET.parse(ts)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if source in mapping and translation is not None:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            count += 1
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def check() -> int:
    bad = 0
    for ts in (*TS_FILES, *QT_TS_FILES.values()):
        for source in unfinished(ts):
            print(f"{ts.name}: not translated: {source!r}")
            bad += 1
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_qm()
    elif command == "check":
        return check()
    elif command == "apply" and len(argv) == 2:
        print(f"{apply(Path(argv[1]))} translations set")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
