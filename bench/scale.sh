#!/usr/bin/env bash
# Speed and scale in one run (issue 14): the wire corpus copied COPIES times
# (new article ids per copy, so nothing is skipped as unchanged), then
#   - extraction alone (`extract --format nquads`: reading, extraction and
#     the RDF mapping, no store), and `extract --format json` for reference;
#   - ingest into a fresh store (extract + store + derive), peak memory;
#   - the store's share (ingest - extraction) against pyoxigraph's
#     `bulk_load` of the same store's exported N-Quads into RocksDB, and
#     the ratio;
#   - `load` of the extracted N-Quads into another fresh store, checked to
#     export the same quads as the ingest;
#   - store sizes, and every curated query's time (best of 3);
#   - `ingest --compact` of the same corpus into the ingest store (nothing
#     changed, so only the rewrite), its time and the store's size then.
# Everything lives under target/bench (never committed): the corpus, a
# virtualenv with pyoxigraph from PyPI, the stores.
# Usage: bench/scale.sh [COPIES] [CORPUS_DIR]   (defaults: 5, ../shared/corpus/afp-xin)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-5}
src=${2:-../shared/corpus/afp-xin}
bin=${EVENTLINE_BIN:-target/release/eventline}
work=target/bench
corpus=$work/corpus${copies}x
mkdir -p "$work"
[ -x "$bin" ] || cargo build --release
if [ ! -d "$corpus" ]; then
  for i in $(seq 1 "$copies"); do
    mkdir -p "$corpus/c$i"
    for f in "$src"/*; do cp "$f" "$corpus/c$i/$(basename "$f" .txt)-c$i.txt"; done
  done
fi
if [ ! -x "$work/venv/bin/python" ] || ! "$work/venv/bin/python" -c 'import pyoxigraph' 2>/dev/null; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q pyoxigraph
fi
py=$work/venv/bin/python

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }
size() { du -sb "$1" | cut -f1; }
mb() { printf '%.1f MB' "$(echo "$1 / 1000000" | bc -l)"; }

bytes=$(size "$corpus")
articles=$(find "$corpus" -type f | wc -l)
echo "corpus: $articles articles, $(mb "$bytes") ($copies copies of $src)"
echo "eventline $("$bin" --version | cut -d' ' -f2), pyoxigraph $("$py" -c 'import pyoxigraph; print(pyoxigraph.__version__)'), $(nproc) cores"

t0=$(now); "$bin" extract --format json "$corpus" > /dev/null; t1=$(now)
json=$(secs "$t0" "$t1")
t0=$(now); "$bin" extract --format nquads "$corpus" > "$work/extract.nq"; t1=$(now)
extract=$(secs "$t0" "$t1")
printf 'extraction (extract --format nquads): %.2f s = %.1f MB/s (extract --format json: %.2f s)\n' \
  "$extract" "$(echo "$bytes / 1000000 / $extract" | bc -l)" "$json"

rm -rf "$work/store-ingest" "$work/store-load" "$work/store-pyoxigraph"
t0=$(now)
/usr/bin/time -f '%M' -o "$work/rss" "$bin" ingest --quiet --store "$work/store-ingest" "$corpus"
t1=$(now)
ingest=$(secs "$t0" "$t1")
printf 'ingest: %.2f s = %.2f MB/s, %.0f articles/s, peak RSS %d MB\n' "$ingest" \
  "$(echo "$bytes / 1000000 / $ingest" | bc -l)" "$(echo "$articles / $ingest" | bc -l)" "$(( $(cat "$work/rss") / 1024 ))"
store_share=$(echo "$ingest - $extract" | bc -l)

"$bin" export --quiet --format nquads --store "$work/store-ingest" -o "$work/export.nq" 2>/dev/null
quads=$(wc -l < "$work/export.nq")
bulk=$("$py" - "$work/store-pyoxigraph" "$work/export.nq" <<'PY'
import sys, time, pyoxigraph
store = pyoxigraph.Store(sys.argv[1])
t = time.perf_counter()
store.bulk_load(path=sys.argv[2], format=pyoxigraph.RdfFormat.N_QUADS)
store.flush()
print(time.perf_counter() - t)
PY
)
printf "store's share (ingest - extraction): %.2f s; pyoxigraph bulk_load of the same %d quads: %.2f s; ratio %.2f\n" \
  "$store_share" "$quads" "$bulk" "$(echo "$store_share / $bulk" | bc -l)"

t0=$(now); "$bin" load --quiet --store "$work/store-load" "$work/extract.nq"; t1=$(now)
printf 'load of the extracted N-Quads (%s): %.2f s\n' "$(mb "$(size "$work/extract.nq")")" "$(secs "$t0" "$t1")"
"$bin" export --quiet --format nquads --store "$work/store-load" | sort > "$work/load-sorted.nq"
sort "$work/export.nq" > "$work/export-sorted.nq"
if cmp -s "$work/load-sorted.nq" "$work/export-sorted.nq"; then echo "load and ingest stores: the same quads"
else echo "load and ingest stores DIFFER"; fi

ingest_size=$(size "$work/store-ingest"); bulk_size=$(size "$work/store-pyoxigraph")
printf 'store size: ingest %s, load %s, pyoxigraph bulk_load %s (ingest/bulk %.2f)\n' "$(mb "$ingest_size")" \
  "$(mb "$(size "$work/store-load")")" "$(mb "$bulk_size")" "$(echo "$ingest_size / $bulk_size" | bc -l)"

for q in queries/*.rq; do
  grep -q "NEEDS NETWORK" "$q" && continue
  best=999
  for _ in 1 2 3; do
    s=$(now)
    rows=$(timeout 60 "$bin" query --store "$work/store-ingest" --format csv "$q" | wc -l) || { best=timeout; break; }
    t=$(secs "$s" "$(now)"); best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  if [ "$best" = timeout ]; then printf 'query %-28s over 60 s\n' "$(basename "$q")"
  else printf 'query %-28s %6.3f s  %6d rows\n' "$(basename "$q")" "$best" "$((rows - 1))"; fi
done

t0=$(now); "$bin" ingest --quiet --compact --store "$work/store-ingest" "$corpus"; t1=$(now)
compact_size=$(size "$work/store-ingest")
printf 'ingest --compact of the same corpus (a rewrite only): %.2f s; store %s (compacted/bulk %.2f)\n' \
  "$(secs "$t0" "$t1")" "$(mb "$compact_size")" "$(echo "$compact_size / $bulk_size" | bc -l)"
