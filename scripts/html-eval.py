#!/usr/bin/env python3
"""Saved web pages: publication-date accuracy against a gold list, and the
main text of a sample of pages side by side with the page.

Usage:
  scripts/html-eval.py dates [CORPUS_DIR] [EVENTLINE_BIN]
  scripts/html-eval.py text  [CORPUS_DIR] [N] [EVENTLINE_BIN]

CORPUS_DIR (default ../shared/corpus/html) holds pages/*.html and
gold_dates.tsv (file, published, url). The pages are read by
`eventline extract --format json` exactly as `ingest` reads them; the date
is the article's publication date and its method. A page is English when
its <html lang> says so, or, without one, when English function words make
up 8% of its main text. The corpus itself is never committed."""
import collections, json, os, re, subprocess, sys

mode = sys.argv[1] if len(sys.argv) > 1 else "dates"
corpus = sys.argv[2] if len(sys.argv) > 2 else "../shared/corpus/html"
binary = os.environ.get("EVENTLINE_BIN", "target/release/eventline")

def read_pages():
    pages = os.path.join(corpus, "pages")
    out = subprocess.run([binary, "extract", "--format", "json", pages],
                         capture_output=True, text=True)
    got = {}
    for line in out.stdout.splitlines():
        a = json.loads(line)
        got[a["article"]] = a
    skipped = [l for l in out.stderr.splitlines() if l.startswith("skipped")]
    return got, skipped

FUNCTION_WORDS = {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "said"}

def is_english(path, text):
    head = open(path, "rb").read(20000).decode("latin-1").lower()
    m = re.search(r'<html[^>]*\blang\s*=\s*["\']?([a-z]{2})', head)
    if m:
        return m.group(1) == "en"
    words = re.findall(r"[a-z]+", (text or "").lower())
    return bool(words) and sum(w in FUNCTION_WORDS for w in words) / len(words) > 0.08

def dates():
    gold = {}
    with open(os.path.join(corpus, "gold_dates.tsv")) as f:
        next(f)
        for line in f:
            name, published, url = line.rstrip("\n").split("\t")
            gold[name] = published
    got, skipped = read_pages()
    rows = collections.Counter()
    by_method = collections.defaultdict(lambda: [0, 0])
    for name, want in gold.items():
        a = got.get(name)
        text = a["text"] if a else ""
        english = is_english(os.path.join(corpus, "pages", name), text)
        found = a and a["extraction"]["dates"]["published"]
        method = a["extraction"]["dates"]["method"] if a else "unread"
        for group in ("all", "english") if english else ("all",):
            rows[(group, "pages")] += 1
            if not found:
                rows[(group, "undecided")] += 1
            elif found == want:
                rows[(group, "right")] += 1
            else:
                rows[(group, "wrong")] += 1
        if found:
            by_method[method][0] += 1
            by_method[method][1] += found == want
    print("group    pages  right  wrong  undecided  accuracy  accuracy-when-decided")
    for group in ("all", "english"):
        n, r, w, u = (rows[(group, k)] for k in ("pages", "right", "wrong", "undecided"))
        print(f"{group:8} {n:5}  {r:5}  {w:5}  {u:9}  {r / n:8.1%}  {r / max(r + w, 1):8.1%}")
    print("\nmethod                               found  right")
    for m, (n, r) in sorted(by_method.items(), key=lambda x: -x[1][0]):
        print(f"{m:36} {n:5}  {r:5}")
    for s in skipped:
        print(s, file=sys.stderr)

def text():
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    got, _ = read_pages()
    for name in sorted(got)[:: max(1, len(got) // n)][:n]:
        a = got[name]
        print(f"=== {name}  title={a['title']!r}  url={a['url']!r}")
        print(a["text"][:1500])
        print()

{"dates": dates, "text": text}[mode]()
