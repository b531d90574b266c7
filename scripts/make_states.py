"""Regenerate kg/data/states.tsv from pycountry's ISO 3166 names in Russian plus common short forms.

Run: python scripts/make_states.py > kg/data/states.tsv
"""

from __future__ import annotations

import gettext

import pycountry

# territories that are not sovereign states (they stay places when NER finds them)
NOT_STATES = {
    "AW",
    "AI",
    "AX",
    "AS",
    "AQ",
    "TF",
    "BQ",
    "BL",
    "BM",
    "BV",
    "CC",
    "CK",
    "CW",
    "CX",
    "KY",
    "FK",
    "FO",
    "GG",
    "GI",
    "GL",
    "GP",
    "GF",
    "GU",
    "HK",
    "HM",
    "IM",
    "IO",
    "JE",
    "MO",
    "MF",
    "MS",
    "MQ",
    "MP",
    "NC",
    "NF",
    "NU",
    "PN",
    "PR",
    "PF",
    "RE",
    "GS",
    "SH",
    "SJ",
    "PM",
    "SX",
    "TC",
    "TK",
    "UM",
    "VG",
    "VI",
    "WF",
    "YT",
    "EH",
    "TW",
}
EN = {
    "RU": "Russia",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "SY": "Syria",
    "VN": "Vietnam",
    "LA": "Laos",
    "MD": "Moldova",
    "TZ": "Tanzania",
    "BO": "Bolivia",
    "VE": "Venezuela",
}
# preferred Russian label and common short forms, acronyms and older names
EXTRA = {
    "US": ("США", ["Соединённые Штаты Америки", "Соединенные Штаты", "Соединённые Штаты", "Америка"]),
    "GB": ("Великобритания", ["Соединённое Королевство", "Британия", "Соединенное Королевство"]),
    "RU": ("Россия", ["Российская Федерация", "РФ"]),
    "KZ": ("Казахстан", ["Республика Казахстан", "РК"]),
    "CN": ("Китай", ["Китайская Народная Республика", "КНР", "Поднебесная"]),
    "KG": ("Киргизия", ["Кыргызстан", "Кыргызская Республика", "Республика Кыргызстан"]),
    "MD": ("Молдавия", ["Молдова", "Республика Молдова"]),
    "BY": ("Белоруссия", ["Беларусь", "Республика Беларусь", "РБ"]),
    "KP": ("КНДР", ["Северная Корея", "Корейская Народно-Демократическая Республика"]),
    "KR": ("Южная Корея", ["Республика Корея"]),
    "AE": ("ОАЭ", ["Объединённые Арабские Эмираты", "Объединенные Арабские Эмираты"]),
    "DE": ("Германия", ["ФРГ", "Федеративная Республика Германия"]),
    "UZ": ("Узбекистан", ["Республика Узбекистан"]),
    "TJ": ("Таджикистан", ["Республика Таджикистан"]),
    "TM": ("Туркменистан", ["Туркмения"]),
    "IR": ("Иран", ["Исламская Республика Иран", "ИРИ"]),
    "TR": ("Турция", ["Турецкая Республика"]),
    "CZ": ("Чехия", ["Чешская Республика"]),
    "VN": ("Вьетнам", ["СРВ"]),
    "LA": ("Лаос", ["ЛНДР"]),
    "ZA": ("ЮАР", ["Южно-Африканская Республика", "Южная Африка"]),
    "CF": ("ЦАР", ["Центральноафриканская Республика", "Центрально-африканская республика"]),
    "CD": ("ДР Конго", ["Демократическая Республика Конго", "ДРК"]),
    "SA": ("Саудовская Аравия", ["Королевство Саудовская Аравия", "КСА"]),
    "AZ": ("Азербайджан", ["Азербайджанская Республика", "Республика Азербайджан"]),
    "GE": ("Грузия", []),
    "IN": ("Индия", ["Республика Индия"]),
    "JP": ("Япония", []),
    "MN": ("Монголия", []),
    "PK": ("Пакистан", ["Исламская Республика Пакистан"]),
    "AF": ("Афганистан", ["Исламская Республика Афганистан"]),
    "SZ": ("Эсватини", ["Королевство Эсватини", "Свазиленд", "Королевство Свазиленд"]),
}

# states that no longer exist, with their ISO 3166-3 former alpha-2 codes: news still names them as actors
FORMER_STATES = [
    ("DD", "East Germany", "ГДР", ["Германская Демократическая Республика"]),
    (
        "SU",
        "Soviet Union",
        "СССР",
        ["Советский Союз", "Союз Советских Социалистических Республик", "Союз ССР"],
    ),
    ("YU", "Yugoslavia", "Югославия", ["СФРЮ", "Социалистическая Федеративная Республика Югославия"]),
]


def main() -> None:
    """Print the TSV: alpha-2, English name, Russian label, aliases separated by |."""
    t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    print("alpha2\ten\tru\taliases")
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        if c.alpha_2 in NOT_STATES:
            continue
        en = EN.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        names = [
            t.gettext(n).replace("\u0301", "")
            for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
            if n
        ]
        label, extra = EXTRA.get(
            c.alpha_2, (names[-1] if len(names) == 1 else t.gettext(en).replace("\u0301", ""), [])
        )
        aliases = []
        for n in names + extra:
            if "," in n or "(" in n:
                continue
            for v in (n, n.replace("ё", "е")):
                if v != label and v not in aliases:
                    aliases.append(v)
        print(f"{c.alpha_2}\t{en}\t{label}\t{'|'.join(aliases)}")
    for code, en, label, aliases in FORMER_STATES:
        print(f"{code}\t{en}\t{label}\t{'|'.join(aliases)}")


if __name__ == "__main__":
    main()
