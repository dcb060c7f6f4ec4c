#!/usr/bin/env bash
# Coverage-guided fuzzing of eventline's pure pipeline (cargo-fuzz / libFuzzer).
#
#   scripts/fuzz.sh [TARGET] [SECONDS]
#
#   scripts/fuzz.sh                 # every target, 600 s each, one after another
#   scripts/fuzz.sh timex           # one target, 600 s
#   scripts/fuzz.sh extract 60      # one target, 60 s
#   scripts/fuzz.sh all 120         # every target, 120 s each
#   scripts/fuzz.sh seeds           # only (re)build the seed corpora
#   scripts/fuzz.sh replay          # run every input kept in fuzz/regressions/
#
# Targets (fuzz/fuzz_targets/): readers (every article reader and the
# mojibake repair), jsonl (the JSON Lines reader), timex (the temporal
# tagger, publication dates, TIMEX3 windows), extract (extraction with the
# built-in gazetteer and the RDF mapping).
#
# Needs the nightly toolchain (`rustup toolchain install nightly`); installs
# cargo-fuzz from crates.io when it is missing. The fuzz crate builds
# eventline without its default "store" feature, so RocksDB is never
# compiled. Seed corpora are made from examples/articles and tests/data into
# fuzz/corpus/<target>/ (not committed); libFuzzer adds what it finds there.
# Crashes land in fuzz/artifacts/<target>/; minimise one with
#   cargo +nightly fuzz tmin <target> fuzz/artifacts/<target>/crash-...
# and keep it as fuzz/regressions/<target>/<name> (replay one with
#   cargo +nightly fuzz run <target> fuzz/regressions/<target>/<name>).
# An input that runs longer than FUZZ_TIMEOUT seconds is a finding too.
#
# Environment: FUZZ_JOBS (parallel libFuzzer jobs, default 1), FUZZ_RSS_MB
# (default 4096), FUZZ_MAX_LEN (default 65536), FUZZ_TIMEOUT (seconds one
# input may take, default 30), FUZZ_SANITIZER (address,
# the default, or none), FUZZ_ARGS (more libFuzzer flags). Runs under
# `nice -n 10`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

targets=(readers jsonl timex extract)
target=${1:-all}
secs=${2:-600}
case "$target" in
  all | seeds | replay) ;;
  readers | jsonl | timex | extract) targets=("$target") ;;
  -h | --help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
  *) echo "unknown target '$target' (one of: ${targets[*]}, all, seeds, replay)" >&2; exit 2 ;;
esac

build_seeds() {
  local c=$root/fuzz/corpus
  mkdir -p "$c"/{readers,jsonl,timex,extract}
  if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 missing: seeding with the plain article files only" >&2
    for f in examples/articles/* tests/data/merge/articles/* tests/data/syndicated/*; do
      [ -f "$f" ] || continue
      cp "$f" "$c/extract/$(basename "$f")"
      { printf '\x00'; cat "$f"; } >"$c/readers/$(basename "$f")"
    done
    cp tests/data/articles/*.jsonl "$c/jsonl/" 2>/dev/null || true
    return
  fi
  python3 - "$root" <<'PY'
import datetime, glob, json, os, sys

root = sys.argv[1]
corpus = os.path.join(root, "fuzz", "corpus")
EPOCH = datetime.date(1900, 1, 1)
SPAN = 73415  # days from 1900-01-01 to 2100-12-31 inclusive, as in fuzz_targets/timex.rs
# Readers selector byte (fuzz_targets/readers.rs): 0 .txt, 1 .json, 2 .jsonl, 4 stdin.
TXT, JSON, JSONL, STDIN = 0, 1, 2, 4

def put(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(corpus, target, name), "wb") as f:
        f.write(data)

def dct_prefix(date):
    try:
        d = datetime.date.fromisoformat(date)
    except (TypeError, ValueError):
        d = datetime.date(2025, 10, 17)
    n = (d - EPOCH).days % SPAN
    return bytes([n >> 16 & 255, n >> 8 & 255, n & 255])

def rel(p):
    return os.path.relpath(p, root)

# Articles: seed format (" date YYYY-MM-DD ...") and plain text.
articles = sorted(glob.glob(os.path.join(root, "examples/articles/*"))
                  + glob.glob(os.path.join(root, "tests/data/merge/articles/*"))
                  + glob.glob(os.path.join(root, "tests/data/syndicated/*")))
lines = []
for i, p in enumerate(articles):
    raw = open(p, "rb").read()
    name = "art%02d" % i
    put("extract", name, raw)
    put("readers", name, bytes([TXT]) + raw)
    text = raw.decode("utf-8", "replace")
    date = None
    body = text
    head = text.lstrip(" \t")
    if head.startswith("date "):
        date = head[5:].strip()[:10]
        body = head[5:].strip()[10:].lstrip(" \t")
    put("timex", name, dct_prefix(date) + body[:8192].encode("utf-8"))
    rec = {"id": os.path.basename(p), "published": date, "text": body}
    lines.append(json.dumps(rec, ensure_ascii=False))
jl = "\n".join(lines[:4]) + "\n"
put("jsonl", "articles.jsonl", jl)
put("readers", "articles.jsonl", bytes([JSONL]) + jl.encode("utf-8"))
put("readers", "articles.stdin", bytes([STDIN]) + jl.encode("utf-8"))

# JSON Lines files shipped with the tests.
for p in sorted(glob.glob(os.path.join(root, "tests/data/**/*.jsonl"), recursive=True)):
    raw = open(p, "rb").read()
    name = os.path.basename(p)
    put("jsonl", name, raw)
    put("readers", name, bytes([JSONL]) + raw)
    put("readers", name + ".json", bytes([JSON]) + raw)

# Extraction cases: one short dated text each, for every target.
n = 0
for p in sorted(glob.glob(os.path.join(root, "tests/data/extraction/*.json"))):
    cases = json.load(open(p, encoding="utf-8"))
    stem = os.path.splitext(os.path.basename(p))[0]
    block = []
    for j, case in enumerate(cases):
        text, date = case.get("text"), case.get("date")
        if not text:
            continue
        name = "%s%02d" % (stem, j)
        seed = (" date %s %s" % (date, text)) if date else text
        put("extract", name, seed)
        put("timex", name, dct_prefix(date) + text.encode("utf-8"))
        if n % 3 == 0:
            put("readers", name, bytes([TXT]) + seed.encode("utf-8"))
        n += 1
        rec = {"id": name, "text": text}
        if date:
            rec["published"] = date + ("T10:00:00Z" if j % 2 else "")
        if j % 4 == 1:
            rec["title"] = case.get("name", "")
            rec["url"] = "https://example.org/" + name
        block.append(json.dumps(rec, ensure_ascii=j % 2 == 0))
    put("jsonl", stem + ".jsonl", "\n".join(block) + "\n")
    put("readers", stem + ".jsonl", bytes([JSONL]) + ("\n".join(block[:6]) + "\n").encode("utf-8"))

# A few hand-made edge cases.
put("readers", "mojibake", bytes([TXT]) + "todayâ€™s call in ZÃ¼rich, cafÃ©".encode("utf-8"))
put("readers", "latin1", bytes([TXT]) + b"caf\xe9 talks on Monday")
put("readers", "bom", bytes([TXT]) + "\ufeff date 2025-10-17 Putin spoke.".encode("utf-8"))
put("jsonl", "bad.jsonl", '{"id":1,"text":"a"}\n{broken\n\n{"id":"c"}\n{"text":"  "}\n')
put("timex", "stamps", dct_prefix("2025-10-17") + "Last Updated : Oct 17 2025 | 12:14 AM IST\nFirst Published: Oct 16, 2025 11:02 PM EDT\nBEIJING, April 1 (AFP) - On Thursday, two days later, the third quarter, the 1990s, winter 2025, 2025-W43, May 8-10.".encode("utf-8"))
print("corpus files (seeds and finds):", ", ".join("%s %d" % (t, len(os.listdir(os.path.join(corpus, t))))
                                 for t in ("readers", "jsonl", "timex", "extract")))
PY
}

[ "$target" = replay ] || build_seeds
[ "$target" = seeds ] && exit 0

if ! command -v cargo-fuzz >/dev/null 2>&1 && ! [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-fuzz" ]; then
  echo "installing cargo-fuzz from crates.io" >&2
  cargo install cargo-fuzz
fi
rustup toolchain list 2>/dev/null | grep -q '^nightly' || {
  echo "cargo-fuzz needs the nightly toolchain: rustup toolchain install nightly" >&2
  exit 1
}

san=${FUZZ_SANITIZER:-address}
status=0
if [ "$target" = replay ]; then
  for t in "${targets[@]}"; do
    inputs=(fuzz/regressions/"$t"/*)
    [ -e "${inputs[0]}" ] || continue
    echo "== replaying ${#inputs[@]} input(s) of $t" >&2
    nice -n 10 cargo +nightly fuzz run -s "$san" "$t" "${inputs[@]}" -- \
      -timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb="${FUZZ_RSS_MB:-4096}" || status=1
  done
  exit $status
fi
for t in "${targets[@]}"; do
  echo "== fuzzing $t for ${secs}s (sanitizer: $san)" >&2
  # libFuzzer's -jobs=N (N > 1) runs N processes that log to fuzz-*.log;
  # without it there is one process logging here.
  par=()
  if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then par=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"); fi
  # shellcheck disable=SC2086
  if ! nice -n 10 cargo +nightly fuzz run -s "$san" "$t" -- \
    -max_total_time="$secs" -rss_limit_mb="${FUZZ_RSS_MB:-4096}" -timeout="${FUZZ_TIMEOUT:-30}" \
    -max_len="${FUZZ_MAX_LEN:-65536}" "${par[@]}" -print_final_stats=1 ${FUZZ_ARGS:-}; then
    echo "== $t: libFuzzer stopped on a finding; see fuzz/artifacts/$t/" >&2
    status=1
  fi
done
exit $status
