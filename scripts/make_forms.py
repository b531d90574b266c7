"""Regenerate kg/data/name_forms.tsv: the case forms of every gazetteer name, so start-up need not inflect them.

Run after editing any gazetteer file: python scripts/make_forms.py
"""

from __future__ import annotations

from pathlib import Path

from kg.lexicon import FORMS_FILE, forms_table_text

if __name__ == "__main__":
    path = Path(__file__).resolve().parent.parent / "kg" / "data" / FORMS_FILE
    path.write_text(forms_table_text(), encoding="utf-8")
    print(f"wrote {path}")
