"""An account's display name is shown as an author, in mail and on staff lists: it names a
member of staff, so a name is expected there, but a patient's identifier never is."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.admin import operations as admin
from app.auth.models import User
from app.auth.operations import create_user
from app.auth.policy import SYSTEM
from app.deid.gate import IdentifiersFound
from app.extensions import db
from app.programs.catalog import load_catalog

LEAKS = [
    "Dana Whitfield, MD SSN 123-45-6789",
    "Patient Harriet Quenby",
    "Dana Whitfield (MRN 55512344)",
    "Dana Whitfield 617-555-0142",
    "Dana Whitfield, DOB 03/14/1962",
]


def _stored(name: str) -> int:
    return db.session.scalar(select(func.count()).where(User.display_name == name)) or 0


@pytest.mark.parametrize("name", LEAKS)
def test_an_account_named_with_a_patient_identifier_is_refused(app, name):
    with pytest.raises(IdentifiersFound) as refused:
        create_user("dana@example.org", name, "expert", actor=SYSTEM)
    db.session.rollback()
    assert refused.value.field == "display_name"
    # Said in words for an admin, who has nothing to mark: no key, no "mark", no text.
    message = str(refused.value)
    assert message.startswith("The name holds what may identify a patient (a possible ")
    assert "mark" not in message and "display_name" not in message
    assert "Quenby" not in message and "123-45" not in message
    assert _stored(name) == 0


def test_renaming_an_account_to_a_patient_identifier_is_refused(app, make_user):
    user = make_user("expert")
    before = user.display_name
    with pytest.raises(IdentifiersFound):
        admin.update_account(SYSTEM, user, display_name="Harriet Quenby, MRN 55512344")
    db.session.rollback()
    assert db.session.get(User, user.id).display_name == before


def test_a_catalog_cannot_rename_an_account_to_a_patient_identifier(app, make_user, tmp_path):
    user = make_user("expert")
    path = tmp_path / "catalog.yaml"
    path.write_text(
        f"users:\n  - email: {user.email}\n    name: Dana Whitfield SSN 123-45-6789\n"
        "    role: expert\n"
    )
    with pytest.raises(IdentifiersFound):
        load_catalog(path, actor=SYSTEM)
    db.session.rollback()
    assert _stored("Dana Whitfield SSN 123-45-6789") == 0


@pytest.mark.parametrize(
    "name",
    [
        "Dana Whitfield, MD",
        "Thomas Albrecht, PharmD",
        "Lena Harwood, FNP-C",
        "Dr. Miriam Castellanos",
        "Provider 12",
        "dana.whitfield",
    ],
)
def test_staff_names_are_kept(app, name):
    user = create_user("dana@example.org", name, "expert", actor=SYSTEM)
    assert user.display_name == name
