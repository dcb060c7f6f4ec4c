#!/usr/bin/env bash
# Merge cost against store size: ingests 1,250 / 2,500 / 5,000 / 10,000
# articles into fresh stores and reports the time spent deriving merged
# events (clustering every block's mentions) and lifting relations, then the
# cost of adding one more article to the full store (its blocks re-derived).
#
# The articles are the wire-story corpus replicated with each copy's dateline
# moved 364 days later per copy (weekdays stay right), so a copy is a later
# year of similar news: blocks grow with the store as they do in a long
# follow-up, and events do not collapse into the originals. Usage:
#   scripts/bench-merge.sh [CORPUS_DIR] [SIZES...]
# Defaults: ../shared/corpus/afp-xin, 1250 2500 5000 10000. Needs a release build.
set -euo pipefail
corpus=${1:-../shared/corpus/afp-xin}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1250 2500 5000 10000)
bin=${EVENTLINE_BIN:-target/release/eventline}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
extra=examples/articles/000_2422c1bc8e90a2b2.txt

printf '%8s %10s %12s %10s %14s %14s\n' articles mentions "ingest s" blocks "events s" "relations s"
for n in "${sizes[@]}"; do
  python3 - "$corpus" "$work/c$n" "$n" <<'PY'
import datetime, os, re, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst)
files = sorted(os.listdir(src))
made, copy = 0, 0
while made < n:
    for f in files:
        if made >= n:
            break
        text = open(os.path.join(src, f), encoding="utf-8", errors="replace").read()
        m = re.match(r" date (\d{4}-\d{2}-\d{2})", text)
        if m and copy:
            d = datetime.date.fromisoformat(m.group(1)) + datetime.timedelta(days=364 * copy)
            text = f" date {d.isoformat()}" + text[m.end():]
        open(os.path.join(dst, f"{f[:-4]}-c{copy}.txt"), "w", encoding="utf-8").write(text)
        made += 1
    copy += 1
PY
  log=$("$bin" ingest --store "$work/s$n" "$work/c$n" 2>&1 >/dev/null | tail -2)
  mentions=$(echo "$log" | grep -Eo '[0-9]+ event mention' | grep -Eo '^[0-9]+')
  took=$(echo "$log" | grep -Eo 'took [0-9.]+' | grep -Eo '[0-9.]+$')
  blocks=$(echo "$log" | grep -Eo 'events of [0-9]+' | grep -Eo '[0-9]+$')
  ev=$(echo "$log" | grep -Eo 'derived in [0-9.]+' | grep -Eo '[0-9.]+$')
  rel=$(echo "$log" | grep -Eo 'relations[^,]* in [0-9.]+' | grep -Eo '[0-9.]+$')
  printf '%8s %10s %12s %10s %14s %14s\n' "$n" "$mentions" "$took" "$blocks" "$ev" "$rel"
  # One more article into the full store: only its blocks are re-derived.
  one=$("$bin" ingest --store "$work/s$n" "$extra" 2>&1 >/dev/null | tail -1)
  echo "         + 1 article: $one"
  rm -rf "$work/c$n" "$work/s$n"
done
