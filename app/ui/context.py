"""What every screen of the counter window needs, handed down instead of globals."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from app.bootstrap import BranchDatabase
from app.services.context import Actor
from app.ui.tasks import TaskRunner


@dataclass
class UiContext:
    """The open branch, who is signed in, the background task runner and the language."""

    branch: BranchDatabase
    actor: Actor | None = None
    tasks: TaskRunner = field(default_factory=TaskRunner)
    lang: str = "id"

    @property
    def data_dir(self) -> Path:
        return self.branch.data_dir

    def replace_branch(self, fresh: BranchDatabase) -> None:
        """Work on ``fresh`` (the branch reopened after a restore) from now on.

        The ``BranchDatabase`` object stays the same and takes over ``fresh``'s engines, so whoever
        holds it — the entry point that closes it at exit included — uses the reopened one.
        """
        for item in fields(BranchDatabase):
            setattr(self.branch, item.name, getattr(fresh, item.name))

    def signed_in(self) -> Actor:
        """The actor; screens that change data are only shown after log-in."""
        assert self.actor is not None, "no one is signed in"
        return self.actor
