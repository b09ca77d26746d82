#!/usr/bin/env python3
"""Inputs for tests/vectors/uuid.jsonl: corpus-like uuid calls with other values, the
cases of CPython's test_uuid and RFC 9562's examples, and adversarial ones.
Deterministic (seeded). Record with:

    python3 tests/vectors/gen/uuid_cases.py > /tmp/uuid.in.jsonl
    scripts/record-vectors /tmp/uuid.in.jsonl
"""
import json, random, sys

rng = random.Random(20261121)
out = []

def call(fname, *args, **kwargs):
    line = {"id": 3_000_000 + len(out), "call": "uuid." + fname, "args": list(args)}
    if kwargs:
        line["kwargs"] = kwargs
    out.append(line)

def b(x):
    return {"bytes": x.hex()}

def big(n):
    return n if -(2**53) < n < 2**53 else {"int": str(n)}

def rand128():
    return rng.getrandbits(128)

# --- hex strings: every spelling CPython accepts, and many it does not
KNOWN = ["00010203-0405-0607-0809-0a0b0c0d0e0f", "d82c07cd-629e-11d3-80b4-00c04fd430c8",
         "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
         "1ec9414c-232a-6b00-b3c8-9f6bdeced846", "017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
         "2489e9ad-2ee2-8e00-8ec9-32d5f69181c0", "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
         "5a8b2b4c-0d1e-6f00-8000-000000000000", "12345678-1234-5678-1234-567812345678"]
for _ in range(60):
    KNOWN.append(str(__import__("uuid").UUID(int=rand128())))
for s in KNOWN:
    h = s.replace("-", "")
    for form in (s, s.upper(), h, h.upper(), "{" + s + "}", "urn:uuid:" + s, "{" + h + "}",
                 "urn:uuid:{" + s + "}", "{{" + s + "}}", "uuid:" + s, s + "urn:"):
        call("UUID", form)
    for v in (1, 3, 4, 5, 6, 7, 8):
        call("UUID", s, version=v)
adversarial = [
    "", "1234", "g" * 32, " " + "a" * 31, "a" * 31 + " ", "\t" + "a" * 30 + "\n",
    "0x" + "f" * 30, "0X" + "f" * 30, "+" + "1" * 31, "-" + "1" * 32, "_" + "1" * 31,
    "1_" + "1" * 30, "1__" + "1" * 29, "0x_" + "1" * 29, "1" * 31 + "_", "１" * 32,
    "\u0661" * 32, "\u0660" * 31 + "f", "ａ" * 32, "²" * 32, "{" * 3 + "a" * 32 + "}",
    "}" + "a" * 32 + "{", "URN:UUID:" + "a" * 32, "urn:urn:" + "a" * 32, "uuid:uuid:" + "b" * 32,
    "a" * 16 + "urn:" + "a" * 16, "a" * 16 + "-" * 20 + "a" * 16, "-" * 5 + "a" * 32,
    "a" * 33, "a" * 32 + "\x00", "\x1c" + "a" * 30 + "\x1f", "\u3000" + "b" * 31,
    "\u00a0" + "c" * 31, "{12345678-1234-5678-1234-56781234567}", "12345678-1234-5678-1234-5678123456789",
    "12345678+1234+5678+1234+567812345678", "1234567812345678123456781234567g",
    "ffffffff-ffff-ffff-ffff-ffffffffffff ", "{ffffffffffffffffffffffffffffffff",
]
for s in adversarial:
    call("UUID", s)
for s in ("not-a-uuid", "x"):
    call("UUID", s, version=4)
call("UUID", b(b"0" * 32))
call("UUID", 12345)
call("UUID", None)
call("UUID")
call("UUID", KNOWN[0], int=1)

# --- bytes and bytes_le
for _ in range(60):
    raw = rng.getrandbits(128).to_bytes(16, "big")
    call("UUID", bytes=b(raw))
    call("UUID", bytes_le=b(raw))
    call("UUID", bytes=b(raw), version=rng.choice([1, 2, 3, 4, 5, 6, 7, 8]))
for n in (0, 1, 15, 17, 32):
    call("UUID", bytes=b(bytes(range(n))))
    call("UUID", bytes_le=b(bytes(range(n))))
call("UUID", bytes="a" * 16)
call("UUID", bytes_le="a" * 16)
call("UUID", bytes="a" * 15)
call("UUID", bytes=list(range(16)))
call("UUID", bytes=5)
call("UUID", bytes_le=None, bytes=b(bytes(16)))

# --- fields
edges = [0, 1, (1 << 8) - 1, 1 << 8, (1 << 16) - 1, 1 << 16, (1 << 32) - 1, 1 << 32,
         (1 << 48) - 1, 1 << 48, -1]
for _ in range(60):
    f = [rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(8),
         rng.getrandbits(8), rng.getrandbits(48)]
    call("UUID", fields=f)
    call("UUID", fields={"tuple": f}, version=rng.randint(0, 9))
for i in range(6):
    for e in edges:
        f = [1, 2, 3, 4, 5, 6]
        f[i] = e
        call("UUID", fields=[big(x) for x in f])
call("UUID", fields=[1, 2, 3, 4, 5])
call("UUID", fields=[1, 2, 3, 4, 5, 6, 7])
call("UUID", fields=[1.0, 2, 3, 4, 5, 6])
call("UUID", fields=[1, 2, 3, 4, 5, 1.5])
call("UUID", fields=[1, 2, 3, 4, 5e20, 6.0])
call("UUID", fields=[True, False, True, 1, 0, True])
call("UUID", fields=["1", 2, 3, 4, 5, 6])
call("UUID", fields=[1, 2, 3, 4, 5, None])
call("UUID", fields="abcdef")
call("UUID", fields=b(b"abcdef"))
call("UUID", fields=12)

# --- int
for _ in range(60):
    call("UUID", int=big(rand128()))
    call("UUID", int=big(rng.getrandbits(rng.choice([8, 40, 60, 64, 100]))))
for n in (0, 1, 2**53, 2**64, 2**127, 2**128 - 1, 2**128, 2**200, -1, -(2**128)):
    call("UUID", int=big(n))
for n in (0.0, 1.5, -0.5, 3.4e38, 1e40):
    call("UUID", int=n)
call("UUID", int=True)
call("UUID", int="5")
call("UUID", int={"float": "inf"})
call("UUID", int={"float": "nan"})

# --- version edge cases
for v in (0, 9, -1, 2**70, True, 1.0, 4.5, 6.0, "4", None):
    call("UUID", KNOWN[1], version=big(v) if isinstance(v, int) and not isinstance(v, bool) else v)
call("UUID", KNOWN[1], is_safe=0)
call("UUID", KNOWN[1], bogus=1)

# --- uuid3 / uuid5
names = ["", "python.org", "www.example.com", "http://example.com/", "1.3.6.1",
         "cn=John,dc=example", "hello world", "a/b c", "#frag?q", "~user", "é", "例え",
         "\U0001F600", "x" * 1000, "\x00", "null\x00byte", "tab\t"]
nss = ["NAMESPACE_DNS", "NAMESPACE_URL", "NAMESPACE_OID", "NAMESPACE_X500"] + KNOWN[:8]
for f in ("uuid3", "uuid5"):
    for ns in nss:
        for n in names:
            call(f, ns, n)
    call(f, "NAMESPACE_DNS", b(b"python.org"))
    call(f, "NAMESPACE_DNS", b(b"\xff\xfe"))
    call(f, "NAMESPACE_NOPE", "x")
    call(f, "not a uuid", "x")
    call(f, "NAMESPACE_DNS", 5)
    call(f, "NAMESPACE_DNS", None)
    call(f, "NAMESPACE_DNS")
    call(f, namespace="NAMESPACE_URL", name="kw")

# --- generators
call("uuid4")
call("uuid4", 1)
for node, seq in [(0, 0), (1, 1), ((1 << 48) - 1, (1 << 14) - 1), (0x123456789abc, 0x1234),
                  (None, 5), (7, None), (1 << 48, 0), (-1, 0), (5, -1), (5, 1 << 20),
                  (5, 2**70), (5, -(2**90) - 3), (5, 2**300 + 7), (1.5, 0), (5, 1.5), ("x", 0), (True, True)]:
    kw = {}
    if node is not None:
        kw["node"] = big(node) if isinstance(node, int) and not isinstance(node, bool) else node
    if seq is not None:
        kw["clock_seq"] = big(seq) if isinstance(seq, int) and not isinstance(seq, bool) else seq
    call("uuid1", **kw)
call("uuid1", 17, 18)
call("uuid1", 1, 2, 3)

for line in out:
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
