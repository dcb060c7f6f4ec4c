#!/usr/bin/env python3
"""Throughput of `eventline serve`'s /query under concurrent clients.

Usage: scripts/bench-serve.py URL QUERY_FILE [SECONDS] [CLIENTS...]
e.g.   scripts/bench-serve.py http://127.0.0.1:7878/query queries/attacks-by-place-month.rq 10 1 8 32

Each client is a thread with its own keep-alive connection POSTing the
query (Accept: application/sparql-results+json) for SECONDS; prints
requests/s, mean and 95th-percentile latency per client count. Loopback
only: refuses any other host.
"""
import http.client
import sys
import threading
import time
import urllib.parse


def client(url, body, until, latencies, errors):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    headers = {
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json",
    }
    while time.monotonic() < until:
        t = time.monotonic()
        try:
            conn.request("POST", url.path, body, headers)
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                errors.append(r.status)
                continue
        except (OSError, http.client.HTTPException) as e:
            errors.append(str(e))
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
            continue
        latencies.append(time.monotonic() - t)
    conn.close()


def main():
    url = urllib.parse.urlparse(sys.argv[1])
    if url.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("loopback only")
    body = open(sys.argv[2], "rb").read()
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 10
    counts = [int(c) for c in sys.argv[4:]] or [1, 8, 32]
    print("| clients | requests/s | mean latency | p95 latency | errors |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for n in counts:
        latencies, errors = [], []
        start = time.monotonic()
        until = start + seconds
        threads = [
            threading.Thread(target=client, args=(url, body, until, latencies, errors))
            for _ in range(n)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - start
        latencies.sort()
        p95 = latencies[int(len(latencies) * 0.95)] if latencies else float("nan")
        mean = sum(latencies) / len(latencies) if latencies else float("nan")
        print(
            f"| {n} | {len(latencies) / elapsed:.1f} | {mean * 1000:.0f} ms "
            f"| {p95 * 1000:.0f} ms | {len(errors)} |"
        )


if __name__ == "__main__":
    main()
