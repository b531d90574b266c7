"""Time generated news texts one at a time through the extraction (issue 13: none over 20 s; a long sentence costs
about what the same words cost in ten sentences).

The texts are made here from a fixed seed: Russian-ish news with names, posts, countries and bodies, numbers
(sums, percentages, dates, a few absurdly long ones), odd punctuation (quotes, dashes, slashes, bullets,
brackets, line breaks) and, for one text in eight, a long text of 2,000 to 40,000 characters of one shape: one
sentence listing people and posts, one sentence of clauses without a stop, a paragraph of sentences ending in
«Ван И.», or one sentence of actors joined by «и». Each text goes alone through ``kg.extract.extract_records``; its CPU time is compared with
what its length would cost at the median cost per character. Prints the distribution, the slowest texts and
the worst ratios. ``--tenfold 40000``: each long shape as one sentence against the same words in ten sentences.
Not a test: ``nice -n 5 python benchmarks/bench_generated.py [--n 2000] [--seed 13] [--tenfold N]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

FIRST = [
    "Олег",
    "Иван",
    "Пётр",
    "Семён",
    "Андрей",
    "Зоя",
    "Анна",
    "Раиса",
    "Ли",
    "Ван",
    "Хуан",
    "Мохаммед",
    "Жан",
]
LAST = [
    "Сомов",
    "Кравцов",
    "Гаврилов",
    "Блинов",
    "Лужин",
    "Котов",
    "Рябов",
    "Пыжов",
    "Чжэн",
    "И",
    "Карлос",
    "аль-Рашид",
]
POSTS = [
    "министр иностранных дел",
    "министр финансов",
    "посол",
    "глава МИД",
    "председатель парламента",
    "президент",
    "премьер-министр",
    "заместитель министра экономики",
    "генеральный секретарь",
    "мэр",
    "спикер",
    "директор департамента",
    "вице-премьер",
    "советник президента",
    "глава делегации",
]
PLACES = [
    "России",
    "Китая",
    "Казахстана",
    "Чили",
    "Перу",
    "Эстонии",
    "Канады",
    "Вьетнама",
    "Египта",
    "Бразилии",
    "Индии",
    "Турции",
    "Монголии",
    "Норвегии",
    "Японии",
    "Кении",
    "Аргентины",
    "Москвы",
    "Пекина",
    "Астаны",
]
BODIES = [
    "ООН",
    "ШОС",
    "БРИКС",
    "МИД России",
    "Евросоюза",
    "ВТО",
    "АСЕАН",
    "Всемирного банка",
    "ОАО «Газпром»",
    "компании «Северный поток»",
    "Министерства энергетики",
    "НАТО",
    "МВФ",
    "ОПЕК",
]
VERBS = [
    "провёл переговоры с",
    "встретился с",
    "подписал соглашение с",
    "прибыл с визитом в",
    "обсудил с",
    "заявил о поддержке",
    "направил приглашение",
    "принял участие в саммите",
    "договорился с",
    "посетил",
    "выразил соболезнования",
    "призвал",
    "поблагодарил",
    "раскритиковал",
    "пригласил",
]
TAILS = [
    "о сотрудничестве в области энергетики",
    "по вопросам торговли",
    "о строительстве моста",
    "в рамках форума",
    "на полях саммита",
    "в ходе официального визита",
    "до конца года",
    "в следующем году",
    "по итогам переговоров",
    "о поставках зерна",
    "в сфере образования",
]
ODD = ["«", "»", '"', "—", "–", "-", "…", ";", ":", "•", "/", "(", ")", "!", "?", "\n", "/ТАСС/.", "№", "§"]


def person(rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    if first in ("Зоя", "Анна", "Раиса") and last.endswith("ов"):
        last += "а"
    return f"{first} {last}"


def number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return f"{rng.randint(1, 999)},{rng.randint(0, 9)} млрд долларов"
    if kind < 0.5:
        return f"на {rng.randint(1, 99)}%"
    if kind < 0.7:
        return f"{rng.randint(1, 28)} {rng.choice(['января', 'марта', 'июня', 'октября'])} {rng.randint(1990, 2030)} года"
    if kind < 0.8:
        return f"${rng.randint(1, 10 ** rng.randint(1, 12)):,}".replace(",", " ")
    if kind < 0.9:
        return rng.choice(["9" * rng.randint(20, 400), "1e999", "2025-13-01", "0,000001", "−5", "XIV"])
    return f"{rng.randint(1, 300)} тыс. тонн"


def sentence(rng: random.Random) -> str:
    parts = [rng.choice(POSTS), rng.choice(PLACES), person(rng), rng.choice(VERBS)]
    parts.append(
        rng.choice([rng.choice(POSTS) + " " + rng.choice(PLACES) + " " + person(rng), rng.choice(BODIES)])
    )
    for _ in range(rng.randint(0, 4)):
        parts.append(
            rng.choice([rng.choice(TAILS), number(rng), rng.choice(BODIES), rng.choice(ODD), person(rng)])
        )
    text = " ".join(parts)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "!", "?", "…", ""])


def long_sentence(rng: random.Random, chars: int) -> str:
    parts: list[str] = []
    size = 0
    while size < chars:
        part = f"{rng.choice(POSTS)} {rng.choice(PLACES)} {person(rng)}"
        if rng.random() < 0.1:
            part += f" ({rng.choice(BODIES)})"
        if rng.random() < 0.05:
            part += " " + number(rng)
        parts.append(part)
        size += len(part) + 2
    return "На встрече присутствовали " + ", ".join(parts) + "."


def salad(rng: random.Random, chars: int) -> str:
    """One sentence of clauses without a full stop: verbs, posts, names, bodies, numbers and odd punctuation."""
    parts: list[str] = []
    size = 0
    while size < chars:
        part = rng.choice(
            [rng.choice(POSTS), rng.choice(PLACES), person(rng), rng.choice(VERBS), rng.choice(BODIES)]
        )
        if rng.random() < 0.3:
            part += " " + rng.choice([rng.choice(TAILS), number(rng), rng.choice(ODD).strip() or ","])
        parts.append(part)
        size += len(part) + 1
    return " ".join(parts) + "."


def initials(rng: random.Random, chars: int) -> str:
    """Sentences that end in a one-letter name part («… министр Ван И. Темой …»), one paragraph."""
    parts: list[str] = []
    size = 0
    while size < chars:
        part = f"{rng.choice(VERBS).capitalize()} {rng.choice(POSTS)} {rng.choice(PLACES)} Ван И. "
        parts.append(part + rng.choice(["Темой", "Стороны", "Он", "В"]) + " " + rng.choice(TAILS) + ".")
        size += len(parts[-1]) + 1
    return " ".join(parts)


def coordination(rng: random.Random, chars: int) -> str:
    """One sentence naming many actors joined by «и» and commas, with a verb at each end."""
    parts: list[str] = []
    size = 0
    while size < chars:
        parts.append(
            rng.choice([rng.choice(PLACES), rng.choice(BODIES), f"{rng.choice(POSTS)} {person(rng)}"])
        )
        size += len(parts[-1]) + 3
    return f"{person(rng)} встретился с " + " и ".join(parts) + " и подписал с ними соглашение."


SHAPES = (long_sentence, salad, initials, coordination)


def make_text(rng: random.Random) -> str:
    if rng.random() < 0.125:
        return rng.choice(SHAPES)(rng, rng.choice([2_000, 5_000, 10_000, 20_000, 40_000]))
    paras = []
    for _ in range(rng.randint(1, 12)):
        paras.append(" ".join(sentence(rng) for _ in range(rng.randint(1, 8))))
    return rng.choice(["\n", "\n\n", " "]).join(paras)


def texts(n: int, seed: int) -> list[str]:
    """The generated texts (the same for a seed)."""
    rng = random.Random(seed)
    return [make_text(rng) for _ in range(n)]


def tenfold(nlp: object, chars: int) -> None:
    """Each long shape as one sentence and as the same words in ten sentences: CPU seconds (best of two)."""
    from kg.extract import extract_records
    from kg.records import Article

    def cpu(text: str) -> float:
        best = float("inf")
        for _ in range(2):
            c = time.process_time()
            list(extract_records([Article(id="x", text=text)], nlp))  # type: ignore[arg-type]
            best = min(best, time.process_time() - c)
        return best

    for shape in (long_sentence, salad, coordination):
        text = shape(random.Random(5), chars)
        words = text.rstrip(".").split(" ")
        k = len(words) // 10
        ten = (
            ". ".join(" ".join(words[i * k : (i + 1) * k if i < 9 else len(words)]) for i in range(10)) + "."
        )
        one, split = cpu(text), cpu(ten)
        print(
            f"{shape.__name__:14} {len(text)} chars: one sentence {one:.2f} s CPU, "
            f"the same words in ten sentences {split:.2f} s ({one / split:.2f}×)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--top", type=int, default=10, help="how many of the slowest texts to show")
    parser.add_argument(
        "--tenfold", type=int, help="instead: one sentence of N characters against ten sentences"
    )
    parser.add_argument("--tsv", help="also write each text's number, characters, CPU and wall seconds here")
    args = parser.parse_args(argv)
    import warnings

    warnings.simplefilter("ignore")
    from kg.extract import extract_records
    from kg.pipeline import build_nlp
    from kg.records import Article

    nlp = build_nlp()
    nlp("Прогрев: Ван И прибыл в Астану.")
    if args.tenfold:
        tenfold(nlp, args.tenfold)
        return 0
    rows = []  # (cpu s, wall s, chars, sentences-ish, n, problem)
    started = time.perf_counter()
    for n, text in enumerate(texts(args.n, args.seed)):
        problems: list[object] = []
        w, c = time.perf_counter(), time.process_time()
        list(extract_records([Article(id=f"g{n}", text=text)], nlp, on_error=problems.append))
        rows.append(
            (time.process_time() - c, time.perf_counter() - w, len(text), text.count("."), n, problems)
        )
    total = time.perf_counter() - started
    if args.tsv:
        with open(args.tsv, "w", encoding="utf-8") as handle:
            handle.writelines(f"{r[4]}\t{r[2]}\t{r[0]:.3f}\t{r[1]:.3f}\n" for r in rows)
    per_char = statistics.median(r[0] / r[2] for r in rows if r[2] >= 500)
    cpu = sorted(r[0] for r in rows)
    print(
        f"{len(rows)} generated texts (seed {args.seed}), {sum(r[2] for r in rows):,} characters, wall {total:.0f} s"
    )
    print(f"failed (reported by the pipeline): {sum(bool(r[5]) for r in rows)}")
    print(
        "CPU s per text: "
        + ", ".join(f"p{q} {cpu[min(len(cpu) - 1, len(cpu) * q // 100)]:.2f}" for q in (50, 90, 99))
        + f", max {cpu[-1]:.2f}; over 20 s: {sum(r[0] > 20 or r[1] > 20 for r in rows)}"
    )
    print(f"median cost {per_char * 1e6:.1f} µs per character")
    print(f"slowest {args.top}:")
    for c, w, chars, dots, n, problems in sorted(rows, reverse=True)[: args.top]:
        print(
            f"  #{n:<5} cpu {c:6.2f} s  wall {w:6.2f} s  {chars:6} chars  {c / (chars * per_char):5.1f}× its length"
        )
    long_enough = [r for r in rows if r[2] >= 500]
    worst = sorted(long_enough, key=lambda r: -r[0] / (r[2] * per_char))[: args.top]
    print(f"worst ratio to the length-proportional cost (texts of 500+ characters), {args.top}:")
    for c, w, chars, dots, n, problems in worst:
        print(f"  #{n:<5} cpu {c:6.2f} s  {chars:6} chars  {c / (chars * per_char):5.1f}× its length")
    return 0


if __name__ == "__main__":
    sys.exit(main())
