#!/usr/bin/env python3
"""Inputs for tests/vectors/http.jsonl and http_client.jsonl: every integer status
from 0 to 1000 (and some beyond and floats), and http.client.parse_headers over
random mixtures of tricky header-block pieces (folding, lone CR, missing colons,
envelope lines, Latin-1 bytes, bodies after the block) plus the limits at their
edges (99/100 header lines, 65,536-byte lines). Deterministic (seeded). Record with:

    python3 tests/vectors/gen/http_cases.py > /tmp/http.in.jsonl
    scripts/record-vectors /tmp/http.in.jsonl
"""
import json
import random

rng = random.Random(6)
out = []


def call(name, *args):
    out.append({"id": 10_000_000 + len(out), "call": name, "args": list(args)})


def b(x):
    return {"bytes": x.hex()}


for code in list(range(0, 1001)) + [-1, 65536 + 200, 2**40]:
    call("http.HTTPStatus", code)
for f in [200.0, 404.0, 200.5]:
    call("http.HTTPStatus", f)

PIECES = [b"Host: a\r\n", b"X: 1\r\n", b"A:\r\n", b"A :1\r\n", b" folded\r\n", b"\tfold\r\n",
          b"From x\r\n", b"From: y\r\n", b": v\r\n", b"NoColon\r\n", b"\r\n", b"\n", b"A: 1\n",
          b"B: 2\r", b"C: 3\r\r\n", b"\xff: x\r\n", b"D: \xe9\xff\r\n", b"E: a:b: c\r\n",
          b"F:  lead  \r\n", b"G:\tt\r\n", b"Set-Cookie: a=1\r\n", b"set-cookie: b\r\n",
          b"H\x00: x\r\n", b"I: \x00\x7f\r\n", b"   \r\n", b"J: 1", b"K", b"\r", b"L:v\r\n",
          b"~!#: ok\r\n"]
for _ in range(1500):
    raw = b"".join(rng.choice(PIECES) for _ in range(rng.randint(0, 7)))
    if rng.random() < 0.7:
        raw += b"\r\n"
    if rng.random() < 0.2:
        raw += b"body: not\r\n"
    call("http.client.parse_headers", b(raw))
for n in (97, 98, 99, 100, 101):
    raw = b"".join(b"H%d: v\r\n" % j for j in range(n))
    call("http.client.parse_headers", b(raw + b"\r\n"))
    call("http.client.parse_headers", b(raw))
    call("http.client.parse_headers", b(raw + b"partial"))
for length in (65533, 65534, 65535, 65536, 65537):
    raw = b"A: " + b"x" * (length - 5) + b"\r\n"
    call("http.client.parse_headers", b(raw + b"\r\n"))
    call("http.client.parse_headers", b(raw[:-2]))

for line in out:
    print(json.dumps(line))
