"""Errors that reach the user. Each says what went wrong with which input and what to do."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: a problem the user can act on (never a bug)."""


class InputError(NewsgraphError):
    """One input (a file, a record, a WARC record) could not be read.

    ``source`` names the input (path, path:line, URL); ``reason`` says why and what to do.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelNotFoundError(NewsgraphError):
    pass
