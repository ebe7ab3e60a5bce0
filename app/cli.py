"""The `casebook` command line, built on Flask's CLI: a group that makes the app, whose
commands (app/commands.py) the app factory registers."""

from __future__ import annotations

from flask import Flask
from flask.cli import FlaskGroup, routes_command, shell_command

from app import create_app


def _create_app() -> Flask:
    return create_app()


cli = FlaskGroup(
    name="casebook",
    create_app=_create_app,
    add_default_commands=False,
    add_version_option=False,
    load_dotenv=False,
    set_debug_flag=False,
    help="Casebook: case-based learning for ECHO telementoring programs.",
)
cli.add_command(shell_command)
cli.add_command(routes_command)


def main() -> None:
    cli.main(prog_name="casebook")
