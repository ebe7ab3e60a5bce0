"""The OpenAPI document is built from the same declarations that register the routes, and
request bodies are validated against the very schemas it publishes, so the two cannot drift."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, request
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError

from app.errors import ValidationError
from app.inputs import MAX_ID, PLAIN_TEXT_PATTERN, parse_json

_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


@dataclass(frozen=True)
class Query:
    name: str
    schema: dict[str, Any]
    description: str = ""


class ApiSpec:
    def __init__(self, title: str, version: str, prefix: str) -> None:
        self.title, self.version, self.prefix = title, version, prefix
        self.paths: dict[str, dict[str, Any]] = {}
        self.schemas: dict[str, dict[str, Any]] = {}
        self._validators: dict[str, Draft202012Validator] = {}

    def schema(self, name: str, schema: dict[str, Any]) -> dict[str, str]:
        self.schemas[name] = schema
        return {"$ref": f"#/components/schemas/{name}"}

    def validate(self, name: str, payload: Any) -> dict[str, Any]:
        """The JSON body checked against a published schema; errors name the field."""
        validator = self._validators.get(name)
        if validator is None:
            resolved = {**self.schemas[name], "$defs": self.schemas}
            validator = self._validators[name] = Draft202012Validator(_rewrite_refs(resolved))
        error = next(iter(sorted(validator.iter_errors(payload), key=lambda e: e.path)), None)
        if error is not None:
            raise _friendly(error)
        return payload

    def operation(
        self,
        blueprint: Blueprint,
        rule: str,
        method: str,
        *,
        summary: str,
        tag: str,
        body: str | None = None,
        query: tuple[Query, ...] = (),
        response: dict[str, Any] | None = None,
        status: int = 200,
        public: bool = False,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a route on `blueprint` and describe it in the document."""

        def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(view)
            def wrapped(*args: Any, **kwargs: Any) -> Any:
                if body is not None:
                    if not request.is_json or not request.get_data(cache=True):
                        raise ValidationError(
                            "Send a JSON object in the request body "
                            "(Content-Type: application/json).",
                            field="body",
                        )
                    # Depth, UTF-8 and text checks come before the parser sees the body.
                    payload = parse_json(request.get_data(cache=True))
                    kwargs["payload"] = self.validate(body, payload)
                return view(*args, **kwargs)

            blueprint.add_url_rule(
                rule, endpoint=view.__name__, view_func=wrapped, methods=[method]
            )
            path = self.prefix + _CONVERTER.sub(r"{\2}", rule)
            params = [
                {
                    "name": name,
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID}
                    if conv == "int"
                    else {"type": "string", "minLength": 1, "pattern": PLAIN_TEXT_PATTERN},
                }
                for conv, name in _CONVERTER.findall(rule)
            ]
            params += [
                {
                    "name": q.name,
                    "in": "query",
                    "required": False,
                    "schema": _plain_text(q.schema),
                    "description": q.description,
                }
                for q in query
            ]
            op: dict[str, Any] = {
                "summary": summary,
                "operationId": view.__name__,
                "tags": [tag],
                "parameters": params,
                "responses": {
                    str(status): {
                        "description": "OK" if status < 300 else "Created",
                        "content": {"application/json": {"schema": response or {}}},
                    },
                    "4XX": {"$ref": "#/components/responses/Error"},
                },
            }
            if public:
                op["security"] = []
            if body is not None:
                op["requestBody"] = {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}
                    },
                }
            self.paths.setdefault(path, {})[method.lower()] = op
            return wrapped

        return decorator

    def document(self) -> dict[str, Any]:
        return {
            "openapi": "3.1.0",
            "info": {
                "title": self.title,
                "version": self.version,
                "description": "Casebook's JSON API. Authenticate with `Authorization: Bearer "
                "<token>` (`casebook create-token EMAIL`). Errors are JSON: "
                "`{error, message, field?, errors?, findings?}`.",
            },
            "servers": [{"url": "/"}],
            "security": [{"bearer": []}],
            "paths": dict(sorted(self.paths.items())),
            "components": {
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                "schemas": self.schemas,
                "responses": {
                    "Error": {
                        "description": "The request was refused; the body says why.",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    }
                },
            },
        }


def _plain_text(schema: dict[str, Any]) -> dict[str, Any]:
    """Free text in a query string holds no NUL (app.web refuses it)."""
    if schema.get("type") == "string" and not {"enum", "pattern", "format"} & set(schema):
        return {**schema, "pattern": PLAIN_TEXT_PATTERN}
    return schema


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (v.replace("#/components/schemas/", "#/$defs/") if k == "$ref" else _rewrite_refs(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def _friendly(error: SchemaError) -> ValidationError:
    path = ".".join(
        f"[{p}]" if isinstance(p, int) else str(p) for p in error.absolute_path
    ).replace(".[", "[")
    if error.validator == "required":
        missing = error.message.split("'")[1]
        field = f"{path}.{missing}" if path else missing
        return ValidationError(f"{field} is required.", field=field)
    if error.validator == "additionalProperties":
        extra = error.message.split("'")[1] if "'" in error.message else "?"
        field = f"{path}.{extra}" if path else extra
        return ValidationError(f"{field} is not a known field.", field=field)
    field = path or "body"
    value: Any = error.validator_value
    schema: Any = error.schema
    kind = {
        "type": lambda: f"must be of type {value}",
        "enum": lambda: "must be one of: " + ", ".join(map(str, value)),
        "maxLength": lambda: f"must be at most {value} characters",
        "minLength": lambda: "must not be empty",
        "minimum": lambda: f"must be at least {value}",
        "maximum": lambda: f"must be at most {value}",
        "maxItems": lambda: f"must have at most {value} items",
        "anyOf": lambda: "is not an accepted value",
        "pattern": lambda: "must hold some text and no NUL character",
        "oneOf": lambda: (
            str(schema.get("description") or "matches no accepted form").rstrip(".").lower()
        ),
    }.get(str(error.validator), lambda: "is not valid")()
    return ValidationError(f"{field} {kind}.", field=field)
