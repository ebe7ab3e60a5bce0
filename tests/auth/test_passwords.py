"""The password policy: length, strength (zxcvbn), whitespace, the offline leaked list."""

from __future__ import annotations

import pytest

from app.auth.operations import create_user, set_password
from app.auth.passwords import common_passwords, password_problem
from app.auth.policy import SYSTEM
from app.errors import ValidationError
from app.extensions import db
from tests.conftest import PASSWORD
from tests.support.clients import fresh_client

# Long enough and rated strong by zxcvbn, but among the 100,000 most common leaked passwords.
LEAKED_BUT_STRONG_LOOKING = "nEMvXyHeqDd5OQxyXYZI"


@pytest.mark.parametrize(
    ("password", "says"),
    [
        (" " * 10, "cannot be empty or only spaces"),
        (" " * 14, "cannot be empty or only spaces"),
        ("short-pw", "at least 12 characters"),
        ("aaaaaaaaaaaaaaaa", "too easy to guess"),
        ("abcabcabcabc", "too easy to guess"),
        ("monkeymonkey12", "too easy to guess"),
        ("qwertyuiop123", "leaked"),
        ("1q2w3e4r5t6y", "leaked"),
        (LEAKED_BUT_STRONG_LOOKING, "leaked"),
        ("x" * 201, "at most 200 characters"),
    ],
)
def test_weak_or_leaked_passwords_are_refused_with_the_field_named(app, password, says):
    with pytest.raises(ValidationError) as info:
        create_user("a@example.org", "A Person", "provider", password=password, actor=SYSTEM)
    assert says in info.value.errors["password"]
    assert info.value.errors["password"].startswith("Password ")


def test_the_leaked_list_ships_offline_with_a_hundred_thousand_entries():
    common = common_passwords()
    assert 95_000 <= len(common) <= 100_000  # 100,000 entries, lowercased
    assert {"123456", "password", "qwerty"} <= common


def test_the_account_holders_name_and_email_count_as_guessable(app):
    assert password_problem("whitfield.dana") is None
    with pytest.raises(ValidationError, match="too easy to guess"):
        create_user(
            "dana.whitfield@example.org",
            "Dana Whitfield",
            "provider",
            password="whitfield.dana",
            actor=SYSTEM,
        )


def test_strong_passwords_pass(app):
    for good in (PASSWORD, "plum-orbit-lantern-62", "Tr0ub4dor&3-staple-x"):
        assert password_problem(good) is None, good


def test_set_password_applies_the_policy(app, make_user):
    user = make_user("provider")
    with pytest.raises(ValidationError) as info:
        set_password(user, "            ", actor=SYSTEM)
    assert info.value.field == "password"


def test_create_user_command_refuses_weak_and_leaked_passwords(app):
    runner = app.test_cli_runner()
    for password, says in [(" " * 10, "only spaces"), (LEAKED_BUT_STRONG_LOOKING, "leaked")]:
        result = runner.invoke(
            args=["create-user", "a@example.org", "--name", "A", "--password", password]
        )
        assert result.exit_code == 1 and says in result.output, result.output


def test_account_page_refuses_a_weak_new_password_and_names_the_field(app, make_user):
    user = make_user("provider")
    client = fresh_client(app)
    client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    response = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": " " * 12,
            "confirm_password": " " * 12,
        },
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="new_password-error"' in html
    assert "New password cannot be empty or only spaces." in html

    response = client.post(
        "/account/password",
        data={
            "current_password": "not-my-password",
            "new_password": "plum-orbit-lantern-62",
            "confirm_password": "plum-orbit-lantern-63",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Current password is not right." in html
    assert "Confirm new password does not match" in html
    db.session.commit()
    db.session.refresh(user)
    from app.auth.operations import password_matches

    assert password_matches(user, PASSWORD)


def test_demo_passwords_pass_the_policy(app):
    from app.demo import _new_password

    for _ in range(25):
        assert password_problem(_new_password()) is None
