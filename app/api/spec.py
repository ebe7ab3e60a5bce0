"""The OpenAPI document is built from the same declarations that register the routes, and
request bodies are validated against the very schemas it publishes, so the two cannot drift.

Every shape is a pydantic model, published as its own JSON Schema. A body is checked against
that published schema (the messages name the field) and handed to the view as a model
instance; an answer is the instance the view returns, dumped, so what the API says cannot
differ from what the document promises."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Blueprint, jsonify, request
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError as SchemaError
from pydantic import BaseModel
from pydantic import ValidationError as ModelError
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import core_schema

from app.errors import ValidationError
from app.inputs import (
    ACCOUNT_EMAIL_PATTERN,
    CATEGORY_PATTERN,
    CATEGORY_RULE,
    DATE_PATTERN,
    DIGEST_PATTERN,
    DIGEST_RULE,
    EMAIL_PATTERN,
    FIELD_KEY_PATTERN,
    FIELD_KEY_RULE,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_ID,
    NOT_BLANK_PATTERN,
    PLAIN_TEXT_PATTERN,
    parse_json,
)

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
        self._validators: dict[str, Any] = {}

    def model(self, model: type[BaseModel], mode: JsonSchemaMode) -> dict[str, str]:
        """Publish a model (and the models it holds) as components; its reference.

        `mode` is "validation" for a request body, "serialization" for an answer."""
        schema = model.model_json_schema(
            ref_template=REF + "{model}", schema_generator=_Generator, mode=mode
        )
        for name, part in {**schema.pop("$defs", {}), model.__name__: schema}.items():
            if self.schemas.setdefault(name, part) != part:
                raise ValueError(f"Two different shapes are published as {name!r}.")
        return {"$ref": REF + model.__name__}

    def validate(self, name: str, payload: Any) -> dict[str, Any]:
        """The JSON body checked against a published schema; errors name the field."""
        validator = self._validators.get(name)
        if validator is None:
            resolved = {**self.schemas[name], "$defs": self.schemas}
            validator = self._validators[name] = _Validator(_rewrite_refs(resolved))
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
        body: type[BaseModel] | None = None,
        query: tuple[Query, ...] = (),
        response: dict[str, Any] | type[BaseModel] | None = None,
        status: int = 200,
        public: bool = False,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a route on `blueprint` and describe it in the document.

        A `body` model reaches the view as `payload`, an instance; with a `response` model the
        view returns an instance of it and the answer is that instance dumped, with `status`."""
        if body is not None:
            self.model(body, "validation")
        answer_model = response if isinstance(response, type) else None
        if answer_model is not None:
            response = self.model(answer_model, "serialization")

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
                    self.validate(body.__name__, payload)
                    kwargs["payload"] = _instance(body, payload)
                result = view(*args, **kwargs)
                if answer_model is None:
                    return result
                if not isinstance(result, answer_model):
                    raise TypeError(f"{view.__name__} must answer a {answer_model.__name__}.")
                return jsonify(dump(result)), status

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
                    "content": {"application/json": {"schema": {"$ref": REF + body.__name__}}},
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


REF = "#/components/schemas/"


def dump(shape: BaseModel) -> dict[str, Any]:
    """An answer as JSON data. Optional parts left out when built (a withdrawal's time for
    those who may not know of it) stay out, as the document allows."""
    return shape.model_dump(mode="json", exclude_unset=True)


def _instance(model: type[BaseModel], payload: dict[str, Any]) -> BaseModel:
    """A body the published schema accepted, as the model's instance. The schema is the
    model's own, so this refuses only what a model rule adds beyond it; still, in words."""
    try:
        return model.model_validate(payload)
    except ModelError as exc:
        error = exc.errors()[0]
        field = ".".join(f"[{p}]" if isinstance(p, int) else p for p in error["loc"])
        field = field.replace(".[", "[") or "body"
        raise ValidationError(f"{field} is not valid: {error['msg']}.", field=field) from None


class _Generator(GenerateJsonSchema):
    """A model's JSON Schema written as the hand-written ones were: no titles on fields nor
    defaults (a request leaves a field out, it does not send the default), "type" and
    "required" first (the first error found is the one reported, so validators run in
    that order), and keys of a mapping constrained by `propertyNames`."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def sort(self, value: JsonSchemaValue, parent_key: str | None = None) -> JsonSchemaValue:
        return _type_first(value)

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        # pydantic writes a key pattern as patternProperties, which would let a key that
        # does not match through unchecked; the model refuses it, so the schema must too.
        out = super().dict_schema(schema)
        patterns = out.pop("patternProperties", None)
        if not patterns:
            return out
        ((pattern, values),) = patterns.items()
        names = {**out.pop("propertyNames", {}), "pattern": pattern}
        return {**out, "propertyNames": names, "additionalProperties": values}


def _type_first(node: Any, parent: str | None = None) -> Any:
    if isinstance(node, list):
        return [_type_first(v) for v in node]
    if not isinstance(node, dict):
        return node
    if parent in ("properties", "$defs"):  # names of fields and shapes, not keywords
        return {k: _type_first(v) for k, v in node.items()}
    first = [k for k in ("type", "required") if k in node]
    keys = first + [k for k in node if k not in first]
    return {k: _type_first(node[k], k) for k in keys}


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


# What is wrong with a value that does not match a published pattern, in words naming the
# form it must have (a date's is told by `_date_problem`). Every pattern the document
# publishes is here (tests/api/test_bad_formats.py holds it to that).
PATTERN_PROBLEMS = {
    FIELD_KEY_PATTERN: f"must {FIELD_KEY_RULE}",
    CATEGORY_PATTERN: f"must {CATEGORY_RULE}",
    DIGEST_PATTERN: f"must {DIGEST_RULE}",
    EMAIL_PATTERN: "is not an email address",
    ACCOUNT_EMAIL_PATTERN: "is not an email address",
    NOT_BLANK_PATTERN: "must hold some text and no NUL character",
    PLAIN_TEXT_PATTERN: "must not hold a NUL character",
}


@functools.lru_cache(maxsize=256)
def _ecma(pattern: str) -> re.Pattern[str]:
    """A published pattern read as JSON Schema means it (ECMA-262): `$` ends the text. In
    Python's `re` it also matches before a final newline, so "2026-01-01\n" passed a date's."""
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    if validator.is_type(instance, "string") and not _ecma(pattern).search(instance):
        yield SchemaError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


def _date_problem(value: Any) -> str:
    """As `app.inputs.bounded_date` tells it: the years of a date written as one must be (a
    calendar date, in ASCII digits), else the form."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            date.fromisoformat(value)
        except ValueError:
            pass  # "0001-13-45": not a date, whatever its year
        else:
            return f"must be a date between {FIRST_YEAR} and {LAST_YEAR}"
    return "must be a date written YYYY-MM-DD"


# What a field's name looks like; anything else in its place may be typed text.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


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
        if not _NAME.fullmatch(extra):
            # Typed text where a field's name belongs: named by where it is, never repeated.
            field = path or "body"
            return ValidationError(f"{field} has a field that is not known.", field=field)
        field = f"{path}.{extra}" if path else extra
        return ValidationError(f"{field} is not a known field.", field=field)
    field = path or "body"
    value: Any = error.validator_value
    if "propertyNames" in error.schema_path:
        # A bad key: the mapping is named, never the key (it may be typed text).
        if value == FIELD_KEY_PATTERN:  # a case's field key
            return ValidationError(f"{field}: each key must {FIELD_KEY_RULE}.", field=field)
        return ValidationError(f"{field} has a key not in the form keys must have.", field=field)
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
        "pattern": lambda: (
            _date_problem(error.instance)
            if value == DATE_PATTERN
            else PATTERN_PROBLEMS.get(value, "is not in the form it must have")
        ),
        "oneOf": lambda: (
            str(schema.get("description") or "matches no accepted form").rstrip(".").lower()
        ),
    }.get(str(error.validator), lambda: "is not valid")()
    return ValidationError(f"{field} {kind}.", field=field)
