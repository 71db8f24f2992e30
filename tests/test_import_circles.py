"""No import circles: over the import graph (grimp, as import-linter builds it), no group
of modules imports itself round, counting imports made only for type hints and those
made inside functions, which hide a circle without breaking it."""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest

Circle = frozenset[str]

def import_circles(package: str) -> set[Circle]:
    """The strongly connected groups of modules of ``package`` (Tarjan), each a circle."""
    graph = grimp.build_graph(package, exclude_type_checking_imports=False, cache_dir=None)
    imports = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    order: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    circles: set[Circle] = set()

    def visit(module: str) -> None:
        order[module] = lowest[module] = len(order)
        stack.append(module)
        for imported in imports[module]:
            if imported not in order:
                visit(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in stack:
                lowest[module] = min(lowest[module], order[imported])
        if lowest[module] == order[module]:
            group = stack[stack.index(module):]
            del stack[stack.index(module):]
            if len(group) > 1 or module in imports[module]:
                circles.add(frozenset(group))

    for module in sorted(imports):
        if module not in order:
            visit(module)
    return circles


def test_a_circle_of_three_modules_is_found_as_one(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "circly"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from circly import b\n")
    (package / "b.py").write_text("def later() -> None:\n    from circly import c\n")
    (package / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from circly import a\n")
    (package / "d.py").write_text("from circly import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert import_circles("circly") == {frozenset({"circly.a", "circly.b", "circly.c"})}


def test_app_has_no_import_circles() -> None:
    assert import_circles("app") == set()


def test_headoffice_has_no_import_circles() -> None:
    assert import_circles("headoffice") == set()
