"""What a machine can read in an item's wording: the text heuristics behind the pack-lint.

Each function takes plain item text and returns what it found, with no positions, files or
catalog: `lint.py` turns the results into findings. The heuristics are deliberately small
and named here in one place, so that what they cannot see is easy to state (docs/authoring.md,
"What the lint cannot see"):

- `words` and `similar_pairs`: near-duplicates by shared content words after a crude
  suffix-stripping stemmer, found through an inverted index (linear in the number of items);
- `all_or_nothing`: "every", "never", "whenever"… (a miss anywhere makes the tick false);
- `two_acts`: "and" joining a second act ("… and shared them", ", and I told …");
- `windows` and `last_instance`: the periods an item names, and "the last time…" kinds of
  single events that name no period at all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# -- content words --------------------------------------------------------------------------

# Words that carry no meaning of their own in a first-person checklist item: function words,
# light verbs ("kept an hour", "took a step"), time words (the cadence rule reads those) and
# the words every item of a pack shares.
STOP_WORDS = frozenset(
    """
    a about after again all also am an and another any anyone are as at be because been before
    both but by came can come could did do does doing done during each else every everyone for
    from gave get give go got had has have he her hers him his how i if in into is it its just
    keep kept least last less let made make many may me might more most much must my myself
    need no nobody none not nothing now of off on once one only or other others our ours out
    over own past per put same set several she should so some someone something such take than
    that the their theirs them themselves then there these they this those through to too took
    under until up upon us very was we went were what when whenever where whether which while
    who whom whose why will with within without would you your
    two three four five six seven eight nine ten twelve thirteen first second next previous
    current coming recent week weeks weekly month months monthly quarter quarters quarterly year
    years yearly half day days time times today i've i'm i'd team teams person people
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)

# Suffixes stripped by `stem`, longest first, each with what replaces it.
_SUFFIXES = (
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ings", ""),
    ("sses", "ss"),
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ed", ""),
    ("es", ""),
    ("ly", ""),
    ("s", ""),
)
_VOWEL = re.compile(r"[aeiouy]")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude stemmer: enough that `review`, `reviews`, `reviewed` and
    `reviewing` meet, as do `share`/`shared`/`sharing`, `plan`/`planned` and
    `delegate`/`delegation`. It is not a dictionary: it only has to treat the forms of one
    word alike, not produce a real word."""
    for suffix, replacement in _SUFFIXES:
        base = word[: -len(suffix)]
        shortest = 4 if suffix == "ly" else 3  # "weekly" is "week", but "reply" is no "rep"
        if word.endswith(suffix) and len(base) >= shortest and _VOWEL.search(base):
            word = base + replacement
            break
    if len(word) > 3 and word[-1] == word[-2]:  # planned → plann → plan
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):  # share and shared → shar
        word = word[:-1]
    return word


_ONE_ON_ONE = re.compile(r"\b(?:one-on-ones?|1:1s?)\b")
_DIRECT_REPORT = re.compile(r"\bdirect reports?\b")
_TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> list[tuple[str, str]]:
    """(the word as written, its stem) for each content word of `text`."""
    text = text.lower().replace("'", "").replace("’", "")
    text = _ONE_ON_ONE.sub(" oneonone ", text)  # one word, however it is spelled
    text = _DIRECT_REPORT.sub(" ", text)
    return [
        ("one-on-one" if token == "oneonone" else token, stem(token))
        for token in _TOKEN.findall(text)
        if token not in STOP_WORDS and not token.isdigit()
    ]


def words(text: str) -> frozenset[str]:
    """The meaningful words of an item's text, stemmed: what duplicate detection compares."""
    return frozenset(stemmed for _, stemmed in _tokens(text))


def surface(text: str, stems: frozenset[str]) -> list[str]:
    """The words of `text` as written whose stems are in `stems`, each once, in order."""
    seen: dict[str, str] = {}
    for token, stemmed in _tokens(text):
        if stemmed in stems:
            seen.setdefault(stemmed, token)
    return list(seen.values())


# -- near-duplicates ------------------------------------------------------------------------

JACCARD_LIMIT = 0.5
OVERLAP_LIMIT = 0.8
OVERLAP_MIN_WORDS = 4
"""Two texts are near-duplicates when half of all their content words are shared, or when
80% of the shorter one's words are in the longer one (and it has at least four)."""

COMMON_ITEMS = 50
"""A word in more than this many items (in a 10,000-item handbook, say) does not make two
items candidates: only rarer words do. This is what keeps the comparison linear: each item
is compared only with the items that share a rarer word with it, and each such word brings
at most this many. A candidate pair is then compared on all its words, common ones too, so
the one thing this gives up is a pair that shares nothing but common words."""


def similarity(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    """(Jaccard, overlap) of two word sets; both 0 when either is empty."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return shared / len(a | b), shared / min(len(a), len(b))


def _similar(shared: int, size_a: int, size_b: int) -> bool:
    if shared == 0:
        return False
    jaccard = shared / (size_a + size_b - shared)
    smaller = min(size_a, size_b)
    return jaccard >= JACCARD_LIMIT or (
        shared / smaller >= OVERLAP_LIMIT and smaller >= OVERLAP_MIN_WORDS
    )


def near_duplicates(a: str, b: str) -> bool:
    """Whether two item texts say nearly the same, by the rule `similar_pairs` applies."""
    wa, wb = words(a), words(b)
    return _similar(len(wa & wb), len(wa), len(wb))


@dataclass
class Pairs:
    """What `similar_pairs` found, and how much work it took."""

    pairs: list[tuple[int, int, frozenset[str]]]
    """(i, j, the shared words) for each similar pair, i < j."""
    compared: int
    """Candidate pairs whose shared-word count was checked: at most `COMMON_ITEMS` times
    the number of words of all items, so linear in the number of items."""
    common: frozenset[str]
    """The words that made no candidates because more than `COMMON_ITEMS` items use them."""


def similar_pairs(texts: Sequence[frozenset[str]]) -> Pairs:
    """Every pair of near-duplicate word sets, through an inverted index over their words.

    Comparing every pair is quadratic (2,000 items took 50 s). Instead each item looks up
    the items that share a word with it, through the posting list of each of its words
    that no more than `COMMON_ITEMS` items use; a pair that shares no such word is never
    looked at. The result is what comparing every pair gives, except for pairs that share
    only words more common than that.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        for word in text:
            postings[word].append(index)
    common = frozenset(w for w, where in postings.items() if len(where) > COMMON_ITEMS)
    found: list[tuple[int, int, frozenset[str]]] = []
    compared = 0
    for index, text in enumerate(texts):
        candidates = {other for word in text - common for other in postings[word] if other > index}
        compared += len(candidates)
        for other in candidates:
            shared = text & texts[other]
            if _similar(len(shared), len(text), len(texts[other])):
                found.append((index, other, shared))
    found.sort(key=lambda pair: pair[:2])
    return Pairs(found, compared, common)


# -- all-or-nothing words -------------------------------------------------------------------

# Each entry: a pattern, and what to write instead. One place, on purpose: the docs list them.
# People are a set a manager can go through one by one ("each direct report"), so "every"
# before a word for people is not flagged; "every page", "every week", "whenever" are: one
# miss in the period makes the tick false, and an honest reader can rarely give it.
_PEOPLE = r"(?:direct\s+reports?|reports?|person|people|team\s+members?|members?|engineers?)"
_FREQUENCY_HINT = (
    "count instead of promising all: “in at least three of the last four weeks”, "
    "“in at least ten of the last thirteen weeks”"
)
_CASES_HINT = (
    "write what you did about the cases you saw: “this quarter, when … happened, I …”; "
    "a quiet period makes it “didn't come up”, not done"
)
ALL_OR_NOTHING: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?:day|week|fortnight|month|quarter|year)\b"),
        _FREQUENCY_HINT,
    ),
    (re.compile(r"\b(?:every|each)\s+(?:single\s+)?time\b"), _CASES_HINT),
    (re.compile(r"\bevery(?:thing)?\b(?!\s+(?:one\s+of\s+my\s+)?" + _PEOPLE + r"\b)"), ""),
    (re.compile(r"\b(?:before|after|in|during)\s+each\b"), _FREQUENCY_HINT),
    (re.compile(r"\bwhenever\b"), _CASES_HINT),
    (
        re.compile(
            r"\b(?:always|never|not\s+once|not\s+a\s+single|without\s+(?:fail|exception))\b"
        ),
        "",
    ),
    (re.compile(r"\b(?:none|no\s+one|nobody)\b"), _CASES_HINT),
    (re.compile(r"\ball\s+(?:of\s+)?(?:my|our|the|their)\b(?!\s+" + _PEOPLE + r"\b)"), ""),
)
_GENERIC_HINT = (
    "say what you can check: “at least one …”, “in at least three of the last four weeks”, "
    "or the list you went through (“each rotation on our list”)"
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")


def all_or_nothing(text: str) -> list[tuple[str, str]]:
    """(the words, a hint) for each all-or-nothing phrase in an item's text.

    Quoted words are left out: “it has always been done that way” quotes someone else.
    """
    plain = _QUOTED.sub(lambda m: " " * len(m[0]), text.lower())
    found: list[tuple[int, str, str]] = []
    taken: list[range] = []
    for pattern, hint in ALL_OR_NOTHING:
        for match in pattern.finditer(plain):
            span = range(match.start(), match.end())
            if any(span.start in t or t.start in span for t in taken):
                continue  # "every week" was already read as a frequency
            taken.append(span)
            found.append((match.start(), text[match.start() : match.end()], hint or _GENERIC_HINT))
    return [(said, hint) for _, said, hint in sorted(found)]


# -- two acts joined by "and" ---------------------------------------------------------------

# Past forms (the pack's items are first-person past) and plain forms (imperative checklists)
# of the verbs items use; a regular past ("shared", "acted") is recognised by its ending.
_VERBS = frozenset(
    """
    took gave put told made sent wrote set held kept left got met ran read spoke brought found
    paid went did began built chose drew fed felt fought hid hung led lent lost meant rang
    sought sold shut sat slept spent split stood struck swept taught thought threw understood
    woke won used
    take give tell make send write hold keep meet run speak bring find pay go do begin build
    choose draw lead spend teach think check review share ask file fix book schedule agree
    follow close remove test plan update raise move act measure list name thank explain decide
    confirm record publish post report
    """.split()  # noqa: SIM905
)
# What follows a verb that opens a second act: an object, a particle, a clause. Not a
# preposition: "feel heard and included in the team" is one state, not two acts.
_AFTER_VERB = frozenset(
    """
    the a an it them him her his its my our their this that these those any each every one
    some someone everyone up down back out off where what why how who
    """.split()  # noqa: SIM905
)
# After ", and I": what says how the first act can be checked, not a second act.
_NOT_AN_ACT = frozenset(
    "am was have had can could will would may might must should know knew think".split()  # noqa: SIM905
)
_CLAUSE = re.compile(r",\s+and\s+(?:then\s+)?(?:i|we)\s+(?P<verb>[a-z]+)")
_AND_VERB = re.compile(r"\band\s+(?:then\s+)?(?P<verb>[a-z]+)\s+(?P<next>[a-z]+)")


def _is_verb(word: str) -> bool:
    if word in _VERBS:
        return True
    # A regular past form ("shared", "acted"), but not un-… ("planned and unplanned work").
    return len(word) > 4 and word.endswith("ed") and not word.startswith("un")


def two_acts(text: str) -> list[str]:
    """The words that join a second act to the first: ", and I told", "and shared them".

    It sees "and" followed by a verb and then an object or a particle; it cannot see two
    acts joined by a comma, "then" or "or", nor an "and" between two nouns that each hide
    an act ("with examples and time to improve").
    """
    plain = _QUOTED.sub(lambda m: " " * len(m[0]), text.lower())
    found = [
        (m.start(), m.end()) for m in _CLAUSE.finditer(plain) if m["verb"] not in _NOT_AN_ACT
    ] + [
        (m.start(), m.end())
        for m in _AND_VERB.finditer(plain)
        if _is_verb(m["verb"]) and m["next"] in _AFTER_VERB
    ]
    return [text[start:end] for start, end in sorted(found)]


# -- periods named in the text --------------------------------------------------------------

_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "thirteen": 13,
}
_UNIT_DAYS = {"week": 7, "fortnight": 14, "month": 31, "quarter": 92, "half": 183, "year": 366}
_UNITS = r"(?:week|fortnight|month|quarter|half-year|half|year)"
_PERIOD = re.compile(
    r"\b(?:this|last|past|next|previous|current|each|every|per|a)\s+"
    r"(?:(?P<count>\d+|" + "|".join(_NUMBERS) + r")\s+)?"
    r"(?P<unit>week|fortnight|month|quarter|half-year|half|year)s?\b",
    re.IGNORECASE,
)
_ADVERB = re.compile(
    r"\b(?P<unit>weekly|fortnightly|monthly|quarterly|yearly|annually)\b", re.IGNORECASE
)
_ADVERB_DAYS = {
    "weekly": 7,
    "fortnightly": 14,
    "monthly": 31,
    "quarterly": 92,
    "yearly": 366,
    "annually": 366,
}


def windows(text: str) -> list[tuple[str, int, bool]]:
    """Every period an item's text names: (the words, its length in days, a frequency?).

    "This quarter" or "the last four weeks" is a window the tick is about; "every week" or
    "monthly" is how often something happens within it.
    """
    found = []
    for match in _PERIOD.finditer(text):
        unit = match["unit"].lower().removesuffix("-year")
        count = match["count"]
        n = int(count) if count and count.isdigit() else _NUMBERS.get((count or "").lower(), 1)
        frequency = match[0].split()[0].lower() in {"each", "every", "per", "a"}
        found.append((match[0], n * _UNIT_DAYS[unit], frequency))
    for match in _ADVERB.finditer(text):
        found.append((match[0], _ADVERB_DAYS[match["unit"].lower()], True))
    return found


_LAST_INSTANCE = re.compile(
    r"\b(?:the|my|our|her|his|their)\s+(?:very\s+)?(?:last|latest|most\s+recent)\s+"
    r"(?!(?:\d+|" + "|".join(_NUMBERS) + r"|few|couple)\b)(?!" + _UNITS + r"s?\b)"
    r"[a-z][a-z-]*",
    re.IGNORECASE,
)


def last_instance(text: str) -> str:
    """ "The last time …", "my last shift": one event the item is about, if the text names
    one and no window of time around it (else an empty string). Such a tick stays good
    however long ago the event was, and one good instance stands for a habit."""
    if any(not frequency for _, _, frequency in windows(text)):
        return ""
    match = _LAST_INSTANCE.search(text)
    return f"{match[0]} …" if match else ""
