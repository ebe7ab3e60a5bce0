from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    PasswordField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from app.auth.operations import MAX_TOKEN_DAYS, TOKEN_TEXTS, token_name
from app.auth.passwords import MAX_PASSWORD_LENGTH
from app.deid.forms import GatedForm


class SignInForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField("Password", validators=[InputRequired(), Length(max=200)])
    remember = BooleanField("Keep me signed in on this device")


class ChangePasswordForm(FlaskForm):
    # The rules (length, strength, leaked lists) live in app/auth/passwords.py and are
    # applied by the operation, which names the field in its message.
    current_password = PasswordField(
        "Current password", validators=[InputRequired(message="Enter your current password.")]
    )
    new_password = PasswordField(
        "New password",
        validators=[
            # Not DataRequired, which would hide the policy's "only spaces" message.
            InputRequired(message="Enter a new password."),
            Length(max=MAX_PASSWORD_LENGTH),
        ],
    )
    confirm_password = PasswordField(
        "Confirm new password", validators=[InputRequired(message="Type the new password again.")]
    )


class NewTokenForm(GatedForm):
    gated = TOKEN_TEXTS

    name = StringField(
        "What the token is for",
        default="script",
        validators=[DataRequired(message="Say what the token is for."), Length(max=80)],
    )
    days = IntegerField(
        "Valid for (days; empty for the default)",
        validators=[
            Optional(),
            NumberRange(1, MAX_TOKEN_DAYS, f"Enter a number of days from 1 to {MAX_TOKEN_DAYS}."),
        ],
    )

    def gate_texts(self) -> dict[str, str]:
        return TOKEN_TEXTS.texts(name=token_name(self.name.data))


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class NewPasswordForm(ChangePasswordForm):
    """After signing in with a temporary password from an admin."""

    current_password = PasswordField(
        "Temporary password",
        validators=[InputRequired(message="Enter the temporary password you signed in with.")],
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _stripped(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


class _Text(StringField):
    data: str  # its filter makes it text


class AccountForm(FlaskForm):
    """An account's email, name, role and programs (by slug): a new account, an edit, an
    invitation. The operations check them and name the field in their messages."""

    email = _Text(filters=[_stripped])
    display_name = _Text(filters=[_text])
    role = _Text(filters=[_text])
    # The programs the page offers are checked by the operation, not here.
    programs = SelectMultipleField(validate_choice=False)

    def typed(self) -> dict[str, Any]:
        """What the page shows again, by box."""
        return {
            "email": self.email.data,
            "display_name": self.display_name.data,
            "role": self.role.data,
            "programs": list(self.programs.data or []),
        }


class _Password(PasswordField):
    data: str  # its filter makes it text


class AcceptInvitationForm(FlaskForm):
    """The invitee's new password, twice; the operation checks both."""

    password = _Password(filters=[_text])
    confirm_password = _Password(filters=[_text])


class EmailForm(FlaskForm):
    """One account by its email: a member or staff to add."""

    email = _Text(filters=[_text])
