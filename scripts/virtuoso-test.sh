#!/usr/bin/env bash
# `eventline push` against Virtuoso Open Source (Debian's
# virtuoso-opensource, 7.2.5): starts a throwaway Virtuoso on loopback (its
# own database directory and ini, ports chosen free, stopped on exit
# whatever happens), ingests the example articles into a temporary store,
# pushes every named graph over the Graph Store Protocol, then runs every
# curated query (queries/*.rq) in the embedded store and at Virtuoso's
# /sparql and compares the rows (scripts/virtuoso-compare.py, where the
# normalisation and any explained difference are recorded). Exits non-zero
# when the push fails or rows differ unexplained.
#
#   scripts/virtuoso-test.sh [ARTICLES_DIR ...]   (default: examples/articles)
#
# What Virtuoso's Graph Store Protocol needs, as found here:
# - /sparql-graph-crud-auth asks for HTTP Digest (MD5, qop=auth) and refuses
#   Basic; the user needs the SPARQL_UPDATE role (created below with isql:
#   USER_CREATE + GRANT SPARQL_UPDATE), dba works as is;
# - /sparql-graph-crud (anonymous) answers 403 until the anonymous user
#   "SPARQL" has SPARQL_UPDATE and graphs are writable by default
#   (DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7)): anyone who reaches
#   the port may then write, so only for a private network.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

for tool in virtuoso-t isql-vt python3; do
  command -v "$tool" >/dev/null || { echo "virtuoso-test: $tool missing (apt-get install virtuoso-opensource python3)" >&2; exit 2; }
done
if [ $# -eq 0 ]; then set -- examples/articles; fi

cargo build --release --quiet
bin=$root/target/release/eventline

work=$(mktemp -d /tmp/eventline-virtuoso.XXXXXX)
vpid=
cleanup() {
  status=$?
  if [ -n "$vpid" ] && kill -0 "$vpid" 2>/dev/null; then
    # A checkpoint-free stop: the database is thrown away anyway.
    kill "$vpid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$vpid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$vpid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$work/db/virtuoso.log" ]; then
    echo "--- the end of Virtuoso's log:" >&2
    tail -20 "$work/db/virtuoso.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Two free loopback ports (SQL and HTTP), never Virtuoso's defaults.
read -r sql_port http_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))
for x in s: x.close()')

mkdir -p "$work/db"
cat >"$work/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $work/db/virtuoso.db
ErrorLogFile       = $work/db/virtuoso.log
LockFile           = $work/db/virtuoso.lck
TransactionFile    = $work/db/virtuoso.trx
xa_persistent_file = $work/db/virtuoso.pxa
[TempDatabase]
DatabaseFile       = $work/db/virtuoso-temp.db
TransactionFile    = $work/db/virtuoso-temp.trx
[Parameters]
ServerPort         = 127.0.0.1:$sql_port
DisableUnixSocket  = 1
; About 1.3 GB of buffers: the machine has 24 GB, CI runs nothing else then.
NumberOfBuffers    = 170000
MaxDirtyBuffers    = 130000
DirsAllowed        = ., $work
[HTTPServer]
ServerPort         = 127.0.0.1:$http_port
ServerRoot         = $work
ServerThreads      = 10
Charset            = UTF-8
[SPARQL]
ResultSetMaxRows   = 1000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 0
EOF

echo "virtuoso: starting on 127.0.0.1:$http_port (SQL $sql_port) in $work"
(cd "$work" && exec virtuoso-t +foreground +configfile "$work/virtuoso.ini" >"$work/stdout.log" 2>&1) &
vpid=$!
isql() { isql-vt "127.0.0.1:$sql_port" dba dba "exec=$1" >"$work/isql.log" 2>&1 || { cat "$work/isql.log" >&2; return 1; }; }
for i in $(seq 240); do
  if curl -s -o /dev/null "http://127.0.0.1:$http_port/sparql" && isql "status();"; then break; fi
  kill -0 "$vpid" 2>/dev/null || { echo "virtuoso: exited while starting" >&2; cat "$work/stdout.log" >&2; exit 1; }
  [ "$i" -lt 240 ] || { echo "virtuoso: not answering after 120 s" >&2; exit 1; }
  sleep 0.5
done

# A user for the authenticated endpoint, with the role GSP writes need.
isql "DB.DBA.USER_CREATE ('eventline', 'eventline-test'); GRANT SPARQL_UPDATE TO \"eventline\";"

store=$work/store
"$bin" ingest --quiet --store "$store" "$@"

gsp=http://127.0.0.1:$http_port
# Digest authentication as user eventline; the summary names the figures.
"$bin" push --store "$store" --gsp "$gsp/sparql-graph-crud-auth" --user eventline \
  --password eventline-test --replace

# Each graph holds what the store holds (counted on both sides).
count_query='SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/eventline/")) } GROUP BY ?g'
"$bin" query --store "$store" --format csv -e "$count_query" | tail -n +2 | tr -d '\r' | sort >"$work/counts.mine"
curl -sf -H 'Accept: text/csv' --data-urlencode "query=$count_query" "$gsp/sparql" \
  | tail -n +2 | tr -d '\r"' | sort >"$work/counts.theirs"
if ! diff -q "$work/counts.mine" "$work/counts.theirs" >/dev/null; then
  echo "push: the graphs at Virtuoso differ from the store's:" >&2
  diff "$work/counts.mine" "$work/counts.theirs" | head -20 >&2
  exit 1
fi
echo "push: every graph's triple count matches ($(wc -l <"$work/counts.mine") graphs)"

# Anonymous writes: refused until granted, then accepted.
index=https://w3id.org/eventline/graph/index
code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/n-triples' \
  --data-binary '' "$gsp/sparql-graph-crud?graph=urn:eventline:probe")
[ "$code" = 403 ] || { echo "anonymous GSP write: expected 403 before the grant, got $code" >&2; exit 1; }
if "$bin" push --quiet --store "$store" --gsp "$gsp/sparql-graph-crud-auth" --graph "$index" 2>"$work/err"; then
  echo "push without a user to the authenticated endpoint succeeded" >&2; exit 1
fi
grep -q "401" "$work/err" || { cat "$work/err" >&2; exit 1; }
isql "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
"$bin" push --quiet --store "$store" --gsp "$gsp/sparql-graph-crud" --graph "$index" --replace --format turtle
echo "push: anonymous /sparql-graph-crud refused (403) until granted, then accepted (Turtle)"

python3 scripts/virtuoso-compare.py "$bin" "$store" "$gsp/sparql"
