#!/usr/bin/env bash
# Writes the outputs a refactoring must not change, for a diff before and
# after: N-Quads of the example and wire-corpus stores, `dates` JSON on the
# TimeBank files (each with its gold DCT, as te3.py runs it), and timeline
# DOT and SVG (through Graphviz and the built-in renderer).
#
#   scripts/snapshot-outputs.sh BINARY OUTDIR [CORPUS]
#   diff -r /work/out-before OUTDIR
#
# CORPUS defaults to ../shared/corpus/afp-xin; the TimeBank files are read
# from ../shared/eval/tempeval3 when present. Nothing here is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1"); out=$2; corpus=${3:-../shared/corpus/afp-xin}
mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
snapshot_store() { # name inputs...
  local name=$1; shift
  "$bin" ingest -q --store "$work/$name" "$@"
  "$bin" export --store "$work/$name" --format nquads | LC_ALL=C sort > "$out/$name.nq"
  "$bin" timeline --store "$work/$name" -o "$out/$name.dot"
  "$bin" timeline --store "$work/$name" -o "$out/$name.svg" 2>/dev/null
  "$bin" timeline --store "$work/$name" --lanes actor -o "$out/$name-actors.dot"
  PATH=/nonexistent "$bin" timeline --store "$work/$name" -o "$out/$name-builtin.svg" 2>/dev/null
  "$bin" stats --store "$work/$name" --format json > "$out/$name-stats.json"
}
snapshot_store examples examples/articles
snapshot_store corpus "$corpus"
tb=../shared/eval/tempeval3/tbaq/TimeBank
if [ -d "$tb" ]; then
  mkdir -p "$out/dates"
  python3 - "$bin" "$tb" "$out/dates" <<'PY'
import glob, os, subprocess, sys, tempfile
sys.path.insert(0, "../shared/eval")
from te3 import gold_doc
bin, tb, out = sys.argv[1:]
for path in sorted(glob.glob(os.path.join(tb, "*.tml"))):
    dct, text, _ = gold_doc(path)
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
        f.write(text); f.flush()
        p = subprocess.run([bin, "dates", "--dct", dct, "--format", "json", f.name],
                           capture_output=True, text=True, check=True)
    name = os.path.basename(path)[:-4] + ".json"
    open(os.path.join(out, name), "w").write(p.stdout)
PY
fi
echo "wrote $(find "$out" -type f | wc -l) files to $out"
