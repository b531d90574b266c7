"""Gazetteer data: states (ISO 3166 in Russian), organisations, initiatives, known persons; and their case forms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kg.datafiles import records
from kg.folding import fold, unyo
from kg.iri import slug
from kg.morphology import morph_analyzer, recover_shape

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity: its key, type, labels and the names it goes by."""

    key: str  # «state/kazakhstan»
    type: str
    label: str
    label_en: str | None
    names: tuple[str, ...]  # the label and every alias


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """Every gazetteer entry, in a stable order."""
    out = []
    for row in records("states.tsv"):
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        out.append(Entry(f"state/{slug(row['en'])}", "State", row["ru"], row["en"], (row["ru"], *aliases)))
    for file, type_ in (
        ("organizations.tsv", "Organization"),
        ("initiatives.tsv", "Initiative"),
        ("persons.tsv", "Person"),
    ):
        for row in records(file):
            aliases = tuple(a for a in row["aliases"].split("|") if a)
            out.append(
                Entry(
                    f"{type_.lower()}/{row['key']}",
                    type_,
                    row["ru"],
                    row["en"] or None,
                    (row["ru"], *aliases),
                )
            )
    return tuple(out)


@lru_cache(maxsize=1)
def by_key() -> dict[str, Entry]:
    """Gazetteer entries by key."""
    return {e.key: e for e in entries()}


#: organisations that belong to a state: head words → (key prefix, label): «МИД Казахстана», «Госсовет КНР»
STATE_BOUND = {
    "мид": ("mfa", "МИД"),
    "министерство иностранных дел": ("mfa", "МИД"),
    "госсовет": ("state-council", "Государственный совет"),
    "государственный совет": ("state-council", "Государственный совет"),
    "правительство": ("government", "Правительство"),
    "посольство": ("embassy", "Посольство"),
    "парламент": ("parliament", "Парламент"),
    "министерство обороны": ("defence-ministry", "Министерство обороны"),
    "минобороны": ("defence-ministry", "Министерство обороны"),
    "министерство торговли": ("trade-ministry", "Министерство торговли"),
    "министерство финансов": ("finance-ministry", "Министерство финансов"),
    "минфин": ("finance-ministry", "Министерство финансов"),
    "генконсульство": ("consulate", "Генеральное консульство"),
}


def lookup(key: str) -> Entry | None:
    """The gazetteer entry of a key, including a state's own bodies («organization/mfa-china» = МИД Китая)."""
    listed = by_key().get(key)
    if listed is not None or not key.startswith("organization/"):
        return listed
    return _state_bound_entry(key)


def body_state(key: str) -> tuple[str, str] | None:
    """(prefix, state key) of a state's own body: «organization/mfa-china» → ("mfa", "state/china").

    >>> body_state("organization/mfa-kazakhstan")
    ('mfa', 'state/kazakhstan')
    >>> body_state("organization/sco") is None
    True
    """
    if not key.startswith("organization/") or _state_bound_entry(key) is None:
        return None
    rest = key.split("/", 1)[1]
    prefix = max((p for p, _ in STATE_BOUND.values() if rest.startswith(p + "-")), key=len)
    return prefix, "state/" + rest[len(prefix) + 1 :]


@cache
def _state_bound_entry(key: str) -> Entry | None:
    rest = key.split("/", 1)[1]
    for prefix, label in sorted({v for v in STATE_BOUND.values()}, key=lambda v: -len(v[0])):
        if rest.startswith(prefix + "-"):
            state = by_key().get("state/" + rest[len(prefix) + 1 :])
            if state is None:
                return None
            heads = sorted({h for h, v in STATE_BOUND.items() if v == (prefix, label)}, key=len)
            names = [f"{label} {genitive(state.label)}"]
            for head in heads:
                shown = head.upper() if len(head) <= 4 else head[:1].upper() + head[1:]
                names += [f"{shown} {genitive(n)}" for n in state.names]
            unique = list(dict.fromkeys(names))
            return Entry(key, "Organization", unique[0], None, tuple(unique))
    return None


@lru_cache(maxsize=1)
def wikidata() -> dict[str, str]:
    """Checked Wikidata identifiers by entity key (only these are ever linked)."""
    return {row["key"]: row["qid"] for row in records("wikidata.tsv")}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """State key by the lower-case name of its capital (a capital in an actor's role stands for its state)."""
    states = {row["alpha2"]: f"state/{slug(row['en'])}" for row in records("states.tsv")}
    out = {}
    for row in records("capitals.tsv"):
        if row["alpha2"] in states:
            out[fold(row["ru"])] = states[row["alpha2"]]
    return out


_SOURCES = ("states.tsv", "organizations.tsv", "initiatives.tsv", "persons.tsv")
FORMS_FILE = "name_forms.tsv"


def sources_digest() -> str:
    """A digest of the gazetteer files, so that a stale table of forms is never used."""
    import hashlib

    h = hashlib.sha256()
    for name in _SOURCES:
        h.update(resources.files("kg").joinpath("data", name).read_bytes())
    h.update(CASES_VERSION.encode())
    return h.hexdigest()[:16]


CASES_VERSION = "1"  # bump when case_forms() changes


def compute_forms() -> dict[str, tuple[str, ...]]:
    """Every entry's names in every case (slow: pymorphy3 inflects ~10 000 words)."""
    out: dict[str, tuple[str, ...]] = {}
    for e in entries():
        forms: set[str] = set()
        for name in e.names:
            forms |= case_forms(name)
        out[e.key] = tuple(sorted(forms))
    return out


@lru_cache(maxsize=1)
def name_forms() -> dict[str, tuple[str, ...]]:
    """Case forms by entry key: from the shipped table when it matches the gazetteer files, else computed."""
    path = resources.files("kg").joinpath("data", FORMS_FILE)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    if lines and lines[0] == f"# {sources_digest()}":
        table: dict[str, list[str]] = {}
        for line in lines[1:]:
            key, form = line.split("\t", 1)
            table.setdefault(key, []).append(form)
        return {k: tuple(v) for k, v in table.items()}
    return compute_forms()


def forms_table_text() -> str:
    """The shipped table of forms (``scripts/make_forms.py`` writes it)."""
    rows = [f"# {sources_digest()}"]
    for key, forms in sorted(compute_forms().items()):
        rows += [f"{key}\t{f}" for f in forms]
    return "\n".join(rows) + "\n"


def _nominative_parse(word: str):
    parses = morph_analyzer().parse(word)
    for p in parses:
        if p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR", "NPRO"):
            return p
    return None


def case_forms(name: str) -> set[str]:
    """Lower-case forms of a name in the six cases: every word inflected, and only up to the first noun.

    >>> sorted(f for f in case_forms("Китайская Народная Республика") if f.startswith("китайской"))
    ['китайской народной республике', 'китайской народной республики', 'китайской народной республикой']
    >>> "одного пояса, одного пути" in case_forms("Один пояс, один путь")
    True
    >>> "республики казахстан" in case_forms("Республика Казахстан")
    True
    >>> "кнр" in case_forms("КНР")
    True
    """
    forms = {name.lower()}
    words, tails = [], []
    for w in name.split(" "):
        core = w.rstrip(",.;:")
        words.append(core)
        tails.append(w[len(core) :])
    parses = [
        None if (w.isupper() and len(w) > 1) or not w.replace("-", "").isalpha() else _nominative_parse(w)
        for w in words
    ]
    first_noun = next(
        (i for i, p in enumerate(parses) if p is not None and p.tag.POS == "NOUN"), len(words) - 1
    )
    for case in CASES:
        for limit in (len(words) - 1, first_noun):
            out = []
            for i, (w, p) in enumerate(zip(words, parses)):
                if p is not None and i <= limit:
                    form = p.inflect({case, p.tag.number} if p.tag.number else {case}) or p.inflect({case})
                    out.append((form.word if form else w.lower()) + tails[i])
                else:
                    out.append(w.lower() + tails[i])
            forms.add(" ".join(out))
    return {unyo(f) for f in forms} | forms


def genitive(label: str) -> str:
    """A name in the genitive, word by word, keeping acronyms (for «МИД Казахстана»).

    >>> genitive("Казахстан"), genitive("КНР"), genitive("Китай")
    ('Казахстана', 'КНР', 'Китая')
    """
    out = []
    for word in label.split(" "):
        parse = None if word.isupper() else _nominative_parse(word)
        form = parse.inflect({"gent"}) if parse is not None else None
        out.append(recover_shape(form.word, word) if form else word)
    return " ".join(out)
