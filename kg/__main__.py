"""``python -m kg`` runs the command-line tool."""

from kg.cli import app

app(prog_name="kg")
