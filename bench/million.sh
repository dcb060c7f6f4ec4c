#!/usr/bin/env bash
# The store at a given number of events (issue 14): a synthetic corpus
# (bench/synth.py) sized to give about EVENTS merged events, ingested into a
# fresh store, then
#   - ingest time, articles/s, MB/s and peak RSS (/usr/bin/time -f %M);
#   - the merged events (?e a evl:Event) against the target;
#   - the store's size on disk;
#   - every curated query's time (best of 3, as bench/scale.sh times them).
# Everything lives under target/bench (never committed): the corpus, the store.
# Usage: bench/million.sh [EVENTS]   (default 1000000)
# Environment: EVENTLINE_BIN (default target/release/eventline), SYNTH_SEED
# (default 1), QUERY_TIMEOUT seconds per query run (default 600).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
bin=${EVENTLINE_BIN:-target/release/eventline}
seed=${SYNTH_SEED:-1}
limit=${QUERY_TIMEOUT:-600}
work=target/bench
[ -x "$bin" ] || { echo "no eventline binary at $bin (set EVENTLINE_BIN or cargo build --release)" >&2; exit 2; }

# Merged events per synthetic article, measured on 2,000 articles of seed 1
# (BENCHMARKS.md, "Synthetic corpus"): the corpus is sized by it, and the
# count printed below says how close that came.
per_article=4.69
articles=$(python3 -c "import math,sys; print(max(1, math.ceil($events / $per_article)))")
corpus=$work/synth-s$seed-$articles
store=$work/store-synth-$articles

# The same helpers as bench/scale.sh.
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }
size() { du -sb "$1" | cut -f1; }
mb() { printf '%.1f MB' "$(echo "$1 / 1000000" | bc -l)"; }

mkdir -p "$work"
if [ ! -d "$corpus" ]; then
  t0=$(now)
  python3 bench/synth.py "$corpus.tmp" --articles "$articles" --seed "$seed"
  mv "$corpus.tmp" "$corpus"
  printf 'generated in %.1f s\n' "$(secs "$t0" "$(now)")"
fi
bytes=$(size "$corpus")
echo "corpus: $articles synthetic articles (seed $seed), $(mb "$bytes"), for $events events at $per_article a article"
echo "eventline $("$bin" --version | cut -d' ' -f2), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

rm -rf "$store"
t0=$(now)
# Not --quiet: its closing lines say how much of the time derivation took.
/usr/bin/time -f '%M' -o "$work/rss-synth" "$bin" ingest --store "$store" "$corpus" 2>&1 | tail -2 | sed 's/^/  /'
t1=$(now)
ingest=$(secs "$t0" "$t1")
printf 'ingest: %.1f s = %.2f MB/s, %.0f articles/s, peak RSS %d MB\n' "$ingest" \
  "$(echo "$bytes / 1000000 / $ingest" | bc -l)" "$(echo "$articles / $ingest" | bc -l)" \
  "$(( $(tail -1 "$work/rss-synth") / 1024 ))"

count=$("$bin" query --store "$store" --format csv \
  -e 'PREFIX evl: <https://w3id.org/eventline/ontology#> SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a evl:Event }' | tail -1 | tr -d '\r')
printf 'merged events: %d (target %d, %.2f a article)\n' "$count" "$events" "$(echo "$count / $articles" | bc -l)"
echo "store size: $(mb "$(size "$store")")"

for q in queries/*.rq; do
  grep -q "NEEDS NETWORK" "$q" && continue
  best=999999
  for _ in 1 2 3; do
    s=$(now)
    rows=$(timeout "$limit" "$bin" query --store "$store" --format csv "$q" | wc -l) || { best=timeout; break; }
    t=$(secs "$s" "$(now)"); best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  if [ "$best" = timeout ]; then printf 'query %-28s over %d s\n' "$(basename "$q")" "$limit"
  else printf 'query %-28s %8.3f s  %8d rows\n' "$(basename "$q")" "$best" "$((rows - 1))"; fi
done
