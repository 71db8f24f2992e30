"""Signing in to the console over plain HTTP, as a browser's forms would."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from headoffice.console.staff import add_staff
from headoffice.db import Database

PASSWORD = "rahasia-123"
_TOKEN = re.compile(r'name="csrf" value="([^"]+)"')


def staff_user(db: Database, username: str, role: str, full_name: str = "") -> str:
    with db.writing() as session:
        add_staff(session, username, role, PASSWORD, full_name, by="test")
    return username


def token(page: httpx.Response) -> str:
    """The CSRF token of the page's forms."""
    found = _TOKEN.search(page.text)
    assert found, f"no form token on {page.url}: {page.text[:300]}"
    return found.group(1)


def sign_in(client: httpx.Client, username: str, password: str = PASSWORD) -> httpx.Response:
    """Open the sign-in page and post its form; the response is not followed."""
    page = client.get("/console/signin")
    return client.post("/console/signin", data={
        "csrf": token(page), "username": username, "password": password,
        "next": "/console/"})


@contextmanager
def console(url: str, username: str | None = None) -> Iterator[httpx.Client]:
    """A client of the console, signed in as ``username`` when given; closed on exit."""
    with httpx.Client(base_url=url, timeout=30, follow_redirects=False) as client:
        if username is not None:
            done = sign_in(client, username)
            assert done.status_code == 303, done.text
        yield client


def post_form(client: httpx.Client, page_path: str, action: str,
              data: dict[str, str]) -> httpx.Response:
    """Post a form of the page at ``page_path`` with that page's token."""
    page = client.get(page_path)
    assert page.status_code == 200, page.text
    return client.post(action, data={"csrf": token(page), **data})
