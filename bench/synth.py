#!/usr/bin/env python3
"""Synthetic wire stories for measuring the store at scale (issue 14).

Usage: python3 bench/synth.py OUT_DIR --articles N [--seed S] [--gold GOLD.json]

Writes N articles in the seed format of the wire corpus (first line
" date YYYY-MM-DD " followed by the lead paragraph, paragraphs apart by a
blank line), named SYN_ENG_YYYYMMDD.NNNNNN.txt. Each article tells 4-8
events (phone calls, meetings, summits, visits, attacks, pledges, aid,
threats, statements, requests, sanctions) among fillers, with dates
written as wire stories write them ("on Tuesday", "last week", "on
March 3", "next week") relative to its dateline.

Articles come in stories: a follow-up a few days later retells some events
of the articles before it (same actors, same day, other words, a status
that may have moved from Planned to Occurred), so that cross-article
merging is exercised as real news exercises it. Two events that are not a
retelling never share kind family, country-level actors and date window,
so each gold event is one node when the extractor gets it right.

The actors, places and titles come from the repository's data files at run
time (ontology/gazetteer.ttl, ontology/phoenix.tsv; the event kinds are
checked against src/extract/data/triggers.tsv), so the text follows the
gazetteer: a person is named with the office held on the article's date.

The output depends only on --seed and --articles (same bytes every run).
With --gold, the generated events are written in the scorer's gold format
(../shared/eval/README.md), one gold event per real event whatever the
number of articles telling it.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EID = "https://w3id.org/eventline/id/"
EVL = "https://w3id.org/eventline/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
WD = "http://www.wikidata.org/entity/"

# The years the articles span: the gazetteer's role spells are densest from
# the mid-1990s, and Phoenix's dictionary ends in 2014. Many years, so that
# the date windows of unrelated events seldom meet.
FIRST_DAY = dt.date(1996, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
PHOENIX_END = dt.date(2014, 12, 31)


# ---------------------------------------------------------------------------
# Reading the data files

TOKEN = re.compile(r'''
    (?P<ws>\s+|\#[^\n]*)
  | (?P<iri><[^>]*>)
  | (?P<lit>"(?:[^"\\]|\\.)*")(?:@(?P<lang>[A-Za-z-]+)|\^\^(?P<dtype>[A-Za-z][\w-]*:[\w-]*))?
  | (?P<punct>[;,.])
  | (?P<name>@prefix|[A-Za-z][\w-]*:[\w-]*|a\b)
''', re.X)


def read_turtle(path):
    """Subject IRI -> predicate IRI -> [object]: just enough Turtle for the
    gazetteer (prefixes, IRIs, plain and typed literals, ';' and ',')."""
    text = open(path, encoding="utf-8").read()
    tokens, pos = [], 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            sys.exit("%s: cannot read Turtle at offset %d: %r" % (path, pos, text[pos:pos + 40]))
        pos = m.end()
        if m.group("ws") is None:
            tokens.append(m)
    prefixes, graph = {}, {}

    def term(m):
        if m.group("iri"):
            return m.group("iri")[1:-1]
        if m.group("lit"):
            return m.group("lit")[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        name = m.group("name")
        if name == "a":
            return RDF_TYPE
        prefix, local = name.split(":", 1)
        return prefixes[prefix] + local

    i = 0
    while i < len(tokens):
        if tokens[i].group("name") == "@prefix":
            prefixes[tokens[i + 1].group("name")[:-1]] = tokens[i + 2].group("iri")[1:-1]
            i += 4
            continue
        subject = term(tokens[i])
        props = graph.setdefault(subject, {})
        i += 1
        while True:
            pred = term(tokens[i])
            i += 1
            while True:
                props.setdefault(pred, []).append(term(tokens[i]))
                i += 1
                if tokens[i].group("punct") != ",":
                    break
                i += 1
            p = tokens[i].group("punct")
            i += 1
            if p == ";" and tokens[i].group("punct") == ".":
                i += 1
                break
            if p == ".":
                break
    return graph


class Actor:
    """A country, organisation, armed group or person the articles name."""

    def __init__(self, iri, etype, label, alts=(), qid=None):
        self.iri, self.etype, self.label = iri, etype, label
        self.alts, self.qid = list(alts), qid
        self.demonym = None   # countries: "Russian"
        self.demonym_ok = False   # and no other country's
        self.capital = None   # countries: a Place standing for the government
        self.country = None   # groups and organisations: the country they act for
        self.acronym = None   # organisations: "NATO", "UN"
        self.short = None     # people: the surname, when it names nobody else

    def keys(self):
        """The scorer's participant keys: QID and lower-case label."""
        return ([self.qid] if self.qid else []) + [self.label.lower()]


class Place:
    def __init__(self, iri, etype, label, qid, country):
        self.iri, self.etype, self.label, self.qid, self.country = iri, etype, label, qid, country

    def keys(self):
        return ([self.qid] if self.qid else []) + [self.label.lower()]


class Spell:
    """A person holding an office of a country or organisation."""

    def __init__(self, person, title, of, start, end):
        self.person, self.title, self.of, self.start, self.end = person, title, of, start, end


# Heads of state or government: the ones whose meetings may be summits.
LEADER_TITLES = {"president", "prime minister", "chancellor", "king", "emir", "supreme leader"}
# Names this plain read the same to a reader and to a tagger (no
# parentheses, no commas, no initials alone); people's have two words or more.
PLAIN_NAME = re.compile(r"^[A-Z][A-Za-z'.-]+(?: [A-Za-z][A-Za-z'.-]+){0,5}$")


def qid_of(props):
    for s in props.get(OWL + "sameAs", []):
        if s.startswith(WD):
            return s[len(WD):]
    return None


def en(values):
    return values[0] if values else None


def word_list(repo, section):
    """One [section] of the extractor's word lists."""
    words, inside = set(), False
    for line in open(os.path.join(repo, "src", "extract", "data", "words.txt"), encoding="utf-8"):
        line = line.strip()
        if line.startswith("["):
            inside = line == "[%s]" % section
        elif inside and line and not line.startswith("#"):
            words.add(line.lower())
    return words


class World:
    """Actors, places and offices from the gazetteer and Phoenix tables."""

    def __init__(self, repo):
        g = read_turtle(os.path.join(repo, "ontology", "gazetteer.ttl"))
        self.actors, self.places = {}, {}
        name_count = {}

        def count(names):
            for n in set(x.lower() for x in names):
                name_count[n] = name_count.get(n, 0) + 1

        typed = sorted((s, p) for s, p in g.items() if RDF_TYPE in p)
        for iri, p in typed:
            etype = p[RDF_TYPE][0][len(EVL):]
            label = en(p.get(RDFS + "label", []))
            alts = p.get(SKOS + "altLabel", [])
            if label is None:
                continue
            if etype in ("Country", "Organisation", "ArmedGroup", "Person"):
                count([label] + alts)
                a = Actor(iri, etype, label, alts, qid_of(p))
                demonyms = p.get(EVL + "demonym", [])
                # "U.S. President", not "American President": an abbreviation
                # among the demonyms is what the wires put before a title.
                a.demonym = next((d for d in demonyms if "." in d), en(demonyms))
                a.capital = en(p.get(EVL + "capital", []))
                a.acronym = label if label.isupper() else min(
                    (x for x in alts if x.isupper() and x.isalpha() and len(x) <= 6), key=len, default=None)
                self.actors[iri] = a
            elif etype in ("City", "Region"):
                count([label] + alts)
                located = en(p.get(EVL + "locatedIn", []))
                self.places[iri] = Place(iri, etype, label, qid_of(p), located)
        demonyms = {}
        for iri, p in typed:
            for d in p.get(EVL + "demonym", []):
                demonyms.setdefault(d.lower(), set()).add(iri)
        for a in self.actors.values():
            a.capital = self.places.get(a.capital)
            a.demonym_ok = a.demonym is not None and len(demonyms[a.demonym.lower()]) == 1

        self.spells = []
        for iri, p in typed:
            if p[RDF_TYPE][0] != EVL + "Person" or iri not in self.actors:
                continue
            person = self.actors[iri]
            for r in p.get(EVL + "holds", []):
                rp = g.get(r, {})
                of = self.actors.get(en(rp.get(EVL + "roleOf", [])))
                start = en(rp.get(EVL + "roleStart", []))
                title = en(rp.get(EVL + "roleTitle", []))
                if of is None or start is None or title == "spokesperson":
                    continue
                end = en(rp.get(EVL + "roleEnd", [])) or "2100-01-01"
                self.spells.append(Spell(person, title, of, dt.date.fromisoformat(start),
                                         dt.date.fromisoformat(end)))

        self._read_phoenix(os.path.join(repo, "ontology", "phoenix.tsv"), count)

        for a in self.actors.values():
            if a.etype == "Person":
                last = a.label.split()[-1]
                if last in a.alts and name_count.get(last.lower()) == 1:
                    a.short = last
        # Only actors and places whose name is theirs alone: the gold must
        # not depend on which of two homonyms the extractor picks.
        self.unique = lambda x: (name_count.get(x.label.lower()) == 1 and PLAIN_NAME.match(x.label)
                                 and (getattr(x, "etype", None) != "Person" or " " in x.label))
        self.countries = [a for a in self.actors.values()
                          if a.etype == "Country" and a.qid and a.demonym and self.unique(a)]
        country_iris = {c.iri for c in self.countries}
        # Meetings are in cities; fighting may be anywhere.
        self.cities, self.battlegrounds = {}, {}
        for pl in self.places.values():
            if pl.country in country_iris and self.unique(pl):
                self.battlegrounds.setdefault(pl.country, []).append(pl)
                if pl.etype == "City":
                    self.cities.setdefault(pl.country, []).append(pl)
        agencies = word_list(repo, "news_agencies")
        self.orgs = [a for a in self.actors.values() if a.etype == "Organisation"
                     and a.qid and self.unique(a)
                     and not any(n.lower() in agencies for n in [a.label] + a.alts)]
        # Phoenix's groups only with the country they fight in; the
        # gazetteer's (Hamas, the Taliban, ...) are well known without one.
        self.groups = [a for a in self.actors.values() if a.etype == "ArmedGroup"
                       and self.unique(a) and (a.country in country_iris
                                               or (a.country is None and "/phoenix/" not in a.iri))]
        self.capitals = {c.capital.iri for c in self.countries if c.capital}
        self.insurgencies = {}
        for g in self.groups:
            if g.country:
                self.insurgencies.setdefault(g.country, []).append(g)
        # The news is about the countries whose office holders the gazetteer
        # names far more than about the rest.
        named = {s.of.iri for s in self.spells if s.title != "official"}
        self.country_weight = {c.iri: 8 if c.iri in named else 1 for c in self.countries}
        self.spells = [s for s in self.spells if self.unique(s.person)
                       and (s.of.iri in country_iris or s.of in self.orgs)
                       and " of " not in s.person.label]
        self._by_month = {}

    def _read_phoenix(self, path, count):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 6 or cols[0] == "=":
                continue
            cls, ident, label, names, affiliation, roles = cols[:6]
            alts = [n for n in names.split("|") if n]
            count([label] + alts)
            iri = EID + "actor/phoenix/" + ident
            a = Actor(iri, cls, label, alts)
            a.country = (EID + affiliation) if affiliation else None
            self.actors[iri] = a
            if cls != "Person":
                continue
            for spell in filter(None, roles.split(";")):
                title, of, start, end = spell.split(",")
                if title != "government" or not start:
                    continue
                of_actor = self.actors.get(EID + of)
                if of_actor is None:
                    continue
                end = dt.date.fromisoformat(end) if end else PHOENIX_END
                self.spells.append(Spell(a, "official", of_actor, dt.date.fromisoformat(start), end))

    def spells_on(self, day):
        """Offices held over the whole month of `day`, strictly inside their
        spells: an article never falls on a day two holders share."""
        key = (day.year, day.month)
        if key not in self._by_month:
            first = day.replace(day=1)
            last = month_end(day)
            self._by_month[key] = [s for s in self.spells if s.start < first and last < s.end]
        return self._by_month[key]


# ---------------------------------------------------------------------------
# Dates as the wires write them

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
# AP style abbreviates the long months before a day ("Oct. 16").
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
             "Oct.", "Nov.", "Dec."]


def month_end(day):
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def monday(day):
    return day - dt.timedelta(days=day.weekday())


def day_of_month(day, rng):
    months = MONTHS_AP if rng.random() < 0.3 else MONTHS
    return "on %s %d" % (months[day.month - 1], day.day)


def expressions(event_day, dateline, rng):
    """Every way a story dated `dateline` may date an event of `event_day`,
    as (words, weight, (earliest, latest)): the window the scorer's gold
    conventions give those words."""
    d, e = dateline, event_day
    days = (e - d).days
    one = (e, e)
    out = []
    if days <= 0:
        ago = -days
        if ago <= 6:
            out.append(("on " + WEEKDAYS[e.weekday()], 10, one))
        if ago == 1:
            out.append(("yesterday", 1, one))
        if monday(d) <= e < d:
            out.append(("earlier this week", 1, (monday(d), d - dt.timedelta(days=1))))
        last_monday = monday(d) - dt.timedelta(days=7)
        if last_monday <= e < monday(d):
            out.append(("last week", 2, (last_monday, last_monday + dt.timedelta(days=6))))
        if 2 <= ago <= 200:
            out.append((day_of_month(e, rng), 3 if ago > 6 else 1, one))
        first = d.replace(day=1)
        if (first - dt.timedelta(days=1)).replace(day=1) <= e < first:
            out.append(("last month", 1, (e.replace(day=1), month_end(e))))
    else:
        if days <= 6:
            out.append(("on " + WEEKDAYS[e.weekday()], 10, one))
        if days == 1:
            out.append(("tomorrow", 1, one))
        next_monday = monday(d) + dt.timedelta(days=7)
        if next_monday <= e < next_monday + dt.timedelta(days=7):
            out.append(("next week", 2, (next_monday, next_monday + dt.timedelta(days=6))))
        if days >= 2:
            out.append((day_of_month(e, rng), 3 if days > 6 else 1, one))
        if e.month == d.month and e.year == d.year:
            out.append(("later this month", 1, (d + dt.timedelta(days=1), month_end(d))))
    return out


def pick_weighted(rng, items, weight):
    total = sum(weight(x) for x in items)
    r = rng.random() * total
    for x in items:
        r -= weight(x)
        if r < 0:
            return x
    return items[-1]


def express(event_day, dateline, rng, precise=False):
    options = expressions(event_day, dateline, rng)
    if precise:
        options = [o for o in options if o[2][0] == o[2][1]] or options
    return pick_weighted(rng, options, lambda o: o[1])


def event_day_for(dateline, rng, planned, lead=False):
    """How far from its story news lies: mostly the same or the last few
    days, sometimes weeks; planned events in the coming days or weeks. A
    lead is today's or yesterday's news."""
    r = rng.random()
    if lead and not planned:
        return dateline - dt.timedelta(days=0 if r < 0.6 else 1)
    if planned:
        ahead = rng.randint(1, 6) if r < 0.7 else rng.randint(7, 30)
        return dateline + dt.timedelta(days=ahead)
    ago = 0 if r < 0.3 else rng.randint(1, 6) if r < 0.8 else rng.randint(7, 45)
    return dateline - dt.timedelta(days=ago)


# ---------------------------------------------------------------------------
# Sentences. Each kind: the actors it takes and its phrasings, past (told as
# having happened) and future (announced). {a} and {b} are the actors, {p}
# the place, {t} the date, {x} the complement (the same in every retelling,
# as the topic of a speech act is what tells two of them apart).

KINDS = {
    # kind: (weight, a's sort, b's sort, planned share, claimed share)
    "Meeting": (18, "person", "person", 0.25, 0.0),
    "PhoneCall": (10, "person", "person", 0.15, 0.05),
    "Visit": (9, "person", None, 0.3, 0.0),
    "Summit": (4, "leader", "leader", 0.35, 0.0),
    "Attack": (14, "attacker", "target", 0.0, 0.1),
    "Statement": (10, "speaker", "subject", 0.0, 0.0),
    "Request": (10, "speaker", "addressee", 0.0, 0.0),
    "Pledge": (7, "donor", "country", 0.0, 0.0),
    "Threat": (6, "speaker", "subject", 0.0, 0.0),
    "Aid": (5, "donor", "country", 0.0, 0.0),
    "Sanction": (4, "sanctioner", "country", 0.0, 0.0),
}

PAST = {
    "Meeting": [
        "{a} met {b} in {p} {t}.",
        "{a} held talks with {b} in {p} {t}.",
        "{a} {t} held talks in {p} with {b}.",
        "{a} and {b} met in {p} {t}.",
        "{a} hosted {b} in {p} {t}.",
    ],
    "PhoneCall": [
        "{a} spoke by telephone with {b} {t}.",
        "{a} held a telephone conversation with {b} {t}.",
        "{a} telephoned {b} {t} to discuss {x}.",
        "{a} and {b} spoke by phone {t}.",
        "{a} {t} received a telephone call from {b}.",
    ],
    "Visit": [
        "{a} visited {p} {t}.",
        "{a} arrived in {p} {t} for a {n}-day visit.",
        "{a} {t} paid a visit to {p}.",
    ],
    "Summit": [
        "{a} and {b} held a summit in {p} {t}.",
        "{a} and {b} met for a summit in {p} {t}.",
    ],
    "Attack": [
        "{a} carried out air strikes against {b} in {p} {t}.",
        "{a} launched an offensive against {b} near {p} {t}.",
        "{a} attacked {b} near {p} {t}.",
        "{b} was attacked by {a} in {p} {t}.",
        "{a} fired rockets at {bd} army positions near {p} {t}.",
        "{a} attacked {b} {t}.",
        "{a} {t} launched an offensive against {b}.",
    ],
    "Statement": [
        "{a} {t} condemned {b} over {x}.",
        "{a} condemned {b} {t} over {x}.",
        "{a} {t} criticized {b} over {x}.",
    ],
    "Request": [
        "{a} urged {b} {t} to {x}.",
        "{a} {t} called on {b} to {x}.",
        "{a} {t} asked {b} to {x}.",
    ],
    "Pledge": [
        "{a} pledged {m} to {b} {t} to {x}.",
        "{a} {t} offered assistance to {b} to {x}.",
        "{a} {t} promised {b} {m} to {x}.",
    ],
    "Threat": [
        "{a} {t} threatened {b} with retaliation over {x}.",
        "{a} warned {b} {t} of serious consequences over {x}.",
        "{a} {t} threatened to retaliate against {b} over {x}.",
    ],
    "Aid": [
        "{a} sent humanitarian aid to {b} {t}.",
        "{a} {t} delivered relief supplies to {b}.",
        "{a} donated {m} to {b} {t}.",
    ],
    "Sanction": [
        "{a} imposed new sanctions on {b} {t} over {x}.",
        "{a} {t} imposed sanctions on {b} over {x}.",
        "{a} imposed an arms embargo on {b} {t} over {x}.",
    ],
}

FUTURE = {
    "Meeting": [
        "{a} will meet {b} in {p} {t}.",
        "{a} is to hold talks with {b} in {p} {t}.",
        "{a} is scheduled to meet {b} in {p} {t}.",
        "{a} will host {b} in {p} {t}.",
    ],
    "PhoneCall": [
        "{a} will speak by phone with {b} {t}.",
        "{a} is expected to telephone {b} {t}.",
    ],
    "Visit": [
        "{a} will visit {p} {t}.",
        "{a} is scheduled to visit {p} {t}.",
        "{a} will travel to {p} {t}.",
    ],
    "Summit": [
        "{a} and {b} will hold a summit in {p} {t}.",
        "{a} is to attend a summit with {b} in {p} {t}.",
    ],
}

# Attacks told as one side's word.
CLAIMED = {
    "Attack": [
        "{a} allegedly attacked {b} near {p} {t}.",
        "{a} reportedly carried out air strikes against {b} in {p} {t}.",
        "{a} allegedly attacked {b} {t}.",
    ],
    "PhoneCall": [
        "{a} reportedly spoke by telephone with {b} {t}.",
    ],
}

COMPLEMENTS = {
    "PhoneCall": ["bilateral relations", "regional security", "trade and investment",
                  "energy cooperation", "the fight against terrorism", "climate change"],
    "Statement": ["the human rights situation", "the detention of opposition leaders",
                  "the closure of independent newspapers", "the treatment of journalists",
                  "the handling of the protests", "the expulsion of diplomats"],
    "Request": ["show restraint", "release political prisoners", "hold free and fair elections",
                "ease restrictions on imports", "respect human rights",
                "allow international monitors into the country", "extradite the suspects"],
    "Pledge": ["help rebuild schools and hospitals", "support reconstruction",
               "improve water supplies", "rebuild roads and bridges", "fight poverty"],
    "Threat": ["the border incursions", "the seizure of a fishing vessel",
               "the expulsion of diplomats", "the missile tests", "the disputed islands"],
    "Sanction": ["its nuclear programme", "human rights abuses", "its missile tests",
                 "the crackdown on the opposition", "election fraud"],
}

FILLERS = [
    "Relations between {c1} and {c2} have improved steadily in recent years.",
    "Relations between {c1} and {c2} have been strained in recent months.",
    "{c1} and {c2} established diplomatic relations in {y}.",
    "Bilateral trade between {c1} and {c2} reached {k} billion dollars in {y}.",
    "{c1} is one of the largest trading partners of {c2}.",
    "No further details were immediately available.",
    "Analysts say the dispute is unlikely to be resolved soon.",
    "{e1} grew by {k} percent last year.",
    "Oil prices were little changed in Asian trading.",
    "The issue has long been a source of friction between the two sides.",
    "The region has a long history of unrest.",
    "{r1} has lost {k} percent against the dollar this year.",
    "Both sides have said they want closer economic ties.",
    "The dispute dates back to {y}.",
    "Diplomats said progress had been slow.",
    "Security was tight in the capital.",
    "Officials gave no further details.",
]

QUOTES = [
    "This is an important moment for both our countries",
    "We will continue to work closely together",
    "The situation remains very serious",
    "Our position has not changed",
    "We hope for a peaceful solution",
    "There is still much work to be done",
]


# ---------------------------------------------------------------------------
# Naming actors in a story

# Group names that are a noun phrase ("the Kosovo Liberation Army"), not a
# proper name ("Boko Haram").
GROUP_HEADS = {"Army", "Front", "Organization", "Organisation", "Movement", "Party", "Brigade",
               "Brigades", "Committee", "Council", "Union", "League", "Force", "Forces", "Group",
               "Faction", "Commandos", "Militia", "Command", "Guard", "Tigers", "Alliance"}


def title_case(title):
    """"secretary of state" -> "Secretary of State", "secretary-general" ->
    "Secretary-General"."""
    cap = lambda w: w if w == "of" else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
    return " ".join(cap(w) for w in title.split(" "))


def the(name, alts):
    """"the United States", "the Philippines"; "Ukraine", "Sudan" (the
    gazetteer knows "the Ukraine", which today's wires do not write)."""
    old = " " not in name and not name.endswith("s")
    return "the " + name if "the " + name in alts and not old else name


class Naming:
    """How one article names its actors: in full with the office the first
    time, by surname or short name after."""

    def __init__(self, rng):
        self.rng, self.seen = rng, set()

    def name(self, actor, role=None):
        first = actor.iri not in self.seen
        self.seen.add(actor.iri)
        if actor.etype == "Person":
            if not first and actor.short:
                return actor.short
            spell = role
            if spell is None:
                return actor.label
            of = spell.of
            if of.etype != "Country":
                where = of.acronym or the(of.label, of.alts)
            elif of.demonym_ok:
                where = of.demonym
            else:
                # "Dominica's Prime Minister", as "Dominican" is two countries'.
                where = the(of.label, of.alts) + ("" if spell.title == "official" else "'s")
            if spell.title == "official":
                return "%s official %s" % (where, actor.label)
            title = title_case(spell.title)
            if actor.label.split()[0] == title.split()[-1]:
                return "%s %s" % (where, actor.label)
            return "%s %s %s" % (where, title, actor.label)
        if actor.etype == "Country":
            return the(actor.label, actor.alts)
        if actor.etype == "Organisation":
            if not first and actor.acronym:
                return "the " + actor.acronym if "the " + actor.acronym in actor.alts else actor.acronym
            # "the European Commission", but "NATO", "UNICEF".
            return actor.label if actor.label.isupper() else "the " + actor.label
        if actor.etype == "ArmedGroup" and (actor.label.split()[-1] in GROUP_HEADS
                                            or " of " in actor.label):
            return "the " + actor.label
        return the(actor.label, actor.alts)

    def as_subject(self, actor, role=None):
        """Subjects of speech acts: a country may be its capital, as the
        wires write "Moscow warned"."""
        if actor.etype == "Country" and actor.capital and self.rng.random() < 0.3:
            self.seen.add(actor.iri)
            return actor.capital.label
        return self.name(actor, role)

    def as_attacker(self, actor):
        if actor.etype == "Country" and actor.demonym_ok and self.rng.random() < 0.6:
            self.seen.add(actor.iri)
            return "%s %s" % (actor.demonym, self.rng.choice(["forces", "troops", "warplanes"]))
        return self.name(actor)


def possessive(country, noun):
    """"the Russian economy", or "Dominica's economy" where the demonym is
    another country's too."""
    if country.demonym_ok:
        return "the %s %s" % (country.demonym, noun)
    return "%s's %s" % (the(country.label, country.alts), noun)


def capitalise(s):
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------------------
# Events and articles

class Event:
    def __init__(self, ident, kind, a, b, place, day, x, a_role, b_role):
        self.id, self.kind, self.a, self.b, self.place, self.day = ident, kind, a, b, place, day
        self.x, self.a_role, self.b_role = x, a_role, b_role
        # (article name, dateline, status, window, sentence, place named)
        self.tellings = []
        self.n = self.m = self.k = None   # a visit's days, a sum, a tonnage


def family(kind):
    return "consult" if kind in ("Meeting", "PhoneCall", "Visit", "Summit") else kind


def anchor(actor, role):
    """The country-level actor eventline blocks events by: a person stands
    for the country or organisation of the office held."""
    if actor.etype == "Person" and role is not None:
        return role.of.iri
    return actor.iri


def overlaps(w1, w2):
    return w1[0] <= w2[1] and w2[0] <= w1[1]


class Generator:
    def __init__(self, world, kinds, seed, keep=False):
        self.w, self.rng = world, random.Random(seed)
        self.kinds = [k for k in KINDS if k in kinds]
        self.keep = keep
        self.events = []   # every event, kept for the gold only
        self.count = self.told = self.retold = self.tellings = 0
        self.taken = {}   # (family, anchors) -> windows of the events told with them

    # -- choosing actors

    def person(self, day, cast, leader=False, avoid=None):
        spells = [s for s in self.w.spells_on(day)
                  if (not leader or s.title in LEADER_TITLES) and s.of is not avoid]
        if not spells:
            return None
        near = [s for s in spells if s.of in cast]
        # Names from the hand-made gazetteer (offices named) are the ones
        # the news is full of; Phoenix's officials fill the rest.
        pool = near if near and self.rng.random() < 0.6 else spells
        known = [s for s in pool if s.title != "official"]
        if known and self.rng.random() < 0.6:
            pool = known
        s = self.rng.choice(pool)
        return s.person, s

    def country(self, cast, avoid=None):
        pool = [c for c in cast if c.etype == "Country" and c is not avoid]
        if not pool or self.rng.random() < 0.3:
            pool = [c for c in self.w.countries if c is not avoid]
        return self.rng.choice(pool)

    def actor(self, sort, day, cast, other=None):
        """(actor, office or None) of the sort a kind asks for."""
        r = self.rng.random()
        avoid_country = other[1].of if other and other[1] else other[0] if other else None
        if sort in ("person", "leader"):
            return self.person(day, cast, sort == "leader", avoid_country)
        if sort == "attacker":
            if r < 0.4 and self.w.groups:
                return self.rng.choice(self.w.groups), None
            # States at war with an insurgency more often than with a state.
            fighting = [c for c in cast if c.iri in self.w.insurgencies]
            if r < 0.8 or not fighting:
                fighting = [c for c in self.w.countries if c.iri in self.w.insurgencies]
            return self.rng.choice(fighting), None
        if sort == "target":
            # Insurgents and the state they fight, mostly; wars between
            # states less often.
            a = other[0]
            if a.etype == "ArmedGroup" and a.country:
                return self.w.actors[a.country], None
            if a.etype == "Country" and r < 0.85 and a.iri in self.w.insurgencies:
                return self.rng.choice(self.w.insurgencies[a.iri]), None
            return self.country(cast, avoid=a), None
        if sort in ("speaker", "donor", "sanctioner"):
            if r < 0.35:
                p = self.person(day, cast, avoid=None)
                if p and sort == "speaker":
                    return p
            if r < 0.55 and sort != "sanctioner":
                return self.rng.choice(self.w.orgs), None
            if r < 0.55 and sort == "sanctioner":
                return self.rng.choice([o for o in self.w.orgs if re.search("Union|Council", o.label)]
                                       or self.w.orgs), None
            return self.country(cast), None
        if sort in ("subject", "addressee"):
            if r < 0.2 and sort == "addressee":
                return self.rng.choice(self.w.orgs), None
            if r < 0.2 and sort == "subject" and self.w.groups:
                return self.rng.choice(self.w.groups), None
            if r < 0.4:
                p = self.person(day, cast, avoid=avoid_country)
                if p:
                    return p
            return self.country(cast, avoid=other[0] if other else None), None
        if sort == "country":
            return self.country(cast, avoid=other[0] if other else None), None
        raise ValueError(sort)

    def capitals_mostly(self, pool):
        """Leaders meet and visit in capitals far more often than elsewhere."""
        capitals = [p for p in pool if p.iri in self.w.capitals]
        return capitals if capitals and self.rng.random() < 0.8 else pool

    def place(self, kind, a, a_role, b, b_role, cast):
        def cities(country_iri):
            return self.w.cities.get(country_iri, [])
        home = lambda actor, role: anchor(actor, role) if actor else None
        if kind == "Visit":
            abroad = [c for c in cast if c.etype == "Country" and c.iri != home(a, a_role)]
            pool = [p for c in abroad for p in cities(c.iri)]
            if not pool or self.rng.random() < 0.3:
                pool = [p for c, ps in sorted(self.w.cities.items()) if c != home(a, a_role) for p in ps]
            return self.rng.choice(self.capitals_mostly(pool))
        if kind == "Attack":
            target = b.country if b.etype == "ArmedGroup" else b.iri
            pool = self.w.battlegrounds.get(target, [])
            return self.rng.choice(pool) if pool else None
        if kind in ("Meeting", "Summit"):
            pool = cities(home(a, a_role)) + cities(home(b, b_role))
            if kind == "Meeting" and pool:
                # "A hosted B in P": the wires put the meeting at home mostly.
                host = cities(home(a, a_role))
                if host and self.rng.random() < 0.7:
                    pool = host
            pool = self.capitals_mostly(pool)
            if not pool or self.rng.random() < 0.05:
                pool = [p for _, ps in sorted(self.w.cities.items()) for p in ps]
            return self.rng.choice(pool)
        return None

    # -- telling apart

    def anchors(self, ev):
        out = {anchor(ev.a, ev.a_role)}
        if ev.b is not None:
            out.add(anchor(ev.b, ev.b_role))
        if ev.place is not None and ev.kind == "Visit":
            out.add(ev.place.country)
        return out

    def fits(self, ev, window, article_events):
        """Would eventline be right to keep `ev` apart from every other event?
        Not if another of its family shares its country-level actors and
        date window (across articles), or one of them (within an article,
        where partial actor lists merge)."""
        fam, mine = family(ev.kind), self.anchors(ev)
        if len(mine) < (1 if ev.b is None else 2):
            return False
        keys = [(fam, frozenset(mine))]
        if ev.kind == "Visit":
            keys.append((fam, frozenset([anchor(ev.a, ev.a_role)])))
        for key in keys:
            if any(overlaps(window, w) for w in self.taken.get(key, ())):
                return False
        for other, w in article_events:
            if family(other.kind) == fam and mine & self.anchors(other) and overlaps(window, w):
                return False
        return True

    def take(self, ev, window):
        keys = [(family(ev.kind), frozenset(self.anchors(ev)))]
        if ev.kind == "Visit":
            keys.append((family(ev.kind), frozenset([anchor(ev.a, ev.a_role)])))
        for key in keys:
            self.taken.setdefault(key, []).append(window)

    # -- telling

    def status_for(self, kind):
        _, _, _, planned, claimed = KINDS[kind]
        r = self.rng.random()
        if r < planned and kind in FUTURE:
            return "Planned"
        if r < planned + claimed and kind in CLAIMED:
            return "Claimed"
        return "Occurred"

    def sentence(self, ev, status, dateline, naming, precise=False):
        templates = {"Planned": FUTURE, "Claimed": CLAIMED}.get(status, PAST)[ev.kind]
        if ev.place is None:
            templates = [t for t in templates if "{p}" not in t]
        elif ev.place.country != anchor(ev.a, ev.a_role):
            # One hosts at home.
            templates = [t for t in templates if " host" not in t]
        if ev.b is None or ev.b.etype != "Country" or not ev.b.demonym_ok:
            templates = [t for t in templates if "{bd}" not in t]
        template = self.rng.choice(templates)
        if status != "Planned" and template.endswith(" {t}.") and self.rng.random() < 0.7:
            # "X on Sunday met Y in Z", the agencies' usual order, as often
            # as "X met Y in Z on Sunday".
            for subject in ("{a} and {b} ", "{a} "):
                if template.startswith(subject):
                    template = subject + "{t} " + template[len(subject):-len(" {t}.")] + "."
                    break
        words, _, window = express(ev.day, dateline, self.rng, precise)
        if ev.kind == "Attack":
            a = naming.as_attacker(ev.a)
        elif ev.kind in ("Statement", "Request", "Threat", "Pledge", "Sanction", "Aid"):
            a = naming.as_subject(ev.a, ev.a_role)
        else:
            a = naming.name(ev.a, ev.a_role)
        b = naming.name(ev.b, ev.b_role) if ev.b is not None else ""
        bd = ev.b.demonym if ev.b is not None else ""
        text = template.format(a=a, b=b, bd=bd, p=ev.place.label if ev.place else "", t=words, x=ev.x,
                               n=ev.n, m=ev.m, k=ev.k)
        return capitalise(text), window, "{p}" in template

    def new_event(self, dateline, cast, article_events, lead=False):
        for _ in range(30):
            kind = pick_weighted(self.rng, self.kinds, lambda k: KINDS[k][0])
            _, sort_a, sort_b, planned, _ = KINDS[kind]
            status = self.status_for(kind)
            day = event_day_for(dateline, self.rng, status == "Planned", lead)
            if day < FIRST_DAY - dt.timedelta(days=60):
                continue
            first = self.actor(sort_a, day, cast)
            if first is None:
                continue
            second = self.actor(sort_b, day, cast, first) if sort_b else (None, None)
            if second is None or second[0] is first[0]:
                continue
            ev = Event(None, kind, first[0], second[0], None, day,
                       self.rng.choice(COMPLEMENTS.get(kind, [""])), first[1], second[1])
            ev.place = self.place(kind, ev.a, ev.a_role, ev.b, ev.b_role, cast)
            if kind in ("Visit", "Meeting", "Summit") and ev.place is None:
                continue
            if kind == "Visit" and ev.place.country == anchor(ev.a, ev.a_role):
                continue
            ev.n = self.rng.randint(2, 5)
            ev.m = "%d million %s" % (self.rng.choice([5, 10, 20, 50, 100, 250]),
                                      self.rng.choice(["dollars", "euros", "dollars"]))
            ev.k = self.rng.choice([12, 40, 150, 300, 1200])
            options = expressions(day, dateline, self.rng)
            # The widest window its tellings could give is what must stay
            # clear of other events.
            window = (min(o[2][0] for o in options), max(o[2][1] for o in options))
            if not self.fits(ev, window, article_events):
                continue
            return ev, status, window
        return None

    def article(self, name, dateline, cast, retell):
        """The paragraphs of one article: events (retold ones among them)
        and fillers."""
        told = []      # (event, widest window) of this article's new events
        fresh = []
        for _ in range(self.rng.randint(4, 8) - len(retell)):
            got = self.new_event(dateline, cast, told, lead=not fresh)
            if got is None:
                continue
            ev, status, window = got
            self.take(ev, window)
            ev.id = "syn-%d" % self.count
            self.count += 1
            told.append((ev, window))
            fresh.append((ev, status, False))
        retold = []
        for ev in retell:
            last = ev.tellings[-1][2]
            status = "Planned" if ev.day > dateline else "Claimed" if last == "Claimed" else "Occurred"
            retold.append((ev, status, self.rng.random() < 0.5))
        # A follow-up leads with what is new and recalls the rest.
        body = fresh[:1] + sorted(fresh[1:] + retold, key=lambda _: self.rng.random())
        # Named in reading order, so the full name and office come first.
        naming = Naming(self.rng)
        sentences, people = [], []
        for ev, status, precise in body:
            text, window, placed = self.sentence(ev, status, dateline, naming, precise)
            ev.tellings.append((name, dateline, status, window, text, placed))
            sentences.append(text)
            people.append([x for x in (ev.a, ev.b) if x is not None and x.etype == "Person" and x.short])
        return self.paragraphs(sentences, people, cast, dateline, naming), [e for e, _, _ in fresh]

    def paragraphs(self, sentences, people, cast, dateline, naming):
        countries = [c for c in cast if c.etype == "Country"]
        c1, c2 = countries[0], countries[-1]
        if not sentences:
            # No event fitted (a crowded week for this cast): a story of
            # background only, as the wires also file.
            sentences, people = ["No further details were immediately available."], [[]]
        slots = [[s] for s in sentences]
        used = set()
        for _ in range(self.rng.randint(3, 6)):
            at = self.rng.randint(1, len(sentences))
            # A quote only from someone the story has already named.
            named = [p for ps in people[:at] for p in ps]
            if named and self.rng.random() < 0.4:
                quote = self.rng.choice(QUOTES)
                f = '"%s," %s %s.' % (quote, self.rng.choice(named).short,
                                     self.rng.choice(["said", "told reporters"]))
            else:
                quote = self.rng.choice(FILLERS)
                f = quote.format(
                    c1=naming.name(c1), c2=naming.name(c2), e1=possessive(c1, "economy"),
                    r1=possessive(c1, "currency"),
                    y=self.rng.randint(dateline.year - 12, dateline.year - 1), k=self.rng.randint(2, 9))
            if quote in used:
                continue
            used.add(quote)
            slots[at - 1].append(capitalise(f))
        rest = [x for slot in slots for x in slot]
        out = [rest.pop(0)]
        while rest:
            take = 1 if self.rng.random() < 0.6 else 2
            out.append(" ".join(rest[:take]))
            rest = rest[take:]
        return out

    def generate(self, count):
        """Stories of one to four articles a few days apart, until `count`
        articles; yields (name, dateline, paragraphs)."""
        width = max(6, len(str(count - 1)))
        span = (LAST_DAY - FIRST_DAY).days
        index = 0
        while index < count:
            length = pick_weighted(self.rng, [1, 2, 3, 4], lambda n: [40, 30, 20, 10][n - 1])
            day = FIRST_DAY + dt.timedelta(days=self.rng.randrange(span))
            weight = lambda c: self.w.country_weight[c.iri]
            c1 = pick_weighted(self.rng, self.w.countries, weight)
            c2 = pick_weighted(self.rng, [c for c in self.w.countries if c is not c1], weight)
            cast = [c1, c2]
            story = []
            for k in range(min(length, count - index)):
                if k:
                    day += dt.timedelta(days=self.rng.randint(0, 3))
                name = "SYN_ENG_%s.%0*d.txt" % (day.strftime("%Y%m%d"), width, index)
                index += 1
                retell = self.rng.sample(story, min(len(story), self.rng.randint(2, 3))) if k else []
                paras, new = self.article(name, day, cast, retell)
                story.extend(new)
                yield name, day, paras
            # A story's events are told for good once it ends: only the
            # gold needs them after that.
            for e in story:
                self.told += 1
                self.tellings += len(e.tellings)
                self.retold += len({t[0] for t in e.tellings}) > 1
            if self.keep:
                self.events.extend(story)


def gold(events, documents, seed, count):
    out = []
    for ev in events:
        if not ev.tellings:
            continue
        windows = [t[3] for t in ev.tellings]
        window = (max(w[0] for w in windows), min(w[1] for w in windows))
        latest = max(ev.tellings, key=lambda t: (t[1], t[0]))
        participants = [ev.a.keys()] + ([ev.b.keys()] if ev.b is not None else [])
        out.append({
            "id": ev.id,
            "core": True,
            "type": ev.kind,
            "participants": participants,
            "date": [window[0].isoformat(), window[1].isoformat()],
            "place": ev.place.keys() if any(t[5] for t in ev.tellings) else None,
            "status": latest[2],
            "documents": sorted({t[0] for t in ev.tellings}),
            "evidence": ev.tellings[0][4],
        })
    return {
        "about": "Synthetic gold written by bench/synth.py --seed %d --articles %d: every "
                 "event the generator told, one per real event however many articles tell it "
                 "(date: the narrowest window the tellings give; status: the latest article's)."
                 % (seed, count),
        "documents": documents,
        "events": out,
    }


def kinds_known(repo):
    kinds = set()
    for line in open(os.path.join(repo, "src", "extract", "data", "triggers.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            kinds.add(line.split("\t", 1)[0])
    return kinds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--gold", help="also write the generated events as gold JSON here")
    args = ap.parse_args()
    if args.articles < 1:
        sys.exit("--articles must be at least 1")
    kinds = kinds_known(REPO)
    missing = sorted(set(KINDS) - kinds)
    if missing:
        sys.stderr.write("synth: triggers.tsv lacks %s; not generated\n" % ", ".join(missing))
    world = World(REPO)
    gen = Generator(world, kinds, args.seed, keep=bool(args.gold))
    os.makedirs(args.out_dir, exist_ok=True)
    documents = {}
    for name, day, paras in gen.generate(args.articles):
        text = " date %s %s\n" % (day.isoformat(), "\n\n".join(paras))
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8") as f:
            f.write(text)
        if args.gold:
            documents[name] = {"published": day.isoformat()}
    sys.stderr.write("synth: %d articles, %d events (%d told by several articles, %.0f%%), %d tellings\n"
                     % (args.articles, gen.told, gen.retold, 100.0 * gen.retold / max(1, gen.told),
                        gen.tellings))
    if args.gold:
        with open(args.gold, "w", encoding="utf-8") as f:
            json.dump(gold(gen.events, documents, args.seed, args.articles), f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
