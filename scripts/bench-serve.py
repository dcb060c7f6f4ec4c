#!/usr/bin/env python3
"""Throughput of a running `eventline serve` under concurrent clients.

    scripts/bench-serve.py http://127.0.0.1:7878 [QUERY_FILE] [SECONDS]

For 1, 8 and 32 clients, each client sends the query (POST
application/sparql-query, Accept text/csv) in a loop for SECONDS (default
10): requests/s and median/95th-percentile latency. Loopback only: the
script refuses any other host. Also times GET / (the web page) 5 times.
"""
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
host = urllib.parse.urlparse(base).hostname
if host not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"{base}: loopback only")
query = open(sys.argv[2] if len(sys.argv) > 2 else "queries/who-met-whom.rq", "rb").read()
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0


def once():
    req = urllib.request.Request(
        base + "/query",
        data=query,
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()
        assert r.status == 200, r.status
    return time.perf_counter() - t


def run(clients):
    latencies, lock = [], threading.Lock()
    stop = time.perf_counter() + seconds

    def client():
        mine = []
        while time.perf_counter() < stop:
            mine.append(once())
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"{clients:>3} client(s): {len(latencies) / elapsed:7.1f} req/s, "
          f"median {statistics.median(latencies) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
          f"({len(latencies)} requests)")


once()  # warm the caches
for n in (1, 8, 32):
    run(n)
page = []
for _ in range(5):
    t = time.perf_counter()
    with urllib.request.urlopen(base + "/", timeout=60) as r:
        size = len(r.read())
    page.append(time.perf_counter() - t)
print(f"GET /: median {statistics.median(page) * 1000:.0f} ms, {size} bytes")
