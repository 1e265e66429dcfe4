"""The command line: a thin click group whose commands live in drafter/commands/ and load lazily.

Heavy libraries (docx, spaCy, jinja2) are imported only inside the command that needs them, so
``drafter --help`` starts fast. Every DrafterError becomes one line on stderr and exit status 2.
"""

from __future__ import annotations

import importlib
import sys

import click

from . import __version__
from .errors import EXIT_USAGE, DrafterError

# command name -> ("module:attribute" under drafter.commands, one-line help for the listing)
COMMANDS = {
    "draft": (
        "draft:draft",
        "Assemble a statute from a template and answers; write Word, Markdown or AKN XML.",
    ),
    "answers": ("answers:answers", "Print a commented starter answers file for a template."),
    "templates": ("catalogue:templates", "List the statute templates, or show one's questions."),
    "clauses": ("catalogue:clauses", "List the library's clauses, or show one."),
    "lint": ("lint:lint", "Review statutes (.docx, .md, .txt) against the standards."),
    "rules": ("rules:rules", "List the lint rules, or show one rule's documentation."),
    "check-library": (
        "check_library:check_library",
        "Check a library folder's templates, clauses and rules, line by line.",
    ),
    "new": ("new:new", "Scaffold a commented template or clause in a library folder."),
    "compare": ("compare:compare", "Check that two language versions of a law line up."),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target[0].split(":")
        return getattr(importlib.import_module(f"drafter.commands.{module}"), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Listed from the table above so that --help imports no command module.
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in sorted(COMMANDS)])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="drafter")
def cli() -> None:
    """Draft and review laws on incitement to genocide against international standards."""


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; turn user errors into one line and exit status 2."""
    try:
        result = cli.main(args=argv, prog_name="drafter", standalone_mode=False)
    except DrafterError as exc:
        click.echo(f"drafter: error: {exc}", err=True)
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("drafter: aborted", err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except KeyboardInterrupt:
        click.echo("drafter: interrupted", err=True)
        return 130
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
