#!/usr/bin/env python3
"""Event typing on PLOVER's gold sentences: run the extractor on each
sentence and compare the PLOVER type our event kind maps to (the mapping of
ontology/eventline.ttl) with the gold type.

Usage: scripts/plover-eval.py [GOLD_JSON] [EVENTLINE_BIN]
Gold types of the 2016 records are read as PLOVER 2021 types (DEMAND ->
REQUEST, DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT). A sentence counts as
right when the first event extracted from it maps to its gold type."""
import collections, json, os, subprocess, sys, tempfile

gold_path = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/plover/PLOVER_GSR_CAMEO.json"
binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/eventline"

KIND_TO_PLOVER = {
    "PhoneCall": "CONSULT", "Meeting": "CONSULT", "Summit": "CONSULT", "Visit": "CONSULT",
    "Negotiation": "CONSULT", "Consultation": "CONSULT", "Attack": "ASSAULT", "Pledge": "AGREE",
    "Agreement": "SUPPORT", "Threat": "THREATEN", "Request": "REQUEST", "Aid": "AID",
    "Sanction": "COERCE", "Ceasefire": "RETREAT", "Accusation": "ACCUSE", "Statement": None,
}
OLD_TO_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
MODELLED = {"CONSULT", "ASSAULT", "AGREE", "SUPPORT", "THREATEN", "REQUEST", "AID", "COERCE",
            "RETREAT", "ACCUSE", "SANCTION"}

records = [r for r in json.load(open(gold_path)) if r.get("text") and r["event"] != "DOCUMENT"]
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    for r in records:
        f.write(json.dumps({"id": r["id"], "published": r.get("date", "2000-01-01"),
                            "text": r["text"]}) + "\n")
    path = f.name
out = subprocess.run([binary, "extract", "--format", "json", path], capture_output=True,
                     text=True, check=True).stdout
os.unlink(path)
predicted = {}
for line in out.splitlines():
    a = json.loads(line)
    ms = sorted(a["extraction"]["mentions"], key=lambda m: m["evidence"][0]["start"])
    predicted[a["article"]] = KIND_TO_PLOVER.get(ms[0]["kind"]) if ms else None

per_type = collections.defaultdict(lambda: [0, 0])
confusion = collections.Counter()
right = found = modelled_n = modelled_right = 0
for r in records:
    gold = OLD_TO_2021.get(r["event"], r["event"])
    pred = predicted.get(r["id"])
    ok = pred == gold or (gold == "SANCTION" and pred == "COERCE")
    right += ok
    found += pred is not None
    per_type[gold][0] += 1
    per_type[gold][1] += ok
    if gold in MODELLED:
        modelled_n += 1
        modelled_right += ok
    if not ok:
        confusion[(gold, pred or "none")] += 1
n = len(records)
print(f"sentences: {n}; with an extracted event: {found} ({found / n:.0%})")
print(f"type accuracy, all sentences: {right}/{n} = {right / n:.2f}")
print(f"type accuracy, gold types eventline models: {modelled_right}/{modelled_n} = {modelled_right / modelled_n:.2f}")
print(f"precision of the types given (right / sentences with an event): {right / max(found, 1):.2f}")
print("per gold type (right/total):")
for t, (total, ok) in sorted(per_type.items(), key=lambda x: -x[1][0]):
    print(f"  {t:<12} {ok:>3}/{total:<3}{'' if t in MODELLED else '  (not modelled)'}")
print("most frequent confusions (gold -> predicted):")
for (g, p), c in confusion.most_common(10):
    print(f"  {g} -> {p}: {c}")
