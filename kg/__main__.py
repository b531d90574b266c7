"""``python -m kg`` runs the command-line tool."""

from kg.cli import app

if __name__ == "__main__":
    app(prog_name="kg")
