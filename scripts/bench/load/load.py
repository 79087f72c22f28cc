#!/usr/bin/env python3
"""Dashboard load benchmark: concurrent page GETs and launches against a running dashboard.

Each round starts GETS page requests (a mix of every page) and CREATES launches (POST /api/searches)
at the same moment, waits for all of them and reports the latency percentiles, the errors and the
dashboard's resident memory (sampled from /proc/PID/status) before, at its peak and after the rounds.
Only the standard library: run with Debian's /usr/bin/python3 (run.sh does).
"""
import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse

SPEC = {
    "workload": "two-spirals", "strategy": "random", "budget": 4, "parallelism": 1, "epochs": 3,
    "space": {"initialLr": {"type": "float", "low": 0.001, "high": 0.1, "log": True}, "decay": {"constant": {}}},
}
TRAINING = {
    "workload": "fashion-mlp", "strategy": "random", "budget": 50, "parallelism": 1, "epochs": 40,
    "space": {"initialLr": {"type": "float", "low": 0.001, "high": 0.3, "log": True},
              "decay": {"cosine": {"tMax": 40}, "step": {"stepSize": {"type": "int", "low": 5, "high": 15}, "gamma": 0.5}}},
}


def request(base, method, path, body=None, timeout=120):
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    headers = {"Accept": "text/html" if method == "GET" and not path.startswith("/api") else "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body).encode()
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, data
    finally:
        connection.close()


def rss_mb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


class MemorySampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self):
        while self.running:
            try:
                self.peak = max(self.peak, rss_mb(self.pid))
            except FileNotFoundError:
                return
            time.sleep(0.1)


def cpu_seconds(pid):
    """User + system CPU the process has used so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True, help="the dashboard's process id (memory)")
    parser.add_argument("--gets", type=int, default=200)
    parser.add_argument("--creates", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--settle", type=float, default=30, help="seconds idle before the 'after' memory reading")
    parser.add_argument("--training-searches", type=int, default=2)
    args = parser.parse_args()
    base = args.url

    for _ in range(600):
        try:
            if request(base, "GET", "/healthz", timeout=2)[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.2)
    # Searches the workers train throughout (one trial at a time each), and a list to show.
    for i in range(args.training_searches):
        status, body = request(base, "POST", "/api/searches", dict(TRAINING, name=f"training {i}"))
        assert status == 201, body
    for i in range(20):
        request(base, "POST", "/api/searches", dict(SPEC, name=f"listed {i}"))
    deadline = time.time() + 300
    while time.time() < deadline:
        running = [t for s in (1, 2) for t in json.loads(request(base, "GET", f"/api/searches/{s}/trials?take=5")[1])["items"]
                   if t["state"] == "running"]
        if len(running) >= min(2, args.training_searches) and any(t["epochsDone"] >= 1 for t in running):
            break
        time.sleep(1)
    trials = [t["id"] for t in json.loads(request(base, "GET", "/api/searches/1/trials?take=5")[1])["items"]]
    pages = ["/", "/queue", "/searches/1", "/searches/2", f"/trials/{trials[0]}", "/searches/new",
             f"/compare?trials={','.join(str(t) for t in trials[:2])}", "/playground"]
    for path in pages:  # warm up: the first render of each page compiles and caches
        request(base, "GET", path)

    print(f"load average before: {open('/proc/loadavg').read().split()[:3]}")
    baseline = rss_mb(args.pid)
    sampler = MemorySampler(args.pid)
    sampler.start()
    all_gets, all_creates, errors, cpus, all_shells = [], [], [], [], []
    for round_number in range(1, args.rounds + 1):
        gets, creates, shells = [], [], []
        start = threading.Barrier(args.gets + args.creates)

        def get(path):
            start.wait()
            began = time.perf_counter()
            try:
                status, body = request(base, "GET", path)
                if status != 200:
                    errors.append(f"GET {path}: {status}")
                # A prerendered page carries the layout's app bar; a shell (PrerenderGate) only starts the circuit.
                elif b"hs-brand" not in body:
                    shells.append(path)
            except OSError as e:
                errors.append(f"GET {path}: {e}")
            gets.append(time.perf_counter() - began)

        def create(i):
            start.wait()
            began = time.perf_counter()
            try:
                status, body = request(base, "POST", "/api/searches", dict(SPEC, name=f"load {round_number}.{i}"))
                if status != 201:
                    errors.append(f"POST: {status} {body[:200]!r}")
            except OSError as e:
                errors.append(f"POST: {e}")
            creates.append(time.perf_counter() - began)

        threads = [threading.Thread(target=get, args=(pages[i % len(pages)],)) for i in range(args.gets)]
        threads += [threading.Thread(target=create, args=(i,)) for i in range(args.creates)]
        wall, cpu = time.perf_counter(), cpu_seconds(args.pid)
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall, cpu = time.perf_counter() - wall, cpu_seconds(args.pid) - cpu
        all_gets += gets
        cpus.append(cpu)
        all_creates += creates
        all_shells += shells
        print(f"round {round_number}: {args.gets} GETs ({len(shells)} as shells) p50 {percentile(gets, 50):.2f} s, p95 {percentile(gets, 95):.2f} s, "
              f"max {max(gets):.2f} s; {args.creates} creates p50 {percentile(creates, 50):.2f} s, p95 {percentile(creates, 95):.2f} s; "
              f"wall {wall:.1f} s; dashboard CPU {cpu:.1f} s ({1000 * cpu / (args.gets + args.creates):.0f} ms a request); "
              f"rss peak so far {sampler.peak:.0f} MB; load {open('/proc/loadavg').read().split()[:3]}")
    time.sleep(args.settle)
    sampler.running = False
    after = rss_mb(args.pid)
    print(f"GETs ({len(all_gets)}, {len(all_shells)} served as shells without prerendering): p50 {percentile(all_gets, 50):.2f} s, p95 {percentile(all_gets, 95):.2f} s, "
          f"p99 {percentile(all_gets, 99):.2f} s, max {max(all_gets):.2f} s")
    print(f"creates ({len(all_creates)}): p50 {percentile(all_creates, 50):.2f} s, p95 {percentile(all_creates, 95):.2f} s, max {max(all_creates):.2f} s")
    print(f"dashboard CPU per round: {', '.join(f'{c:.1f} s' for c in cpus)} "
          f"({1000 * statistics.mean(cpus) / (args.gets + args.creates):.0f} ms a request)")
    print(f"errors: {len(errors)}" + "".join(f"\n  {e}" for e in errors[:10]))
    print(f"dashboard memory (RSS): before {baseline:.0f} MB, peak {sampler.peak:.0f} MB, {args.settle:.0f} s after {after:.0f} MB")
    print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
