#!/usr/bin/env python3
"""Converts the Phoenix actor dictionaries into eventline gazetteer data.

Source: the PETRARCH2 Phoenix dictionaries (Open Event Data Alliance, MIT licence,
Copyright (c) 2014 Open Event Data Alliance; CountryInfo.140130 by the Computational Event
Data System Project): Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
Phoenix.MilNonState.actors.txt, in TABARI's .actors format.

    python3 scripts/phoenix_gazetteer.py REFERENCE_DIR > ontology/phoenix.tsv
    python3 scripts/phoenix_gazetteer.py --stats REFERENCE_DIR   # counts on stderr too

What is kept, and why (a gazetteer name that fires on ordinary prose costs more than a
missing one):
- countries are the gazetteer's own (ontology/gazetteer.ttl); the dictionary's three-letter
  codes are mapped to them by name and give each actor its country;
- an actor already in the gazetteer (a shared multi-word name) is not added again: its new
  multi-word synonyms become skos:altLabel of the existing entity;
- names are multi-word, or single words that are neither English words (lower case in
  /usr/share/dict/words, Debian's wamerican) nor short, nor claimed by two actors;
- titled forms ("PRESIDENT_VLADIMIR_PUTIN") are dropped: the extractor reads titles itself;
- two-word names made only of English words ("EARTH_TRUST") are dropped, but for the bodies
  of phoenix/proper_names.txt ("Amnesty International", "Human Rights Watch");
- dated GOV and MIL codes become role spells ("government", "military") of the country, so
  the person stands for that country on the dates the dictionary gives; other sectors (elite,
  opposition, business, rebels) give evl:affiliation only;
- Phoenix.agents.txt is not used: it lists common nouns (FARMER, PEASANT), which the
  extractor's own word lists cover and which are not named actors.
No Wikidata QID is added: the dictionary has none, and a guessed QID is worse than none.
"""

import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent / "phoenix"
ACTOR_FILES = [
    ("Phoenix.Countries.actors.txt", "countries"),
    ("Phoenix.International.actors.txt", "international"),
    ("Phoenix.MilNonState.actors.txt", "nonstate"),
]
EVL = "https://w3id.org/eventline/ontology#"
ID = "https://w3id.org/eventline/id/"
# CAMEO sector codes: an actor code "AUSGOVLEG" is a country and sectors; a code whose
# second part is none of these ("USAASM", "IRQOCC") names a territory or a status.
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "ELI", "BUS", "MED", "SPY", "COP", "LEG", "JUD", "PTY", "CVL",
    "EDU", "HLH", "REF", "LAB", "AGR", "ENV", "HRI", "INS", "MUS", "CHR", "JEW", "BUD", "HIN",
    "DEV", "NGO", "IGO", "UAF", "SEP", "RAD", "MOD", "CRM", "IMG",
}
# Title words that are also ordinary parts of organisations' names ("General Assembly").
ORG_SAFE = {"general", "justice", "major", "chief", "head", "former", "lord", "lady", "post",
            "representative", "un", "u.n.", "us", "u.s.", "american", "russian", "chinese",
            "british", "french", "chair", "cabinet"}
PARTICLES = {
    "de", "da", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den",
    "bin", "ibn", "bint", "al", "el", "of", "the", "and", "for", "in", "on", "y", "e", "to",
}


def word_list(name):
    out = set()
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line)
    return out


def english_words(path="/usr/share/dict/words"):
    """Lower-case entries only: 'Sony' is a name, 'citizens' a word."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        sys.exit(f"{path}: missing (apt-get install wamerican); it decides which names are words")
    return {w for w in text.split() if w.islower() and "'" not in w}


# ---------------------------------------------------------------- reading .actors files


class Entry:
    def __init__(self, name, source, comment):
        self.names = [name]
        self.codes = []  # (code, start, end) with dates as ISO strings or None
        self.source = source
        self.comment = comment


CODE_RE = re.compile(r"\[([^\]]*)\]")


def parse_code(body):
    parts = body.split()
    if not parts:
        return None
    code = parts[0]
    if not re.fullmatch(r"[A-Z~-]+", code) or code.startswith("~") or code == "---":
        return None
    start = end = None
    if len(parts) > 1:
        span = parts[1]
        ok = True
        if span.startswith(">"):
            start = parse_date(span[1:])
            ok = start is not None
        elif span.startswith("<"):
            end = parse_date(span[1:])
            ok = end is not None
        elif "-" in span:
            a, b = span.split("-", 1)
            start, end = parse_date(a), parse_date(b)
            ok = start is not None and end is not None
        else:
            ok = False
        if not ok:
            return (code, "bad", "bad")
    return (code, start, end)


def parse_date(s):
    """YYMMDD (19YY when YY >= 20: the dictionaries end in 2014) or YYYYMMDD."""
    if re.fullmatch(r"\d{6}", s):
        yy, mm, dd = int(s[:2]), int(s[2:4]), int(s[4:])
        year = 1900 + yy if yy >= 20 else 2000 + yy
    elif re.fullmatch(r"\d{8}", s):
        year, mm, dd = int(s[:4]), int(s[4:6]), int(s[6:])
    else:
        return None
    if not (1 <= mm <= 12 and 1 <= dd <= 31):
        return None
    return f"{year:04d}-{mm:02d}-{dd:02d}"


def clean_name(raw):
    # "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_": the bracketed acronym is not part of the name.
    name = re.sub(r"\([^)]*\)?|\)", "", raw).strip().replace(" ", "_")
    name = re.sub(r"__+", "_", name).strip("_")
    return name if re.search(r"[A-Z]", name) else None


def shares_word(names, name):
    words = set(name.split("_")) - {"", "THE", "OF", "AL"}
    return any(words & set(n.split("_")) for n in names)


def read_actors(text, source):
    """The entries of one .actors file: a name line, '+' synonym lines, '[CODE dates]'."""
    entries = []
    cur = None
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            if not line.strip():
                cur = None
            continue
        body, _, comment = line.partition("#")
        codes = [c for c in (parse_code(m) for m in CODE_RE.findall(body)) if c]
        head = CODE_RE.sub(" ", body)
        if line[0] in " \t" and not head.strip().startswith("+"):
            if cur is not None:
                cur.codes.extend(codes)
            continue
        if head.strip().startswith("+"):
            if cur is not None:
                for syn in head.strip().split("+"):
                    syn = clean_name(syn)
                    if syn:
                        cur.names.append(syn)
                cur.codes.extend(codes)
            continue
        if head.strip().startswith("!"):  # macro definitions of the agents format
            continue
        name = clean_name(head)
        if not name:
            continue
        if cur is not None and not cur.codes and shares_word(cur.names, name):
            # TABARI: consecutive names before one code block are one actor.
            cur.names.append(name)
            cur.codes.extend(codes)
            continue
        cur = Entry(name, source, comment.strip())
        cur.codes.extend(codes)
        entries.append(cur)
    return entries


# ---------------------------------------------------------------- the existing gazetteer


def read_gazetteer(text):
    """Subjects of ontology/gazetteer.ttl with type, label and names (its regular layout)."""
    ents = {}
    for block in re.split(r"\n\s*\n", text):
        m = re.match(r"\s*(eid:(Q\d+)|<([^>]+)>) a evl:(\w+)", block)
        if not m:
            continue
        iri = ID + m.group(2) if m.group(2) else m.group(3)
        labels = re.findall(r'"((?:[^"\\]|\\.)*)"@en', block)
        kind = m.group(4)
        label = re.search(r'rdfs:label "((?:[^"\\]|\\.)*)"', block)
        demonyms = []
        dm = re.search(r"evl:demonym ([^;]*)", block)
        if dm:
            demonyms = re.findall(r'"([^"]*)"', dm.group(1))
        ents[iri] = {
            "type": kind,
            "label": label.group(1) if label else None,
            "names": [n for n in labels if n not in demonyms and not n.startswith("Capital ")],
            "demonyms": demonyms,
        }
    return ents


def key(name):
    """Comparison key of a name: case, punctuation and every 'the' ignored ("Organization of
    Petroleum Exporting Countries" is the gazetteer's "Organization of the Petroleum Exporting
    Countries")."""
    k = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
    return " ".join(w for w in k.split() if w != "the")


# ---------------------------------------------------------------- surface forms


def cased(raw, org, words):
    """A dictionary name (UPPER_CASE) as news writes it."""
    tokens = [t for t in raw.split("_") if t]
    out = []
    for i, t in enumerate(tokens):
        out.append(case_token(t, i == 0, org, words, alone=len(tokens) == 1))
    return " ".join(out)


ROMAN = re.compile(r"(?i)(i{1,3}|iv|vi{0,3}|ix|x{1,3})")
JOINING = {"al", "el", "bin", "abu", "ibn", "ould", "ben"}


def case_token(t, first, org, words, alone=False):
    low = t.lower()
    if t.startswith("(") and t.endswith(")"):
        return t.upper()
    if "." in t and re.fullmatch(r"([A-Z]\.)+", t):
        return t  # "U.N.", "K."
    if not first and ROMAN.fullmatch(t):
        return t.upper()  # "Abdullah II"
    if not first and low in PARTICLES:
        return low
    if org and re.fullmatch(r"[A-Z]{2,6}", t) and low not in words:
        if alone or not re.search(r"[AEIOU]", t):
            return t  # "ICJ", "WWF", "IAEA" alone
    parts = re.split(r"(-)", t)
    res = []
    for j, p in enumerate(parts):
        if p == "-":
            res.append(p)
            continue
        lp = p.lower()
        before = res[-2].lower() if len(res) >= 2 else ""
        if lp in PARTICLES and (j > 0 or not first):
            res.append(lp)  # "Jabhat al-Nusra"
        elif j > 0 and not org and before not in JOINING:
            # Korean given names: "Ki-moon", "Jong-il"; but "al-Sisi".
            res.append(lp)
        else:
            res.append(cap(lp))
    return "".join(res)


def cap(w):
    if w.startswith("mc") and len(w) > 3:
        return "Mc" + w[2:].capitalize()
    if w.startswith("o'") and len(w) > 2:
        return "O'" + w[2:].capitalize()
    if "'" in w:
        a, b = w.split("'", 1)
        return a.capitalize() + "'" + b
    return w.capitalize()


def variants(form):
    """The spellings news uses for one name: the Arabic article joined or not, and
    capitalised at the start ("al Nusra", "al-Nusra", "Al-Nusra"); a one-word name kept
    in capitals (an acronym or a company: "UNITA", "Sony") written both ways."""
    out = [form]
    if re.fullmatch(r"[A-Z]{4,}", form) and re.search(r"[AEIOU]", form):
        out.append(form.capitalize())
    joined = re.sub(r"\b([Aa]l|[Ee]l) (?=[A-Z])", r"\1-", form)
    if joined != form:
        out.append(joined)
    for f in list(out):
        if f.startswith(("al-", "el-")):
            out.append(f[0].upper() + f[1:])
        elif f.startswith(("Al-", "El-")):
            out.append(f[0].lower() + f[1:])
    return out


PERSON_NOTE = re.compile(r"(?i)\b(leader|member|commander|founder|chief|spokesman|militant)\b")


def is_org(names, words, org_words, source, codes, comment="", given=frozenset()):
    """Whether an entry is an organisation (else a person). CountryInfo lists office
    holders; the other lists are mostly bodies but name some people ("AYMAN_AL_ZAWAHIRI",
    "KOFI_ANNAN"): a person is noted as one, or named in two to four words, none an
    organisation's word, the first a given name."""
    if source == "countries" and comment.startswith("CountryInfo"):
        return False
    if any(c[0].startswith("MNC") for c in codes):
        return True
    toks = [t.lower() for t in names[0].split("_") if t]
    if any(t in org_words for t in toks):
        return True
    if PERSON_NOTE.search(comment):
        return False
    if not 1 < len(toks) <= 4:
        return True
    office = any(c[0][3:6] in ("GOV", "ELI", "OPP", "MIL") for c in codes)
    return not (toks[0].upper() in given or office)


# ---------------------------------------------------------------- conversion


class Converter:
    def __init__(self, gazetteer_text):
        self.words = english_words()
        self.titles = word_list("titles.txt")
        self.skip = word_list("skip.txt")
        self.proper = word_list("proper_names.txt")
        self.org_words = word_list("org_words.txt")
        self.orgs = {}
        for line in (HERE / "organisations.tsv").read_text().splitlines():
            if line and not line.startswith("#"):
                code, iri = line.split("\t")
                self.orgs[code] = iri
        self.gaz = read_gazetteer(gazetteer_text)
        self.gaz_by_key = defaultdict(set)
        for iri, e in self.gaz.items():
            for n in e["names"] + e["demonyms"]:
                self.gaz_by_key[key(n)].add(iri)
        self.country_code = {}
        self.stats = defaultdict(int)

    def country_codes(self, entries):
        """CAMEO country codes -> gazetteer countries, from the dictionary's country blocks."""
        for e in entries:
            if e.source != "countries" or e.comment.startswith("CountryInfo"):
                continue
            codes = [c[0] for c in e.codes if re.fullmatch(r"[A-Z]{3}", c[0])]
            if not codes:
                continue
            for n in e.names:
                hits = [i for i in self.gaz_by_key.get(key(cased(n, True, self.words)), ())
                        if self.gaz[i]["type"] == "Country"]
                if hits:
                    for c in codes:
                        self.country_code.setdefault(c, hits[0])
                    e.country = hits[0]
                    break

    def distinctive(self, name):
        """The tokens of a name that identify it: no joining, title or organisation words."""
        return {
            t for t in re.split(r"[^a-z0-9']+", name.lower())
            if len(t) >= 3 and t not in PARTICLES and t not in self.org_words
            and t not in self.titles
        }

    def forms(self, e, org):
        """The names of an entry worth matching, as news writes them.

        Phoenix lists under one actor every phrase to code as that actor (a group's
        leaders, "Assad regime" under Assad), so a synonym is kept only when it names
        the same thing: it shares a distinctive word with the actor's first name, or,
        for an organisation, is itself an organisation's name."""
        label = cased(e.names[0], org, self.words)
        head = self.distinctive(label)
        out = []
        for raw in e.names:
            toks = [t.lower() for t in re.split(r"[_-]+", raw) if t]
            titled = self.titles - ORG_SAFE if org else self.titles
            if any(t in titled for t in toks) or raw in self.skip:
                self.stats["dropped titled"] += 1
                continue
            form = cased(raw, org, self.words)
            if raw is not e.names[0] and not (head & self.distinctive(form)) and not (
                org and any(t in self.org_words for t in toks)
            ):
                self.stats["dropped: not a name of the same actor"] += 1
                continue
            words = [t.lower() for t in raw.split("_") if t]
            if len(words) == 1:
                t = words[0].strip("().")
                if len(t) < 4 or t in self.words or not re.fullmatch(r"[a-z'-]+", t):
                    self.stats["dropped single word"] += 1
                    continue
            elif (
                len(words) == 2 and all(t in self.words for t in words) and form not in self.proper
            ):
                self.stats["dropped English words"] += 1
                continue
            if re.search(r'\d|[/,&"]| \.', form):
                self.stats["dropped odd characters"] += 1
                continue
            for v in variants(form):
                if v not in out:
                    out.append(v)
        if label not in out and out:
            label = out[0]
        return label, out

    def same_name(self, known, form, org):
        """Whether a synonym names the gazetteer entity whose distinctive words are `known`:
        a person's shares a word (the surname); an organisation's shares two thirds of its
        words ("National Geospatial-Intelligence Agency" is not the CIA)."""
        d = self.distinctive(form)
        if not org:
            return bool(known & d)
        return bool(d) and 3 * len(known & d) >= 2 * len(d)

    def generic(self, form):
        """ "National Security Council", "Supreme Court": every country has one, so the
        name alone says nothing of which. Short names of English words only."""
        w = [t.lower() for t in form.split()]
        return len(w) <= 3 and all(t in self.words or t in PARTICLES for t in w)

    def is_place(self, e):
        """A country, territory or region block ("GUAM [USAGUM]", "LEIPZIG [DDR] [DEU]"):
        places are the gazetteer's own, not actors to add."""
        if e.source != "countries" or e.comment.startswith("CountryInfo"):
            return False
        if not e.codes:
            return True
        return all(c[0][3:6] not in SECTORS for c in e.codes)

    def convert(self, entries):
        self.country_codes(entries)
        # Given names: the first words of the office holders' names (ABU, AL: no).
        self.given = {
            e.names[0].split("_")[0] for e in entries if e.comment.startswith("CountryInfo")
        } - {"AL", "EL", "BIN", "IBN", "THE", "NATIONAL", "PEOPLES", "SUPREME"}
        people, merged = [], defaultdict(list)
        for e in entries:
            if not e.codes:
                self.stats["dropped: no code"] += 1
                continue
            if getattr(e, "country", None) or self.is_place(e):
                self.stats["places (the gazetteer's own)"] += 1
                continue
            org = is_org(
                e.names, self.words, self.org_words, e.source, e.codes, e.comment, self.given
            )
            label, forms = self.forms(e, org)
            if not forms:
                self.stats["entries without a usable name"] += 1
                continue
            existing = self.existing(forms)
            if existing:
                known = set()
                for n in self.gaz[existing]["names"]:
                    known |= self.distinctive(n)
                merged[existing].extend(
                    f for f in forms if len(f.split()) > 1 and self.same_name(known, f, org)
                )
                self.stats["merged into the gazetteer"] += 1
                continue
            people.append((e, org, label, forms))
        return self.dedupe(people), merged

    def existing(self, forms):
        for f in forms:
            hits = self.gaz_by_key.get(key(f), set())
            hits = {h for h in hits if self.gaz[h]["type"] not in ("City", "Region", "Building")}
            if len(f.split()) > 1 and hits:
                return sorted(hits)[0]
        return None

    def dedupe(self, items):
        """One entity per multi-word name; forms two entities claim are dropped."""
        owner = {}
        groups = []
        for e, org, label, forms in items:
            g = None
            for f in forms:
                if len(f.split()) > 1 and (f, org) in owner:
                    g = owner[(f, org)]
                    break
            if g is None:
                g = len(groups)
                groups.append({"entries": [], "org": org, "label": label, "forms": []})
            groups[g]["entries"].append(e)
            for f in forms:
                if f not in groups[g]["forms"]:
                    groups[g]["forms"].append(f)
                if len(f.split()) > 1:
                    owner.setdefault((f, org), g)
        claims = defaultdict(set)
        for i, g in enumerate(groups):
            for f in g["forms"]:
                claims[f].add(i)
        # A single word is a well-known person's name only if no one else is called by
        # it: not a given name ("Hussein Ali"), nor another's surname; and a single word
        # that is part of anyone's name ("Amal", "Shahin") is no organisation's name.
        for i, g in enumerate(groups):
            if g["org"]:
                continue
            for f in g["forms"]:
                w = f.split()
                if len(w) > 1:
                    for t in w[:-1]:
                        claims[t].add(-1)
                    claims[w[-1]].add(i)
                    for t in w:
                        claims[t.upper()].add(-1)
                        claims[t.capitalize()].add(-1)
        gaz_forms = {key(n) for e in self.gaz.values() for n in e["names"] + e["demonyms"]}
        # Part of a gazetteer name ("Southeast Asian Nations" of "Association of
        # Southeast Asian Nations") is a fragment, not another actor.
        for e in self.gaz.values():
            for n in e["names"]:
                w = key(n).split()
                for i in range(len(w)):
                    for j in range(i + 2, len(w) + 1):
                        if j - i < len(w):
                            gaz_forms.add(" ".join(w[i:j]))
        for g in groups:
            kept = []
            for f in g["forms"]:
                if len(claims[f]) > 1:
                    self.stats["dropped ambiguous"] += 1
                elif key(f) in gaz_forms:
                    self.stats["dropped: names another gazetteer entity"] += 1
                elif g["org"] and self.generic(f) and f not in self.proper:
                    self.stats["dropped generic institution"] += 1
                else:
                    kept.append(f)
            g["forms"] = kept
            if g["label"] not in kept and kept:
                g["label"] = kept[0]
        return [g for g in groups if g["forms"]]

    def country_of(self, code):
        return self.country_code.get(code[:3])

    def org_of(self, code):
        for prefix, iri in self.orgs.items():
            if code.startswith(prefix):
                return iri
        return None


# ---------------------------------------------------------------- Turtle


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def rel(iri):
    """An eventline IRI as the table writes it: relative to the id namespace."""
    assert iri.startswith(ID), iri
    return iri[len(ID):]


def clean(s):
    """A table field: no tabs, newlines or the table's separators."""
    return re.sub(r"[\t\n|;]", " ", s).strip()


def armed(entries):
    """Rebels, insurgents and the non-state militant file: CAMEO's REB and INS sectors and
    IMG (international militarised groups)."""
    for e in entries:
        if e.source == "nonstate":
            return True
        # The latest code: the ANC was ZAFREB until 1994, a governing party since.
        if e.codes:
            code = e.codes[-1][0]
            if code.startswith("IMG") or code[3:6] in ("REB", "INS"):
                return True
    return False


def spells(conv, codes):
    """One spell per (title, country) from the first dated code to the last: the
    dictionary's many short spells of one office (a minister reshuffled within a cabinet)
    say no more for telling whom a person acts for, and would triple the file."""
    out = {}
    for code, start, end in codes:
        if start == "bad" or (start is None and end is None):
            continue
        country = conv.country_of(code)
        sector = code[3:6]
        if not country or sector not in ("GOV", "MIL"):
            continue
        k = ("government" if sector == "GOV" else "military", country)
        if k in out:
            s0, e0 = out[k]
            start = None if s0 is None or start is None else min(s0, start)
            end = None if e0 is None or end is None else max(e0, end)
        out[k] = (start, end)
    return out


def entity_row(conv, g, ident):
    etype = "Person"
    if g["org"]:
        etype = "ArmedGroup" if armed(g["entries"]) else "Organisation"
    codes = [c for e in g["entries"] for c in e.codes]
    affiliation = ""
    for code, _, _ in reversed(codes):
        a = conv.country_of(code) or conv.org_of(code)
        if a:
            affiliation = rel(a)
            break
    roles = []
    if etype == "Person":
        for (title, country), (start, end) in spells(conv, codes).items():
            roles.append(f"{title},{rel(country)},{start or ''},{end or ''}")
    alts = [clean(f) for f in g["forms"] if f != g["label"]]
    conv.stats[f"entities {etype}"] += 1
    conv.stats["role spells"] += len(roles)
    return "\t".join([etype, ident, clean(g["label"]), "|".join(alts), affiliation, ";".join(roles)])


HEADER = """# Phoenix dictionary actors for the eventline gazetteer. GENERATED by
# scripts/phoenix_gazetteer.py from the PETRARCH2 Phoenix dictionaries (Open Event Data
# Alliance, MIT licence, Copyright (c) 2014 Open Event Data Alliance); do not edit by hand:
# change the script or its word lists (scripts/phoenix/) and regenerate.
#
# Read by src/gazetteer.rs beside ontology/gazetteer.ttl (not loaded into the store: the
# actors articles name are described there). One actor a line, tab-separated:
#   class        Person, Organisation or ArmedGroup; "=" for more names of an entity the
#                gazetteer already has (it is not repeated)
#   id           the actor is https://w3id.org/eventline/id/actor/phoenix/<id>; for "=",
#                the gazetteer IRI after https://w3id.org/eventline/id/
#   label        rdfs:label (empty for "=")
#   names        skos:altLabel, separated by |
#   affiliation  evl:affiliation: the country or organisation of the actor's latest code
#   roles        role spells title,of,start,end separated by ; ("government" or
#                "military": the dictionary's dated GOV and MIL codes, the office unnamed)
# No Wikidata links: the dictionary gives none.
"""


def to_table(conv, groups, merged):
    out = [HEADER.rstrip("\n")]
    for iri in sorted(merged):
        known = {key(n) for n in conv.gaz[iri]["names"]}
        extra = []
        for f in merged[iri]:
            if key(f) not in known:
                extra.append(clean(f))
                known.add(key(f))
        if extra:
            conv.stats["synonyms merged into gazetteer entities"] += len(extra)
            out.append("\t".join(["=", rel(iri), "", "|".join(extra), "", ""]))
    used = set()
    for g in groups:
        base = slug(g["label"])
        ident, n = base, 1
        while ident in used:
            n += 1
            ident = f"{base}-{n}"
        used.add(ident)
        conv.stats["names kept"] += len(g["forms"])
        out.append(entity_row(conv, g, ident))
    return "\n".join(out) + "\n"


def main(argv):
    stats = "--stats" in argv
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    ref = Path(args[0])
    root = Path(__file__).resolve().parent.parent
    conv = Converter((root / "ontology" / "gazetteer.ttl").read_text(encoding="utf-8"))
    entries = []
    for name, source in ACTOR_FILES:
        text = (ref / name).read_text(encoding="utf-8", errors="replace")
        entries.extend(read_actors(text, source))
    conv.stats["dictionary entries"] = len(entries)
    groups, merged = conv.convert(entries)
    sys.stdout.write(to_table(conv, groups, merged))
    if stats:
        for k in sorted(conv.stats):
            print(f"{conv.stats[k]:>7}  {k}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
