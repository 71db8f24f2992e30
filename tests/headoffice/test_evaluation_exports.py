"""``loket-headoffice report programme`` and the evaluation's PDF, workbook and SVG
charts show the service's figures (the demo world of ``evaluation_world``)."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services.money import format_rupiah
from headoffice.cli import main
from headoffice.evaluation.chart_svg import branches_svg, trend_svg
from headoffice.evaluation.export_pdf import evaluation_pdf
from headoffice.evaluation.export_xlsx import evaluation_xlsx
from headoffice.evaluation.figures import Evaluation
from headoffice.evaluation.service import programme_evaluation
from headoffice.evaluation.text import evaluation_data
from tests.headoffice.evaluation_world import World, evaluation_world
from tests.support.pdfcheck import read_pdf, text_of

END = dt.date(2026, 1, 31)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with evaluation_world(tmp_path_factory.mktemp("exports")) as built:
        yield built


@pytest.fixture(scope="module")
def evaluation(world: World) -> Evaluation:
    with world.office.db.reading() as session:
        return programme_evaluation(session, date_to=END)


def run(world: World, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["report", "programme", "--database-url", world.office.db.url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_prints_the_service_figures_as_json(
        world: World, evaluation: Evaluation, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(world, "--from", "2025-11-17", "--to", END.isoformat(), "--json",
                       capsys=capsys)
    assert code == 0
    data = json.loads(out)
    expected = evaluation_data(evaluation)
    data.pop("made_at"), expected.pop("made_at")
    assert data == expected
    assert data["targets"]["arrears"] == 4_700_000_000
    assert data["totals"]["collected"] == sum(b["figures"]["collected"]
                                              for b in data["by_branch"]) > 0


def test_the_command_speaks_indonesian_and_refuses_in_words(
        world: World, evaluation: Evaluation, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(world, "--to", END.isoformat(), "--branch", "kpg", capsys=capsys)
    assert code == 0
    assert "EVALUASI BUKA SEGEL 2025" in out and "cabang KPG" in out
    assert "Denda dihapus (biaya program)" in out
    code, _, err = run(world, "--programme", "LAIN", capsys=capsys)
    assert code == 1
    assert "Kantor pusat belum menerbitkan program itu. (rincian: head office has no " \
           "programme LAIN)" in err
    code, _, err = run(world, "--from", "kemarin", capsys=capsys)
    assert code == 2 and "'kemarin' bukan tanggal (TTTT-BB-HH)" in err


def test_the_command_speaks_english_with_lang_en(
        world: World, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(world, "--to", END.isoformat(), "--branch", "kpg", "--lang", "en",
                       capsys=capsys)
    assert code == 0
    assert "EVALUATION OF BUKA SEGEL 2025" in out and "branch KPG" in out
    assert "Penalties waived (the programme's cost)" in out
    assert "Per branch (enrolled, collected" in out and "Denda" not in out
    code, _, err = run(world, "--programme", "LAIN", "--lang", "en", capsys=capsys)
    assert code == 1 and err.strip().endswith(": head office has no programme LAIN")
    code, _, err = run(world, "--from", "kemarin", "--lang", "en", capsys=capsys)
    assert code == 2 and "'kemarin' is not a date (YYYY-MM-DD)" in err


def test_the_command_writes_the_pdf_and_the_workbook(
        world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf, xlsx = tmp_path / "evaluasi.pdf", tmp_path / "evaluasi.xlsx"
    code, _, _ = run(world, "--pdf", str(pdf), "--xlsx", str(xlsx), capsys=capsys)
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert load_workbook(xlsx).sheetnames[0] == "Ringkasan"


def test_the_pdf_shows_the_figures_on_a4_landscape(evaluation: Evaluation) -> None:
    pdf = evaluation_pdf(evaluation)
    pages = read_pdf(pdf)
    assert all(round(p.width) == 842 and round(p.height) == 595 for p in pages)
    text = text_of(pdf)
    t = evaluation.totals
    for figure in (format_rupiah(t.collected), format_rupiah(t.penalty_waived),
                   format_rupiah(4_700_000_000), "Perbandingan cabang", "Per kelurahan",
                   format_rupiah(t.outstanding)):
        assert figure in text, figure
    assert f"halaman 1 dari {len(pages)}" in text


def test_the_workbook_keeps_numbers_as_numbers(evaluation: Evaluation) -> None:
    book = load_workbook(io.BytesIO(evaluation_xlsx(evaluation)))
    assert book.sheetnames == ["Ringkasan", "Per cabang", "Per kecamatan", "Per kelurahan",
                               "Per hari"]
    sheet = book["Per cabang"]
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Cabang")
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(values_only=True)
            if r[0] in {x.name for x in evaluation.by_branch} | {"Jumlah"}}
    for line in evaluation.by_branch:
        assert rows[line.name]["Tertagih"] == line.figures.collected
        assert rows[line.name]["Pendaftar"] == line.figures.enrolled
    assert rows["Jumlah"]["Tertagih"] == evaluation.totals.collected
    days = [r for r in book["Per hari"].iter_rows(values_only=True)
            if isinstance(r[0], dt.datetime)]
    assert len(days) == len(evaluation.by_day)
    assert days[-1][-1] == evaluation.totals.collected


def test_the_svg_charts_are_well_formed_and_escape_names(evaluation: Evaluation) -> None:
    import xml.etree.ElementTree as ET

    trend = trend_svg(evaluation.by_day)
    root = ET.fromstring(trend)
    bars = [r for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert len(bars) == sum(1 for d in evaluation.by_day if d.figures.enrolled)
    assert root.find("{http://www.w3.org/2000/svg}polyline") is not None
    from headoffice.evaluation.figures import AreaLine

    hostile = AreaLine("<script>alert(1)</script>", evaluation.totals)
    compared = branches_svg([*evaluation.by_branch, hostile])
    ET.fromstring(compared)
    assert "<script>" not in compared and "&lt;script&gt;" in compared
