"""Logs: one JSON object per line (LOG_FORMAT=json, the default in production) or readable
text (the default elsewhere), every line of a request carrying its request id.

Whatever a line says, its structured fields' text included (a request's path may hold an
e-mail address or a token), passes through `redacted` first: e-mail addresses, bearer
credentials and JWTs become placeholders, so that an exception message quoting an input
cannot leak them.
Passwords have no recognizable shape: they never reach a log because nothing logs a request's
variables or headers (the request line of app.observability names the operation only).
"""

from __future__ import annotations

import json
import logging
import re
import sys
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from graphql import GraphQLError

from app.errors import ApiError
from app.settings import Settings

# The request id of the request (or WebSocket connection) being served, set by
# app.observability; None outside requests (start-up, background tasks).
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

# An id a client or proxy sends in X-Request-ID is kept when it is this plain: anything else
# (empty, too long, spaces, quotes, an e-mail address) is replaced by one generated here, so
# that logs and response headers never carry arbitrary client text.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BEARER = re.compile(r"(?i)\b(bearer)\s+[^\s'\",]+")
_JWT = re.compile(r"\beyJ[\w-]*\.[\w-]+\.[\w-]*")

# The attributes every LogRecord has: anything else on a record came in `extra=` (uvicorn's
# `color_message` is its message again, with terminal colours).
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message", "asctime", "taskName", "color_message"}

# The handler this module installed on the root logger, replaced when logging is configured
# again (`python -m app run` configures it, then uvicorn builds the application, which does too).
_installed: logging.Handler | None = None


def accepted_request_id(header: str | None) -> str:
    """The request id to use: the client's X-Request-ID when it is sane, else a new one."""
    if header is not None and _SANE_REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def redacted(text: str) -> str:
    """`text` without e-mail addresses, bearer credentials and JWTs."""
    text = _BEARER.sub(r"\1 [redacted]", text)
    text = _JWT.sub("[token]", text)
    return _EMAIL.sub("[email]", text)


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    """The structured fields a call passed with `extra=`."""
    return {key: value for key, value in record.__dict__.items()
            if key not in _STANDARD and not key.startswith("_")}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, requestId, the `extra=`
    fields, and the exception's traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redacted(record.getMessage()),
        }
        current = request_id.get()
        if current is not None:
            line["requestId"] = current
        line.update({key: redacted(value) if isinstance(value, str) else value
                     for key, value in _fields(record).items()})
        if record.exc_info:
            line["exception"] = redacted(self.formatException(record.exc_info))
        elif record.stack_info:
            line["stack"] = redacted(self.formatStack(record.stack_info))
        return json.dumps(line, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """`time level logger [request id] message key=value...`, for a person at a terminal."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        current = request_id.get()
        text = super().format(record)
        extras = " ".join(f"{key}={value}" for key, value in _fields(record).items()
                          if value is not None)
        head, _, rest = text.partition("\n")  # the traceback, if any, follows the first line
        if current is not None:
            head = head.replace(f" {record.name} ", f" {record.name} [{current}] ", 1)
        if extras:
            head = f"{head} {extras}"
        return redacted(f"{head}\n{rest}" if rest else head)


def _not_a_client_error(record: logging.LogRecord) -> bool:
    """Whether strawberry's line about an error is worth keeping: not for the client's own
    mistakes (a query that does not validate, a variable of the wrong type, an ApiError
    answered with its code), whose messages quote the client's input, variables included;
    yes for the rest (Neo4j unavailable, unexpected errors)."""
    if not isinstance(record.msg, GraphQLError):
        return True
    original = record.msg.original_error
    return not (original is None or isinstance(original, GraphQLError | ApiError))


def formatter_for(settings: Settings) -> logging.Formatter:
    """The formatter LOG_FORMAT chooses (by default JSON in production, text elsewhere)."""
    return JsonFormatter() if settings.json_logs else TextFormatter()


def configure_logging(settings: Settings) -> None:
    """Send every log line (this application's, the driver's, uvicorn's) to standard error
    in the chosen format at LOG_LEVEL.

    uvicorn's access log is switched off: the request line of app.observability replaces it,
    with the request id and without the query string, which may carry a GET request's
    variables. strawberry's line for each error is kept for unexpected errors only.
    """
    global _installed
    root = logging.getLogger()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter_for(settings))
    if _installed is not None:
        root.removeHandler(_installed)
    root.addHandler(handler)
    _installed = handler
    root.setLevel(settings.log_level.upper())
    for name in ("uvicorn", "uvicorn.error"):
        server_log = logging.getLogger(name)
        server_log.handlers.clear()
        server_log.propagate = True
    logging.getLogger("uvicorn.access").disabled = True
    execution = logging.getLogger("strawberry.execution")
    if _not_a_client_error not in execution.filters:
        execution.addFilter(_not_a_client_error)
