from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, IntegerField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from app.auth.operations import MAX_TOKEN_DAYS
from app.auth.passwords import MAX_PASSWORD_LENGTH


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


class NewTokenForm(FlaskForm):
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


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class NewPasswordForm(ChangePasswordForm):
    """After signing in with a temporary password from an admin."""

    current_password = PasswordField(
        "Temporary password",
        validators=[InputRequired(message="Enter the temporary password you signed in with.")],
    )
