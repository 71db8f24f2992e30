"""The command lines' language: which one ``--lang`` names, argparse's own words in
Bahasa Indonesia, and catalogues whose two languages fill the same blanks."""

from __future__ import annotations

import string

import pytest

from app.cli.words import WORDS as ADMIN_WORDS
from app.services.command_line import Words, argparse_error, chosen_language
from headoffice.cli_words import WORDS as OFFICE_WORDS


@pytest.mark.parametrize(("argv", "lang"), [
    ([], "id"), (["summary"], "id"), (["--lang", "en", "summary"], "en"),
    (["summary", "--lang=en"], "en"), (["--lang", "en", "x", "--lang", "id"], "id"),
    (["--lang", "fr"], "id"), (["--lang"], "id"), (["search", "--", "--lang", "en"], "id"),
])
def test_the_language_is_the_last_known_one_named(argv: list[str], lang: str) -> None:
    assert chosen_language(argv) == lang


@pytest.mark.parametrize(("english", "indonesian"), [
    ("the following arguments are required: --role, --name",
     "argumen ini wajib diisi: --role, --name"),
    ("unrecognized arguments: --colour", "argumen tidak dikenal: --colour"),
    ("argument --limit: invalid int value: 'x'", "argumen --limit: bukan bilangan bulat: 'x'"),
    ("argument --timeout: invalid float value: 'y'", "argumen --timeout: bukan angka: 'y'"),
    ("argument --send: not allowed with argument --export-csv",
     "argumen --send: tidak boleh bersama argumen --export-csv"),
    ("something argparse may say one day", "something argparse may say one day"),
])
def test_argparse_errors_are_said_in_indonesian(english: str, indonesian: str) -> None:
    assert argparse_error(english) == indonesian


def blanks(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


@pytest.mark.parametrize("catalogue", [ADMIN_WORDS, OFFICE_WORDS], ids=["admin", "office"])
def test_both_languages_of_every_sentence_fill_the_same_blanks(
        catalogue: dict[str, tuple[str, str]]) -> None:
    for key, (indonesian, english) in catalogue.items():
        assert indonesian.strip() and english.strip(), key
        assert blanks(indonesian) == blanks(english), key


def test_words_fall_back_to_indonesian_for_a_language_not_known() -> None:
    assert Words(ADMIN_WORDS, "fr")("users.active") == "aktif"
    assert Words(ADMIN_WORDS, "en")("users.active") == "active"
