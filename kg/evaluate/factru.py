"""Scoring NER spans, posts and meetings against factRuEval-2016-style gold (``factru_dev.jsonl``).

Prediction documents are ``{"id", "entities": [{"start", "end", "type"}], "positions": [...], "events":
[...]}``; entity types are PER/ORG/LOC or ours (Person→PER, Organization→ORG, State and Place→LOC; Initiative
is dropped, factRuEval has no such type). ``positions`` and ``events`` take the shape of extractions.jsonl, of
which only the offsets, role and type are read, so a build's extractions.jsonl scores as it is.

- NER *exact*: start, end and type equal. *overlap*: one-to-one matching of same-type spans sharing a razdel
  token, greedy by the number of shared tokens. *token*: per-token counts over razdel tokens.
- Occupation: a predicted position matches a gold fact when its person span overlaps one of Who's mentions and
  its ``role_span`` (the words naming the post; its evidence sentence when a prediction has no role_span)
  overlaps the gold post span while its role, or the words of its role_span as written («главой Минфина» for
  the role «министр финансов»), shares a word with it; a post the article states more than once may match
  with any statement (``restated``: the words naming it elsewhere). The post is the Position argument, or Job
  (the data set's other name for it); the source's alternatives ("A | B") count as the same post, their spans
  and their words alike. A fact with no post argument needs only Who. *strict* also wants our «of» span to
  overlap one of Where's mentions when the gold has Where; a fact without Where needs none.
- Meeting: a predicted Meeting or Talks event matches when every gold participant has a mention overlapped by
  a predicted participant's span. Both fact kinds are matched one to one, by a maximum matching.
- A half ("even" or "odd") scores the documents by their position in the gold file, counted from 0 (blank
  lines are no documents): even = the 1st, 3rd, 5th … document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from razdel import tokenize

from kg.evaluate.common import EvaluationError, check_half, in_half, read_jsonl
from kg.evaluate.metrics import Score, micro
from kg.evaluate.text import key_words

NER_TYPES = ("PER", "ORG", "LOC")
TYPE_MAP = {
    "Person": "PER",
    "Organization": "ORG",
    "State": "LOC",
    "Place": "LOC",
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
}
MODES = ("exact", "overlap", "token")
MEETING_TYPES = frozenset({"Meeting", "Talks"})
# the roles an Occupation fact names its post with (the data set's README: "Who, Where, Position/Job")
POST_ROLES = ("Position", "Job")

Span = tuple[int, int]


def is_factru_gold(obj: object) -> bool:
    """Whether a JSON object looks like a factRuEval gold document (text plus typed entity spans).

    >>> is_factru_gold({"id": "a", "text": "x", "entities": [{"start": 0, "end": 1, "type": "PER"}]})
    True
    >>> is_factru_gold({"id": "a", "entities": []})
    False
    """
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("text"), str)
        and isinstance(obj.get("entities"), list)
        and all(isinstance(e, dict) and e.get("type") in NER_TYPES for e in obj["entities"])
    )


def _check_mentions(doc: dict, where: str) -> None:
    """Raise :class:`EvaluationError` for a mention the fact scorer could not read (no id or offsets)."""
    for k, m in enumerate(doc.get("mentions", ())):
        # as _mention_spans reads them: a discontinuous mention by its parts, any other by its own offsets
        parts = ((m.get("spans") if m.get("discontinuous") else None) or [m]) if isinstance(m, dict) else []
        if not parts or "id" not in m or not all(_span(p) for p in parts):
            raise EvaluationError(f"{where}: mentions[{k}]: needs 'id' and integer 'start' and 'end'")


def load_gold(path: Path) -> dict[str, dict]:
    """The gold documents of a factRuEval JSONL file by id, in the file's order; a bad file raises
    :class:`EvaluationError`."""
    docs = {}
    for n, doc in enumerate(read_jsonl(path), 1):
        if not is_factru_gold(doc) or "id" not in doc:
            raise EvaluationError(
                f"{path}: document {n}: not factRuEval gold: needs 'id', 'text' and typed 'entities'"
            )
        _check_mentions(doc, f"{path}: document {n}")
        docs[str(doc["id"])] = doc
    if not docs:
        raise EvaluationError(f"{path}: no documents")
    return docs


def load_predictions(path: Path) -> dict[str, dict]:
    """Prediction documents by id (the README's format, or extractions.jsonl)."""
    out = {}
    for n, doc in enumerate(read_jsonl(path), 1):
        if "id" not in doc or not isinstance(doc.get("entities"), list):
            raise EvaluationError(f"{path}: document {n}: needs 'id' and an 'entities' list")
        out[str(doc["id"])] = doc
    return out


def _span(obj: object) -> Span | None:
    if isinstance(obj, dict) and isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
        return obj["start"], obj["end"]
    return None


def record_to_prediction(record: object) -> dict:
    """A kg.records.ArticleRecord as a prediction document (entities, positions, events with offsets)."""

    def ref(r: object) -> dict | None:
        return None if r is None else {"start": r.start, "end": r.end}

    return {
        "id": record.article.id,
        "entities": [
            {"start": m.start, "end": m.end, "type": m.type, "text": m.text, "source": m.source}
            for m in record.mentions
        ],
        "positions": [
            {
                "person": ref(p.person),
                "role": p.role,
                "of": ref(p.of),
                "evidence": {"start": p.evidence.start, "end": p.evidence.end, "text": p.evidence.text},
                "role_span": None
                if p.role_span is None
                else {"start": p.role_span.start, "end": p.role_span.end, "text": p.role_span.text},
                "restated": [{"start": t.start, "end": t.end, "text": t.text} for t in p.restated],
            }
            for p in record.positions
        ],
        "events": [
            {"type": e.type, "participants": [ref(r) for r in e.participants], "status": e.status}
            for e in record.events
        ],
    }


def predict(
    articles: Iterable[object], nlp: object, extract: Callable[..., Iterable[object]]
) -> Iterator[dict]:
    """Run ``extract(articles, nlp)`` (kg.extract.extract_records) and yield prediction documents."""
    for record in extract(articles, nlp):
        yield record_to_prediction(record)


def ner_spans(doc: dict) -> set[tuple[int, int, str]]:
    """The distinct (start, end, PER/ORG/LOC) spans of a document; types factRuEval lacks are dropped, and so
    are bodies named by a common noun (source "descriptor": «норвежской делегации»), which are no names.

    >>> sorted(ner_spans({"entities": [{"start": 0, "end": 3, "type": "State"},
    ...                                {"start": 5, "end": 9, "type": "Initiative"},
    ...                                {"start": 9, "end": 12, "type": "ORG", "source": "descriptor"}]}))
    [(0, 3, 'LOC')]
    """
    out = set()
    for e in doc.get("entities", ()):
        t = TYPE_MAP.get(e.get("type"))
        if t and e.get("source") != "descriptor" and _span(e) is not None:
            out.add((e["start"], e["end"], t))
    return out


def _token_sets(
    text: str, spans: Iterable[tuple[int, int, str]]
) -> dict[tuple[int, int, str], frozenset[int]]:
    tokens = [(t.start, t.stop) for t in tokenize(text)]
    return {s: frozenset(i for i, (a, b) in enumerate(tokens) if a < s[1] and s[0] < b) for s in spans}


def _overlap_tp(text: str, gold: set, pred: set, etype: str) -> int:
    g = [s for s in sorted(gold) if s[2] == etype]
    p = [s for s in sorted(pred) if s[2] == etype]
    toks = _token_sets(text, g + p)
    pairs = sorted(
        (-len(toks[a] & toks[b]), i, j) for i, a in enumerate(g) for j, b in enumerate(p) if toks[a] & toks[b]
    )
    used_g, used_p = set(), set()
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def score_ner(gold: dict[str, dict], predictions: dict[str, dict], mode: str = "exact") -> dict[str, Score]:
    """P/R/F1 per type and ``"micro"`` in one mode (exact, overlap, token); a missing document is empty."""
    if mode not in MODES:
        raise ValueError(f"unknown NER scoring mode {mode!r}, expected one of {', '.join(MODES)}")
    counts = {t: [0, 0, 0] for t in NER_TYPES}  # tp, predicted, gold
    for doc_id, gdoc in sorted(gold.items()):
        g = ner_spans(gdoc)
        p = ner_spans(predictions.get(doc_id, {}))
        for t in NER_TYPES:
            gt = {s for s in g if s[2] == t}
            pt = {s for s in p if s[2] == t}
            if mode == "exact":
                c = (len(gt & pt), len(pt), len(gt))
            elif mode == "overlap":
                c = (_overlap_tp(gdoc["text"], gt, pt, t), len(pt), len(gt))
            else:
                toks = _token_sets(gdoc["text"], gt | pt)
                gtok = frozenset().union(*(toks[s] for s in gt))
                ptok = frozenset().union(*(toks[s] for s in pt))
                c = (len(gtok & ptok), len(ptok), len(gtok))
            for k in range(3):
                counts[t][k] += c[k]
    scores = {t: Score(*counts[t]) for t in NER_TYPES}
    scores["micro"] = micro(list(scores.values()))
    return scores


def _mention_spans(gdoc: dict) -> dict[str, list[Span]]:
    out = {}
    for m in gdoc.get("mentions", ()):
        parts = [(s["start"], s["end"]) for s in m.get("spans", ())] if m.get("discontinuous") else []
        out[str(m["id"])] = parts or [(m["start"], m["end"])]
    return out


def _overlaps(a: Span | None, spans: Iterable[Span]) -> bool:
    return a is not None and any(a[0] < b[1] and b[0] < a[1] for b in spans)


def _arg(fact: dict, role: str) -> list[dict]:
    return [a for a in fact.get("args", ()) if a.get("role") == role]


def _obj_spans(args: list[dict], mentions: dict[str, list[Span]]) -> list[Span]:
    return [s for a in args for mid in a.get("mention_ids", ()) for s in mentions.get(str(mid), ())]


@dataclass(frozen=True)
class FactScores:
    """Occupation (strict and lenient) and Meeting P/R/F1."""

    occupation_strict: Score
    occupation_lenient: Score
    meeting: Score


def _one_to_one(golds: list, preds: list, ok: Callable[[object, object], bool]) -> int:
    """The size of a maximum one-to-one matching of golds to predictions (augmenting paths): a prediction
    that fits two golds is not spent on the one a second prediction could have taken.

    >>> _one_to_one(["a", "b"], ["ab", "a"], lambda g, p: g in p)
    2
    """
    fits = [[j for j, p in enumerate(preds) if ok(g, p)] for g in golds]
    owner: dict[int, int] = {}

    def take(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or take(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(1 for i in range(len(golds)) if take(i, set()))


def score_facts(gold: dict[str, dict], predictions: dict[str, dict]) -> FactScores:
    """Score predicted positions against Occupation facts and Meeting/Talks events against Meeting facts."""
    strict = lenient = meeting = (0, 0, 0)
    for doc_id, gdoc in sorted(gold.items()):
        mentions = _mention_spans(gdoc)
        pdoc = predictions.get(doc_id, {})
        occ = []
        for f in gdoc.get("facts", ()):
            if f.get("type") != "Occupation":
                continue
            positions = [a for role in POST_ROLES for a in _arg(f, role)]
            # an alternative ("министр | министр финансов Чили") is the same post: its span and words count
            variants = positions + [x for a in positions for x in a.get("alternatives", ())]
            pos_spans = [(a["start"], a["end"]) for a in variants if "start" in a]
            pos_words = frozenset().union(
                *(key_words(a.get("text") or a.get("value") or "") for a in variants)
            )
            occ.append(
                (
                    _obj_spans(_arg(f, "Who"), mentions),
                    pos_spans,
                    pos_words,
                    bool(positions),
                    _obj_spans(_arg(f, "Where"), mentions),
                )
            )
        preds = pdoc.get("positions", ())

        def who_and_post(g: tuple, p: dict) -> bool:
            who, pos_spans, pos_words, has_pos, _ = g
            if not _overlaps(_span(p.get("person")), who):
                return False
            if not has_pos:
                return True
            # the words naming the post, in any statement of it, when the prediction gives them; else (older
            # files) its sentence
            said = [s for s in (p.get("role_span"), *(p.get("restated") or ())) if _span(s)]
            role = key_words(p.get("role") or "")
            if not said:
                return _overlaps(_span(p.get("evidence")), pos_spans) and bool(role & pos_words)
            return any(
                _overlaps(_span(s), pos_spans) and bool((role | key_words(s.get("text") or "")) & pos_words)
                for s in said
            )

        def full(g: tuple, p: dict) -> bool:
            return who_and_post(g, p) and (not g[4] or _overlaps(_span(p.get("of")), g[4]))

        n = (len(preds), len(occ))
        strict = (strict[0] + _one_to_one(occ, list(preds), full), strict[1] + n[0], strict[2] + n[1])
        lenient = (
            lenient[0] + _one_to_one(occ, list(preds), who_and_post),
            lenient[1] + n[0],
            lenient[2] + n[1],
        )
        meets = [
            [_obj_spans([a], mentions) for a in _arg(f, "Participant")]
            for f in gdoc.get("facts", ())
            if f.get("type") == "Meeting"
        ]
        # events told as having happened (as the news-dev scorer counts them)
        events = [e for e in pdoc.get("events", ()) if e.get("type") in MEETING_TYPES and not e.get("status")]

        def meets_ok(g: list[list[Span]], e: dict) -> bool:
            spans = [_span(p) for p in e.get("participants", ())]
            return all(any(_overlaps(s, part) for s in spans) for part in g)

        meeting = (
            meeting[0] + _one_to_one(meets, events, meets_ok),
            meeting[1] + len(events),
            meeting[2] + len(meets),
        )
    return FactScores(Score(*strict), Score(*lenient), Score(*meeting))


def half_of(gold: dict[str, dict], half: str) -> dict[str, dict]:
    """The gold documents at even or odd positions of the file (0-based), or all of them.

    >>> list(half_of({"a": {}, "b": {}, "c": {}}, "even")), list(half_of({"a": {}, "b": {}, "c": {}}, "odd"))
    (['a', 'c'], ['b'])
    """
    check_half(half)
    return {doc_id: doc for n, (doc_id, doc) in enumerate(gold.items()) if in_half(n, half)}


@dataclass(frozen=True)
class FactRuReport:
    """NER scores per mode and fact scores for a set of predictions against factRuEval gold."""

    gold: str
    docs: int
    predicted_docs: int
    ner: dict[str, dict[str, Score]]  # mode -> type or "micro" -> score
    facts: FactScores
    half: str = "all"  # the documents scored: all, or those at even or odd positions of the gold file


def evaluate_predictions(
    gold: dict[str, dict], predictions: dict[str, dict], gold_path: str = "", half: str = "all"
) -> FactRuReport:
    """Score prediction documents against loaded factRuEval gold in every mode, on all its documents or on the
    half at even or odd positions of the file."""
    unknown = sorted(set(predictions) - set(gold))
    if unknown:
        raise EvaluationError(
            f"{gold_path or 'gold'}: has no document {unknown[0]!r} that the predictions name"
        )
    gold = half_of(gold, half)
    predictions = {doc_id: doc for doc_id, doc in predictions.items() if doc_id in gold}
    return FactRuReport(
        gold_path,
        len(gold),
        sum(1 for d in gold if d in predictions),
        {mode: score_ner(gold, predictions, mode) for mode in MODES},
        score_facts(gold, predictions),
        half,
    )
