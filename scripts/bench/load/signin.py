#!/usr/bin/env python3
"""Sign-in timing: how long a wrong password takes for existing accounts and for unknown names.

Posts the real login form (antiforgery token and cookie from GET /account/login) against a running
dashboard that has accounts u0..u{N-1}; each existing account gets at most 4 wrong passwords (the 5th
would lock it). Every attempt claims its own client address in X-Forwarded-For (the server must list
127.0.0.1 in HyperSearch:ForwardedHeaders:KnownProxies), so the login rate limit does not interfere.
Only the POST is timed. Standard library only (Debian's /usr/bin/python3).
"""
import argparse
import http.client
import re
import statistics
import time
import urllib.parse

TOKEN = re.compile(rb'name="__RequestVerificationToken" value="([^"]+)"')


def attempt(base, user, number):
    url = urllib.parse.urlsplit(base)
    forwarded = {"X-Forwarded-For": f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"}
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    connection.request("GET", "/account/login", headers=forwarded)
    page = connection.getresponse()
    body = page.read()
    cookies = "; ".join(c.split(";")[0] for c in page.headers.get_all("Set-Cookie") or [])
    form = urllib.parse.urlencode({"__RequestVerificationToken": TOKEN.search(body).group(1).decode(),
                                   "userName": user, "password": "not-the-password-1", "returnUrl": "/"})
    began = time.perf_counter()
    connection.request("POST", "/account/login", body=form, headers=dict(forwarded, **{
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookies}))
    answer = connection.getresponse()
    answer.read()
    elapsed = time.perf_counter() - began
    connection.close()
    assert answer.status == 302 and "error=invalid" in answer.headers["Location"], (answer.status, answer.headers["Location"])
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--accounts", type=int, default=10)
    args = parser.parse_args()
    existing, unknown = [], []
    number = 0
    for round_number in range(4):  # 4 wrong passwords per account, never the 5th that locks it
        for i in range(args.accounts):
            number += 1
            existing.append(attempt(args.url, f"u{i}", number))
            number += 1
            unknown.append(attempt(args.url, f"nobody-{round_number}-{i}", number))
    for name, values in (("existing account", existing), ("unknown name", unknown)):
        ordered = sorted(values)
        print(f"{name:16s} n={len(values)} median {1000 * statistics.median(values):.0f} ms, "
              f"p10 {1000 * ordered[len(ordered) // 10]:.0f} ms, p90 {1000 * ordered[len(ordered) * 9 // 10]:.0f} ms")
    print(f"load average: {open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()
