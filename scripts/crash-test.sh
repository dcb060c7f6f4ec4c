#!/usr/bin/env bash
# The full crash test: KILLS `kill -9`s at random points of ingests of
# CORPUS_DIR (two per fresh store), each followed by an integrity check
# (the store opens, every article graph is whole) and, per store, a re-run
# that must give the uninterrupted graph quad for quad. Usage:
#   scripts/crash-test.sh [KILLS] [CORPUS_DIR]
# Defaults: 20 kills, ../shared/corpus/afp-xin (2,422 articles).
set -euo pipefail
cd "$(dirname "$0")/.."
export EVENTLINE_CRASH_KILLS=${1:-20}
export EVENTLINE_CRASH_CORPUS=$(realpath "${2:-../shared/corpus/afp-xin}")
cargo test --release --test it crash -- --nocapture
