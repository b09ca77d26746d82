#!/usr/bin/env python3
"""Inputs for tests/vectors/http_cookies.jsonl: corpus-like SimpleCookie.load and
SimpleCookie.build calls with other values, the data cases of CPython's
Lib/test/test_http_cookies.py, and adversarial ones (the regex's backtracking
corners, quoting, octal escapes, control characters, Partitioned).
Deterministic (seeded). Record with:

    python3 tests/vectors/gen/http_cookies_cases.py > /tmp/http_cookies.in.jsonl
    scripts/record-vectors /tmp/http_cookies.in.jsonl
"""
import json, random, sys

rng = random.Random(20261121)
out = []


def call(fname, *args, **kwargs):
    line = {"id": 6_000_000 + len(out), "call": "http.cookies.SimpleCookie." + fname,
            "args": list(args)}
    if kwargs:
        line["kwargs"] = kwargs
    out.append(line)


# --- CPython's test_http_cookies.py data cases
for raw in [
    'chips=ahoy; vienna=finger',
    'keebler="E=mc2; L=\\"Loves\\"; fudge=\\012;"',
    'keebler=E=mc2',
    'key:term=value:term',
    'a=b; c=[; d=r; f=h',
    'key="some value with spaces"',
    'Customer="WILE_E_COYOTE"; Version=1; Path=/acme',
    'Customer="WILE_E_COYOTE"; Path=/acme; Version=1',
    'Customer="WILE_E_COYOTE"; Version="1"; Path="/acme"',
    'Customer="WILE_E_COYOTE"; Version="1"; Path="/acme"; Expires=Wed, 01 Jan 2010 00:00:00 GMT',
    'eggs=scrambled; Path=/bacon',
    'Customer="WILE_E_COYOTE"; $Path="/acme"; $Domain="example.com"; $Version=1',
    '$Version=1; Customer="WILE_E_COYOTE"; $Path="/acme"',
    'foo=bar; secure; httponly',
    'eggs  =  scrambled  ;  secure  ;  path  =  bar   ; foo=foo   ',
    'eggs  =  scrambled  ;  secure  ;  httponly  ;  path  =  bar   ; foo=foo   ',
    'a=b; Secure; Httponly; SameSite=Strict',
    'expires=foo', 'path=foo', 'foo=bar; expires', 'a=b; c', 'a=b; domain',
    'a=b; ;c=d', 'a=b ; ; c=d', 'a=b; version', 'a=b; expires=', 'a=b; max-age=',
    'key=value; path=/; domain=example.com; expires=Thu, 01-Jan-1970 00:00:00 GMT',
    'eggs=scrambled; Path=bacon; Domain=spam.com; Secure; HttpOnly',
    'cookie="\\"\\"\\\\"', 'cookie="\\\\"', 'cookie="\\"', 'cookie="\\\\\\""',
    'cookie="\\0123"', 'cookie="\\012\\013"', 'cookie="\\377\\400"',
    'key with space=1', 'a=1; b=2; c=3; Partitioned', 'a=1; Partitioned=x',
    'Partitioned=1; a=2', 'a=1; $Partitioned', 'a=1; partitioned; secure',
    'a="\\015\\012Set-Cookie: evil=1"', 'a=1; path="/\\012x"', 'a="\r\n"',
]:
    call("load", raw)

# test_invalid_cookies, test_illegal_chars, test_unquote (the CVE-2024-7592 cases)
for raw in [']foo=x', '[foo=x', 'blah]foo=x', 'blah[foo=x', 'Set-Cookie: foo=bar',
            'Set-Cookie: foo', 'foo=bar; baz', 'baz; foo=bar', 'secure;foo=bar',
            'Version=1;foo=bar', 'a=b; c,d=e', '"', 'c="', 'f"o=bar', 'a=b"c']:
    call("load", raw)
for raw in [r'a="b=\""', r'a="b=\\"', r'a="b=\="', r'a="b=\n"', r'a="b=\042"',
            r'a="b=\134"', r'a="b=\377"', r'a="b=\400"', r'a="b=\42"', r'a="b=\\042"',
            r'a="b=\\134"', r'a="b=\\\""', r'a="b=\\\042"', r'a="b=\134\""',
            r'a="b=\134\042"']:
    call("load", raw)
call("build", [["foo", "bar", [["comment", "comment \\"]]]])
call("build", [["foo", "bar", [["comment", "ü \"x\""]]]])

# other argument forms: a mapping, keywords, other types
call("load", {"dict": [["a", "x y"], ["b", 5], ["c", True]]})
call("load", {"dict": [["expires", "x"]]})
call("load", {"dict": [["k;", "v"]]})
call("load", ["a"])
call("load", None)
call("load", "")
call("build", [])
call("build", [["a", "1", []]], header=None)
call("build", [["a", "1", []], ["b", "2", []]], sep=5)
call("build", [["a", "1", []]], sep="--", header="Cookie:")
call("build", [["a", "1", [["PATH", "/"], ["Secure", 0], ["HttpOnly", ""]]]])

call("build", [["chips", "ahoy", []], ["vienna", "finger", []]])
call("build", [["rocky", "road", [["path", "/cookie"]]]], "Cookie:")
call("build", [["oreo", "doublestuff", [["path", "/"]]]], sep="\n")
call("build", [["twix", "none for you", []]])
call("build", [["number", "7", []], ["string", "seven", []]])
call("build", [["key", "some value", [["expires", "Wed, 01 Jan 2010 00:00:00 GMT"],
                                      ["secure", True], ["httponly", True]]]])
call("build", [["key", "v", [["samesite", "Strict"], ["partitioned", True]]]])
call("build", [["key", "v", [["Partitioned", False]]]])
call("build", [["partitioned", "v", []]])
call("build", [["key", "v", [["nosuch", "x"]]]])
call("build", [["expires", "v", []]])
call("build", [["a b", "v", []]])
call("build", [["a", "v", [["comment", "a comment; with ; and \"\\"]]]])
call("build", [["a", "v", [["comment", 7]]]])
call("build", [["a", "v", [["max-age", "10"], ["version", 0], ["secure", False]]]])
call("build", [["a", "v", [["max-age", True], ["httponly", 0], ["secure", "yes"]]]])
call("build", [["a", "v", [["path", None], ["domain", 0]]]])
call("build", [["a", "x\r\ny", []]])
call("build", [["a", "v", [["path", "/\r\nX-Evil: 1"]]]])
call("build", [["a", "v", []]], "Set-Cookie:\r\nX-Evil:")
call("build", [["a", "v", []], ["b", "w", []]], "H:", "|")
call("build", [["a", "\x7f", []]])
call("build", [["a", "\u00e9\u20ac\U0001f600", []]])
call("build", [["a", "", []]])
call("build", [["a", 5, []], ["b", True, []], ["c", None, []]])

# --- corpus-like random loads
KEYS = ["a", "session_id", "X-Token", "k", "key with space", "k,", "k;", "k=", "k\"q", "ünï",
        "$Version", "$Path", "$Domain", "$Secure", "$x", "Version", "Path", "path", "Domain",
        "Comment", "Max-Age", "expires", "Expires", "secure", "Secure", "HttpOnly", "httponly",
        "SameSite", "samesite", "Partitioned", "Unknown", "a@b", "a/b", "a(b)", "a{b}", "a?b",
        "a=b", "[", "]", "a[b]", "\\", "k:term", "!#%&'~`", "a.b-c_d", "Ñ", "$"]
VALUES = ["1", "", "hello", "a,b", "a;b", "with space", "\"quoted\"", "\"esc\\\"aped\"",
          "\"\\012oct\"", "\"unterminated", "=eq=", "a=b=c", "Wed, 21 Oct 2026 07:28:00 GMT",
          "Thu, 01-Jan-1970 00:00:00 GMT", "Wed, 21 Oct 2026 07:28:00 GMTx", "Mon, 1  Jan 2001 1:2:3:4 GMT",
          "Wed, 21 Oct 20261 07:28:00 GMT", "[x]", "x]", "/", "/x", ".example.com", "None", "Strict",
          "tab\tv", "ü", "\"a\\\"", "\"\\\\\"", "\"\\400\"", "\"\\377\"", "\"\\\n\"", "\"a\nb\"",
          "\"x\" y", "\"\"", "\"", "-1", "0", "60", "\"a;b\"", "'", "\\x", "a\\", "{}", "()"]
SEPS = [";", "; ", " ; ", ",", ", ", " ", "  ", ";;", "\t", "\n", ";\n", "\r\n", "", "; ;", " , "]
EQS = ["=", " = ", "= ", " =", "=\t", "  =  "]

for _ in range(900):
    parts = []
    for _ in range(rng.randint(1, 7)):
        k = rng.choice(KEYS)
        r = rng.random()
        if r < 0.15:
            parts.append(k)
        else:
            parts.append(k + rng.choice(EQS if rng.random() < 0.3 else ["="]) + rng.choice(VALUES))
    raw = ""
    for i, p in enumerate(parts):
        raw += p + (rng.choice(SEPS) if i < len(parts) - 1 else rng.choice(["", "", ";", " ", "\n", " \n"]))
    if rng.random() < 0.1:
        raw = rng.choice([" ", "\t", "\n", ";"]) + raw
    call("load", raw)

# --- adversarial: character soup over the pattern's alphabet
SOUP = "a=;\" \\\t\n,$[]éGMT:0-"
for _ in range(400):
    call("load", "".join(rng.choice(SOUP) for _ in range(rng.randint(1, 24))))

# --- expires alternatives with 8..12 middle characters and every tail
for mid in ["21 Oct 2026", "1 Oct 2026", "21 Oct 20261", "21-Oct-2026", "21  Oct  2026", "2 O 2", "21 Oct 2026 x"]:
    for tail in ["", ";", " ", "x", "; a=1", " ;b=2", "\n"]:
        call("load", "a=1; expires=Wed, " + mid + " 07:28:00 GMT" + tail)
        call("load", "a=Wed, " + mid + " 07:28:00 GMT" + tail)

# --- corpus-like random builds
ATTRS = [("expires", ["Wed, 21 Oct 2026 07:28:00 GMT", "never", ""]), ("path", ["/", "/x", "a;b", ""]),
         ("comment", ["hi", "hi there", "a;b", "\"q\"", "ü"]), ("domain", [".example.com", "a;b"]),
         ("max-age", [0, 60, "60", -1]), ("secure", [True, False, "yes"]),
         ("httponly", [True, False]), ("version", [1, "1", 0]),
         ("samesite", ["Strict", "Lax", "None", "a;b"]), ("Path", ["/"]), ("MAX-AGE", [5]),
         ("partitioned", [True]), ("bogus", ["x"])]
BKEYS = ["a", "session_id", "X-Token", "k", "k=", "k;", "k,", "k\"q", "ünï", "expires", "Path",
         "key with space", "a:b", "!#$%&'*+-.^_`|~:"]
BVALS = ["1", "", "hello", "with space", "a,b", "a;b", "\"quoted\"", "ü", "€", "\"esc\\\"aped\"",
         "=eq=", "tab\tv", "'", "\\", "()/<=>?@[]{}", "\x01", "\x7f", "\x80\xff"]
for _ in range(500):
    entries = []
    for _ in range(rng.randint(1, 3)):
        attrs = []
        for _ in range(rng.randint(0, 3)):
            name, vals = rng.choice(ATTRS)
            attrs.append([name, rng.choice(vals)])
        entries.append([rng.choice(BKEYS), rng.choice(BVALS), attrs])
    r = rng.random()
    if r < 0.15:
        call("build", entries, rng.choice(["Cookie:", "Set-Cookie2:", ""]))
    elif r < 0.25:
        call("build", entries, sep=rng.choice(["\n", "; ", ""]))
    else:
        call("build", entries)

for line in out:
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
