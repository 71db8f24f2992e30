"""The language of the admin command lines (``loket-admin``, ``loket-headoffice``).

Both speak Bahasa Indonesia unless ``--lang en`` is given. The language is read from the
command line before the parser is built (:func:`chosen_language`), so that the help of
every command and option is in it too; :func:`parser_class` gives parsers that say
argparse's own words — ``usage:``, the section titles, ``-h`` and the errors of a wrong
command line — in that language. Each tool keeps its own sentences in a catalogue of
``key → (Indonesian, English)`` and says them with :class:`Words`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

from app.services.settings import LANGUAGES

DEFAULT_LANGUAGE = "id"

# argparse's error messages (English) → the same in Bahasa Indonesia.
_ARGPARSE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words) for pattern, words in (
        (r"the following arguments are required: (.*)", r"argumen ini wajib diisi: \1"),
        (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
        (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
         r"argumen \1: pilihan \2 tidak ada (pilih dari \3)"),
        (r"argument (.*?): invalid int value: (.*)", r"argumen \1: bukan bilangan bulat: \2"),
        (r"argument (.*?): invalid float value: (.*)", r"argumen \1: bukan angka: \2"),
        (r"argument (.*?): invalid (\S+) value: (.*)", r"argumen \1: nilai \2 tidak sah: \3"),
        (r"argument (.*?): expected one argument", r"argumen \1: perlu satu nilai"),
        (r"argument (.*?): expected at least one argument",
         r"argumen \1: perlu sedikitnya satu nilai"),
        (r"argument (.*?): not allowed with argument (.*)",
         r"argumen \1: tidak boleh bersama argumen \2"),
        (r"one of the arguments (.*) is required", r"salah satu argumen ini wajib: \1"),
        (r"ambiguous option: (.*?) could match (.*)", r"opsi \1 bisa berarti \2"),
        (r"argument (.*?): (.*)", r"argumen \1: \2"),
    ))


# The placeholders of argument values (argparse's metavars) in Bahasa Indonesia; a
# positional argument without one is named by its destination, in lower case.
METAVARS: dict[str, str] = {
    "FILE": "BERKAS", "DIR": "FOLDER", "PATH": "LOKASI", "DATE": "TANGGAL", "CODE": "KODE",
    "NAME": "NAMA", "FULL_NAME": "NAMA_LENGKAP", "USERNAME": "NAMA_PENGGUNA",
    "USER": "PENGGUNA", "TEXT": "TEKS", "SECONDS": "DETIK", "DAYS": "HARI", "DAY": "HARI",
    "CONNECTION_NO": "NO_SAMBUNGAN", "PAYLOAD": "ISI_QR", "BRANCH": "CABANG",
    "COUNTER": "LOKET", "DEVICE_ID": "ID_PERANGKAT", "NOTE": "CATATAN", "BY": "OLEH",
    "SEED": "BENIH", "CUSTOMERS": "PELANGGAN", "OUTPUT": "KELUARAN", "REPLY": "BALASAN",
    "PROGRAMME": "PROGRAM", "LIMIT": "BATAS", "INSTALMENTS": "CICILAN", "ON": "TANGGAL",
    "FROM": "DARI", "TO": "SAMPAI", "SHIFT": "GILIRAN", "REASON": "ALASAN",
    "SUPERVISOR": "SUPERVISOR", "TIMEOUT": "DETIK", "HOST": "HOST", "PORT": "PORT",
}


def indonesian_metavar(metavar: str) -> str:
    """``FILE`` → ``BERKAS``, ``FILE.csv`` → ``BERKAS.csv``, ``file`` → ``berkas``; a
    placeholder without Indonesian as it is."""
    name, dot, rest = metavar.partition(".")
    said = METAVARS.get(name.upper())
    if said is None:
        return metavar
    return (said if name.isupper() else said.lower()) + dot + rest


def chosen_language(argv: Sequence[str]) -> str:
    """The language ``--lang X`` or ``--lang=X`` names in ``argv`` (the last one given);
    Bahasa Indonesia when none is given or the one given is not known (argparse then
    refuses it, in Bahasa Indonesia)."""
    chosen = DEFAULT_LANGUAGE
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = (argv[i + 1] if arg == "--lang" and i + 1 < len(argv)
                 else arg.removeprefix("--lang=") if arg.startswith("--lang=") else None)
        if value in LANGUAGES:
            chosen = value
    return chosen


class Words:
    """A tool's sentences in one language: ``words("key", name=value)``."""

    def __init__(self, catalogue: Mapping[str, tuple[str, str]], lang: str) -> None:
        self.catalogue = catalogue
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, key: str, /, **values: object) -> str:
        indonesian, english = self.catalogue[key]
        return (indonesian if self.lang == "id" else english).format(**values)


def argparse_error(message: str) -> str:
    """argparse's English ``message`` in Bahasa Indonesia (unchanged if not known)."""
    for pattern, words in _ARGPARSE_ERRORS:
        found = pattern.fullmatch(message)
        if found:
            return found.expand(words)
    return message


class _IndonesianHelp(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Sequence[argparse.Action],  # type: ignore[override]
                  groups: Sequence[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None
                          else "penggunaan: ")


class _IndonesianParser(argparse.ArgumentParser):
    """A parser that says argparse's own words in Bahasa Indonesia."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _IndonesianHelp)
        kwargs["add_help"] = False  # its own -h, said in Bahasa Indonesia
        parents = kwargs.pop("parents", [])
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen posisi"
        self._optionals.title = "opsi"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="tampilkan bantuan ini lalu keluar")
        for parent in parents:  # as argparse does, once the sections have their titles
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """As argparse's, with the placeholder of its value in Bahasa Indonesia."""
        action = super().add_argument(*args, **kwargs)
        if isinstance(action.metavar, str):
            action.metavar = indonesian_metavar(action.metavar)
        elif action.metavar is None and action.choices is None and action.nargs != 0:
            shown = action.dest if not action.option_strings else action.dest.upper()
            if indonesian_metavar(shown) != shown:
                action.metavar = indonesian_metavar(shown)
        return action

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {argparse_error(message)}\n")


def parser_class(lang: str) -> type[argparse.ArgumentParser]:
    """The parser class of a command line in ``lang`` (its subcommands' parsers too)."""
    return _IndonesianParser if lang == "id" else argparse.ArgumentParser


def add_language_option(parser: argparse.ArgumentParser, words: Words) -> None:
    """``--lang id|en`` on ``parser`` (a parent of every command, so it goes anywhere)."""
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=("bahasa keluaran: id (Bahasa Indonesia, bawaan) atau en "
                              "(Inggris)") if words.lang == "id" else
                        "language of the output: id (Bahasa Indonesia, the default) or en "
                        "(English)")
