"""Head office set up for outreach tests: the Buka Segel terms, sealed customers with
phone numbers written as the billing system has them, and a gateway."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from sqlalchemy import select, update

from app.services.setup import DEFAULT_TERMS_FILE
from headoffice.db import Database, local_today
from headoffice.masterdata import publish_terms_file
from headoffice.models import Customer
from headoffice.outreach.gateway import GatewaySettings, save_settings
from headoffice.outreach.tables import OutreachMessage
from tests.headoffice.conftest import HeadOffice
from tests.support.office_server import publish_customer

ON = dt.date(2025, 11, 24)  # the programme runs 17 November – 31 December 2025
PAYLOAD = '{"to": "{phone_digits}", "message": "{text}", "ref": "{message_id}"}'


def programme_with(db: Database, customers: dict[str, str], *, name: str = "") -> None:
    """The Buka Segel terms and a sealed customer per connection number → phone, each
    with 10 unpaid bills of Rp 100,000."""
    with db.writing() as session:
        publish_terms_file(session, DEFAULT_TERMS_FILE)
        for number, phone in customers.items():
            publish_customer(session, number, bills=10)
            session.execute(update(Customer).where(Customer.connection_no == number)
                            .values(phone=phone, name=name or f"Pelanggan {number[-2:]}"))


def running_today(db: Database, folder: Path) -> None:
    """The Buka Segel terms again as version 2, running from 10 days ago to 30 days on
    (the commands and the console work on today)."""
    today = local_today()
    terms = DEFAULT_TERMS_FILE.read_text(encoding="utf-8").replace(
        "version = 1", "version = 2").replace(
        "valid_from = 2025-11-17", f"valid_from = {today - dt.timedelta(days=10)}").replace(
        "valid_to = 2025-12-31", f"valid_to = {today + dt.timedelta(days=30)}")
    (folder / "terms.toml").write_text(terms, encoding="utf-8")
    with db.writing() as session:
        publish_terms_file(session, folder / "terms.toml")


def use_gateway(db: Database, url: str, *, timeout: int = 5, auth: bool = False) -> None:
    with db.writing() as session:
        save_settings(session, GatewaySettings(
            url, PAYLOAD, "Authorization" if auth else "", "Bearer {credential}" if auth else "",
            timeout), "test")


def wait_until_sent(ho: HeadOffice, count: int) -> None:
    """The console sends after its answer: wait for ``count`` messages to be sent."""
    deadline = time.monotonic() + 30
    while True:
        with ho.db.reading() as session:
            states = list(session.scalars(select(OutreachMessage.state)))
        if states.count("sent") == count and "sending" not in states:
            return
        assert time.monotonic() < deadline, states
        time.sleep(0.1)
