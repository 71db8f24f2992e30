"""Staff roles and what each may do (permissions are ``area.verb`` strings).

``manager`` reads everything and decides nothing; the other roles read and act in
their own areas. Pages name the permission they need; the navigation shows only
the pages a role may open.
"""

from __future__ import annotations

ROLES = ("manager", "customer_service", "finance", "it")

_AREAS = ("evaluation", "change_requests", "customers", "exceptions", "reconciliation",
          "counters", "staff", "terms", "imports", "audit", "outreach")
_ACTS: dict[str, tuple[str, ...]] = {
    "customer_service": ("change_requests", "customers", "outreach"),
    "finance": ("exceptions", "reconciliation", "customers"),
    "it": ("counters", "staff", "terms", "imports", "audit"),
}


def permissions(role: str) -> frozenset[str]:
    """Everything ``role`` may do: ``area.view`` to read a page, ``area.act`` to decide."""
    if role == "manager":
        return frozenset(f"{area}.view" for area in _AREAS)
    areas = _ACTS.get(role, ())
    return frozenset({f"{a}.view" for a in areas} | {f"{a}.act" for a in areas})


def role_label(role: str) -> str:
    """The role's name in Bahasa Indonesia (translated with the page)."""
    return {"manager": "Manajer", "customer_service": "Hubungan Pelanggan",
            "finance": "Keuangan", "it": "TI"}.get(role, role)
