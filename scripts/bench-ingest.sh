#!/usr/bin/env bash
# Ingest throughput, store size and query latency on the wire-story corpus
# replicated to at least 50 MB (each copy gets new article ids, so nothing is
# skipped as unchanged). Usage:
#   scripts/bench-ingest.sh [CORPUS_DIR] [COPIES]
# Defaults: ../shared/corpus/afp-xin, 13 copies (~51 MB). Needs a release build.
set -euo pipefail
corpus=${1:-../shared/corpus/afp-xin}
copies=${2:-13}
bin=${EVENTLINE_BIN:-target/release/eventline}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$copies"); do
  mkdir -p "$work/corpus/c$i"
  for f in "$corpus"/*; do cp "$f" "$work/corpus/c$i/$(basename "$f" .txt)-c$i.txt"; done
done
bytes=$(du -sb "$work/corpus" | cut -f1)
articles=$(find "$work/corpus" -type f | wc -l)
echo "corpus: $articles articles, $bytes bytes"
start=$(date +%s.%N)
/usr/bin/time -f "peak RSS %M KB" "$bin" ingest --quiet --store "$work/store" "$work/corpus"
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc -l)
printf 'ingest: %.1f s, %.2f MB/s, %.0f articles/s\n' "$secs" "$(echo "$bytes / 1000000 / $secs" | bc -l)" "$(echo "$articles / $secs" | bc -l)"
echo "store size: $(du -sh "$work/store" | cut -f1)"
"$bin" stats --store "$work/store" | head -4
for q in queries/*.rq; do
  grep -q "NEEDS NETWORK" "$q" && continue
  best=999
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    if ! timeout 120 "$bin" query --store "$work/store" --format json "$q" > /dev/null; then
      best=timeout; break
    fi
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l); best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  if [ "$best" = timeout ]; then printf 'query %-40s over 120 s\n' "$q"; else printf 'query %-40s best of 3: %.3f s\n' "$q" "$best"; fi
done
