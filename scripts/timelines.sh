#!/usr/bin/env bash
# Regenerates the timelines shown in the README: the seed timeline, the
# seed timeline with actor lanes, and a 200+ event timeline of diplomacy in
# the wire-story corpus (Oct 2005 - Dec 2006). Needs a release build and
# Graphviz; the corpus is read from ../shared/corpus/afp-xin.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/eventline
seeds=$(mktemp -d); corpus=$(mktemp -d)
trap 'rm -rf "$seeds" "$corpus"' EXIT
"$bin" ingest -q --store "$seeds/store" examples/articles
"$bin" timeline --store "$seeds/store" --title "Two articles of 2025-10-17" -o output/timeline.png
"$bin" timeline --store "$seeds/store" --lanes actor --title "Two articles of 2025-10-17, by actor" -o output/timeline-actors.png
"$bin" ingest -q --store "$corpus/store" "${1:-../shared/corpus/afp-xin}"
"$bin" timeline --store "$corpus/store" --from 2005-10-01 --to 2006-12-31 \
  --kind Summit --kind Meeting --kind PhoneCall --kind Visit --kind Negotiation \
  --title "Diplomacy in 1,357 Xinhua and 1,065 AFP stories, Oct 2005 - Dec 2006" -o output/timeline-corpus.png
"$bin" timeline --store "$corpus/store" --from 2005-10-01 --to 2006-12-31 \
  --kind Summit --kind Meeting --kind PhoneCall --kind Visit --kind Negotiation -o output/timeline-corpus.svg
