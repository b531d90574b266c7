"""The ``kg`` command: thin wrappers over the library, one module per command."""

from __future__ import annotations

from kg.engines.threads import one_blas_thread_env

# before any module loads numpy: one BLAS thread (unless the user set a number), the fastest on any core count
one_blas_thread_env()

from pathlib import Path  # noqa: E402
from typing import Annotated, Any  # noqa: E402

import typer  # noqa: E402
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption  # noqa: E402

from kg import __version__  # noqa: E402
from kg.cli import build, evaluate, html, query, serve, stats, validate  # noqa: E402

#: The word ``--help`` shows for a parameter's value, by ``command.parameter`` or by the parameter's name; a flag
#: shows none. A parameter not listed here is named by its choices (``all|even|odd``) or its type (FILE, TEXT, N,
#: NUMBER), never by typer's ``<path>`` or ``<bool>``.
METAVARS: dict[str, str] = {
    "html.output": "FILE",
    "evaluate.target": "PREDICTIONS",
    "inputs": "ARTICLES",
    "output": "FOLDER",
    "model": "NAME",
    "base": "IRI",
    "store": "FOLDER",
    "jobs": "N",
    "target": "BUILD",
    "graph": "GRAPH",
    "sparql": "QUERY",
    "file": "FILE",
    "fmt": "FORMAT",
    "gold": "FILE",
    "save_predictions": "FILE",
    "host": "ADDRESS",
    "scheduler": "ADDRESS",
    "port": "PORT",
    "timeout": "SECONDS",
    "top": "N",
    "graphml": "FILE",
    "title": "TEXT",
    "limit": "N",
    "bind": "NAME=VALUE",
}

_BY_TYPE: dict[type, str] = {Path: "FILE", str: "TEXT", int: "N", float: "NUMBER"}


class _WordArgument(TyperArgument):
    """An argument shown by its word alone (``ARTICLES...``), with no ``<path>`` type column beside it."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")


def _word(command: str | None, param: Any) -> str:
    for key in (f"{command}.{param.name}", param.name):
        if key in METAVARS:
            return METAVARS[key]
    choices = _choices(param)
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices)
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return _BY_TYPE.get(annotation, param.name.upper())


def words_for_values(command: str | None, params: list[Any]) -> list[Any]:
    """Give every parameter of a command a word for its value in ``--help`` (see :data:`METAVARS`)."""
    for param in params:
        if isinstance(param, TyperOption) and (param.is_flag or param.count):
            param.metavar = ""
        elif isinstance(param, TyperArgument):
            param.metavar = param.metavar or _word(command, param)
            param.__class__ = _WordArgument
        elif isinstance(param, TyperOption) and param.metavar is None:
            param.metavar = _word(command, param)
    return params


def _choices(param: Any) -> tuple[Any, ...]:
    """The values a parameter accepts, when it lists them (typer's own descriptor, or click's ``Choice``)."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        return tuple(descriptor.choices or ()) if descriptor.is_choice else ()
    return tuple(getattr(getattr(param, "type", None), "choices", None) or ())


class KgCommand(TyperCommand):
    """A command whose ``--help`` names values with words (FOLDER, FILE, N), not types."""

    def get_params(self, ctx: Any) -> list[Any]:
        return words_for_values(self.name, super().get_params(ctx))


class KgGroup(TyperGroup):
    """The ``kg`` group, its own options named as :class:`KgCommand` names them."""

    def get_params(self, ctx: Any) -> list[Any]:
        return words_for_values(self.name, super().get_params(ctx))


app = typer.Typer(
    name="kg",
    cls=KgGroup,
    help="Build a knowledge graph of partnership events from Russian news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version of kg and exit."
        ),
    ] = False,
) -> None:
    """Build a knowledge graph of partnership events from Russian news articles."""


app.command("build", cls=KgCommand, epilog=build.EPILOG)(build.build_cli)
app.command("evaluate", cls=KgCommand)(evaluate.evaluate_cli)
app.command("validate", cls=KgCommand)(validate.validate_cli)
app.command("html", cls=KgCommand)(html.html_cli)
app.command("query", cls=KgCommand)(query.query_cli)
app.command("serve", cls=KgCommand)(serve.serve_cli)
app.command("stats", cls=KgCommand)(stats.stats_cli)
