"""Errors that users can cause, shared by the web, the API and the CLI."""

from __future__ import annotations


class CasebookError(Exception):
    """Base class: a message fit to show to the user who caused it."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def to_dict(self) -> dict[str, object]:
        body: dict[str, object] = {"error": self.code, "message": self.message}
        if self.field:
            body["field"] = self.field
        return body

    @property
    def code(self) -> str:
        return "bad_request"


class ValidationError(CasebookError):
    status_code = 422

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        errors: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message, field=field)
        self.errors = errors or ({field: message} if field else {})

    @property
    def code(self) -> str:
        return "validation_error"

    def to_dict(self) -> dict[str, object]:
        body = super().to_dict()
        if self.errors:
            body["errors"] = self.errors
        return body


class PermissionDenied(CasebookError):
    status_code = 403

    def __init__(self, message: str = "You are not allowed to do that.") -> None:
        super().__init__(message)

    @property
    def code(self) -> str:
        return "forbidden"


class NotFound(CasebookError):
    status_code = 404

    def __init__(self, message: str = "Not found.", *, field: str | None = None) -> None:
        super().__init__(message, field=field)

    @property
    def code(self) -> str:
        return "not_found"


class Conflict(CasebookError):
    status_code = 409

    @property
    def code(self) -> str:
        return "conflict"


class Unavailable(CasebookError):
    """Temporarily unable to answer (the search index is being rebuilt): retry later."""

    status_code = 503

    def __init__(self, message: str, *, retry_after: int = 30) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    @property
    def code(self) -> str:
        return "unavailable"
