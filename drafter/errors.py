"""One base exception for every error a user can cause, and the exit codes of the CLI."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class DrafterError(Exception):
    """A problem the user can fix; the CLI prints it on one line and exits with status 2."""

    exit_code = EXIT_USAGE


class InputError(DrafterError):
    """An input document or file is missing, unreadable, corrupt or of an unsupported kind."""


class AnswersError(DrafterError):
    """An answers file is malformed or does not satisfy the template's questions."""


class LibraryError(DrafterError):
    """A template, clause or rule is unknown or its file is invalid (names the file and line)."""


class TemplateError(LibraryError):
    """A Jinja template or clause failed to render (names the file and line)."""


class AssemblyError(DrafterError):
    """The assembled statute is inconsistent, e.g. a dangling cross-reference."""


class OutputError(DrafterError):
    """An output file exists (without --force) or cannot be written."""


class ConfigError(DrafterError):
    """A configuration file is malformed or has unknown keys."""
