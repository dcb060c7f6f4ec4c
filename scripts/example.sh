#!/usr/bin/env bash
# The main job on the bundled example articles: ingest, ask who met or
# called whom, draw the timeline. Installs the build prerequisite
# (libclang-dev, for RocksDB's bindings) and Graphviz when missing and
# allowed to (root); the first build takes about 15 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
dpkg -s libclang-dev >/dev/null 2>&1 || missing+=(libclang-dev)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "please install: ${missing[*]} (e.g. sudo apt-get install ${missing[*]})" >&2
  fi
fi
cargo build --release
bin=target/release/eventline
store=${EVENTLINE_STORE:-output/store}
"$bin" ingest --store "$store" examples/articles
"$bin" query --store "$store" queries/who-met-whom.rq
"$bin" timeline --store "$store" -o output/example-timeline.svg
"$bin" timeline --store "$store" -o output/example-timeline.png 2>/dev/null || true
echo "timeline: output/example-timeline.svg"
