#!/usr/bin/env python3
"""Inputs for tests/vectors/urllib_parse.jsonl: the calls of CPython's own
Lib/test/test_urlparse.py (and the quoting tests of test_urllib.py), recorded by
running those tests with urllib.parse instrumented; RFC 3986 section 5.4's
examples; corpus-like calls with other values; and adversarial ones (the CVEs of
the issue, odd argument types). Deterministic (seeded; the test suites run in
their fixed order). Record with:

    python3 tests/vectors/gen/urllib_parse_cases.py > /tmp/up.in.jsonl
    scripts/record-vectors /tmp/up.in.jsonl
"""
import functools
import io
import json
import os
import random
import sys
import unittest
import urllib.parse as P

rng = random.Random(20261122)
out = []
seen = set()


def enc(v):
    """A Python argument as PROTOCOL.md's JSON; ValueError for what it cannot carry."""
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v if -(2**53) < v < 2**53 else {"int": str(v)}
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return {"float": repr(v)}
        return v
    if type(v) is bytes:
        return {"bytes": v.hex()}
    if isinstance(v, tuple):
        return {"tuple": [enc(x) for x in v]}
    if type(v) is list:
        return [enc(x) for x in v]
    if type(v) is dict:
        return {"dict": [[enc(k), enc(x)] for k, x in v.items()]}
    raise ValueError(type(v).__name__)


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "conform"))
import oracle  # noqa: E402  (../shared/conform/oracle.py)


def carried(line):
    """Whether the oracle's answer can travel as UTF-8 JSON (no lone surrogates)."""
    try:
        json.dumps(oracle.answer(json.loads(json.dumps(line))), ensure_ascii=False).encode()
        return True
    except (UnicodeEncodeError, TypeError):
        return False


def call(fname, *args, **kwargs):
    try:
        line = {"call": "urllib.parse." + fname, "args": [enc(a) for a in args]}
        if kwargs:
            line["kwargs"] = {k: enc(v) for k, v in kwargs.items()}
    except ValueError:
        return
    key = json.dumps(line, sort_keys=True)
    if key in seen or not carried(line):
        return
    seen.add(key)
    line = {"id": 4_000_000 + len(out), **line}
    out.append(line)


# ------------------------------------------------------------- CPython's own tests
CALLS = ("urlparse", "urlsplit", "urlunparse", "urlunsplit", "urljoin", "urldefrag",
         "parse_qs", "parse_qsl", "quote", "quote_plus", "quote_from_bytes", "unquote",
         "unquote_plus", "unquote_to_bytes", "urlencode", "unwrap")
TEST_FILES = ("test_urlparse.py", "test_urllib.py")


def recording(name, f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        caller = sys._getframe(1).f_code.co_filename
        if os.path.basename(caller) in TEST_FILES:
            try:
                record(name, args, kwargs)
            except (TypeError, KeyError, IndexError):
                pass  # an argument the protocol cannot carry
        return f(*args, **kwargs)
    return wrapper


def record(name, args, kwargs):
    kwargs = dict(kwargs)
    if name == "urlencode":
        q = args[0] if args else kwargs.pop("query")
        if hasattr(q, "items"):
            q = dict(q)
        # oracle.py's urlencode takes the query alone by position
        names = ("doseq", "safe", "encoding", "errors", "quote_via")
        kwargs.update(zip(names, args[1:]))
        via = kwargs.get("quote_via")
        if via is not None:
            if getattr(via, "__name__", None) not in ("quote", "quote_plus"):
                return
            kwargs["quote_via"] = via.__name__
        args = (q,)
    if name in ("urlunsplit", "urlunparse"):
        args = (tuple(args[0]),) if args else (tuple(kwargs.pop("components")),)
    call(name, *args, **kwargs)


def run_cpython_tests():
    originals = {n: getattr(P, n) for n in CALLS}
    for n, f in originals.items():
        setattr(P, n, recording(n, f))
    try:
        from test import test_urlparse, test_urllib
        loader = unittest.TestLoader()
        suite = unittest.TestSuite()
        suite.addTests(loader.loadTestsFromModule(test_urlparse))
        for case in ("QuotingTests", "UnquotingTests", "urlencode_Tests", "Utility_Tests"):
            suite.addTests(loader.loadTestsFromTestCase(getattr(test_urllib, case)))
        unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
    finally:
        for n, f in originals.items():
            setattr(P, n, f)


run_cpython_tests()

# ------------------------------------------------------------- RFC 3986 section 5.4
RFC_BASE = "http://a/b/c/d;p?q"
RFC_NORMAL = ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x",
              "g;x", "g;x?y#s", "", ".", "./", "..", "../", "../g", "../..", "../../",
              "../../g"]
RFC_ABNORMAL = ["../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g",
                "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x",
                "g?y/../x", "g#s/./x", "g#s/../x", "http:g"]
for rel in RFC_NORMAL + RFC_ABNORMAL:
    call("urljoin", RFC_BASE, rel)
    call("urljoin", RFC_BASE, rel, allow_fragments=False)
    call("urljoin", RFC_BASE.encode(), rel.encode())
    for base in ("http://a/b/c/d;p?q#f", "https://u:p@a:8080/b/c/", "ftp://a/b", "file:///b/c",
                 "svn+ssh://a/b/c", "ws://a", "http://a", "tel:+1-555;x", "mailto:a@b"):
        call("urljoin", base, rel)

# ------------------------------------------------------------- URL pools (corpus-like)
SCHEMES = ["http", "https", "HTTP", "Https", "ftp", "file", "mailto", "git+https", "svn+ssh",
           "javascript", "data", "tel", "sip", "urn", "nntp", "ws", "wss", "rtsp", "sftp",
           "x_y", "1http", "-bad", "a.b-c+d", "h\u00e9", "imap", "news", "", "git", "hdl",
           "shttp", "prospero", "telnet", "rsync", "nfs", "snews", "mms"]
USERINFO = ["", "", "", "user@", ":pass@", "user:pass@", "a@b@", "u%40x:p%3Ay@", "us er@",
            "@", "user:@", ":@", "u:p:q@", "\u00fc:\u00e9@", "[::1]@", "x[y]@"]
HOSTS = ["example.com", "www.EXAMPLE.com", "localhost", "127.0.0.1", "256.1.1.1", "0x7f.1",
         "[::1]", "[::1", "::1]", "[fe80::1%25eth0]", "[fe80::1%eth0]", "[v1.fe80::a+en1]",
         "[V1.x]", "[v.x]", "[vg.x]", "[not-ip]", "[127.0.0.1]", "[::ffff:1.2.3.4]",
         "[1:2:3:4:5:6:7:8]", "[1::2::3]", "[::1]x", "a[::1]", "[::1][::2]", "a]b[c",
         "b\u00fccher.de", "xn--nxasmq6b.com", "%65x.com", "a..b", "h ost", "host_name",
         "\u2100.com", "ex\uff0fample.com", "ex\uff03a", "a\ufe55b", "a\uff20b", "\uff1f",
         "\u0131", "\u212a.com", "\u00c9COLE.fr", "HOST.\u03a3\u0391\u03a3", "", "[]",
         "[:]", "[v1.]", "[::1%]", "[fe80::1%25]"]
PORTS = ["", "", ":80", ":8080", ":65535", ":65536", ":0", ":-1", ": 80", ":", ":0080",
         ":\u0661\u0662", ":99999999999999999999", ":8o", ":+1", ":443"]
PATHS = ["", "/", "/a/b", "/\\back", "/sp ace", "/.", "/..", "/tab\there", "/new\nline",
         "/\u00fcn\u00ef", "/a:b", "//double//slash", "/a;p1;p2", "/a/./b/../c",
         "a/relative", "/%7Euser", "/a;b/c;d", ";x", "/cr\rhere", "/%zz", "/.;/..;x"]
QUERIES = ["", "", "?", "?a=1", "?a=1?b", "?=&=", "?q=%20+x", "?a=1;b=2", "?a#b", "?\u00e9=\u00fc",
           "?a=1&a=2"]
FRAGMENTS = ["", "", "#", "#frag", "#a#b", "#\u00e9", "#/x?y", "#?q"]
PREFIXES = ["", "", "", " ", "  \t", "\x00", "\x1f ", " \b", "\x7f", "\u3000", "\n"]
SUFFIXES = ["", "", "", " ", "\t", "\x00", "  "]


def rand_url():
    scheme = rng.choice(SCHEMES)
    form = rng.random()
    if form < 0.6:
        auth = "//" + rng.choice(USERINFO) + rng.choice(HOSTS) + rng.choice(PORTS)
    elif form < 0.7:
        auth = "//"
    else:
        auth = ""
    url = (scheme + ":" if scheme else "") + auth + rng.choice(PATHS) + rng.choice(QUERIES) \
        + rng.choice(FRAGMENTS)
    if scheme and rng.random() < 0.05:
        url = url.replace(":", rng.choice(["\t:", ":\n", "\r:"]), 1)
    return rng.choice(PREFIXES) + url + rng.choice(SUFFIXES)


def as_bytes(s):
    """ASCII text as bytes; other text as UTF-8 bytes (which bytes forms refuse)."""
    try:
        return s.encode("ascii")
    except UnicodeEncodeError:
        return s.encode("utf-8")


URLS = [rand_url() for _ in range(1400)]
for url in URLS:
    call("urlsplit", url)
    call("urlparse", url)
    r = rng.random()
    if r < 0.25:
        call("urlsplit", url, allow_fragments=False)
    elif r < 0.5:
        call("urlparse", url, scheme=rng.choice(["http", "", "ftp", " HTTP\t", "tel"]))
    elif r < 0.6:
        call("urlparse", url, rng.choice(["https", "sip"]), False)
    call("urldefrag", url)
    call("urljoin", rand_url(), url)
    if rng.random() < 0.4:
        call("urljoin", rand_url(), url, allow_fragments=False)
    call("unwrap", rng.choice(["<URL:%s>", "<%s>", "%s", " <URL: %s > ", "URL:%s", "<URL:%s"])
         % url)
    if rng.random() < 0.25:
        b = as_bytes(url)
        call(rng.choice(["urlsplit", "urlparse", "urldefrag"]), b)
        call("urljoin", as_bytes(rand_url()), b)

# the CVEs of the issue, one by one, with neighbours
for c in [chr(i) for i in range(0x21)] + ["\x7f", "\u00a0", "\u3000", "\ufeff"]:
    for url in ("%shttp://example.com/p", "%s//host/p", "%sjavascript:alert(1)", "http%s://h/",
                "ht%stp://h/", "http://h%s/p", "http://h/p%sq#f%s", "%s"):
        u = url.replace("%s", c)
        call("urlsplit", u)
        call("urlsplit", u.encode("utf-8") if c.isascii() else u)
    call("urlsplit", "/p", scheme=c + "http" + c)
    call("urlparse", "/p", c + "ht\ttp" + c)
# CVE-2015-2104: a path that starts with // and no netloc, and relative paths after a
# scheme with a netloc
for url in ("////x", "////#", "//", "///", "http:////x", "http:////[x", "a:////[x", "a:////b",
            "file:////server/share", "http:a/b", "http:a", "http:", "ftp:/x", "mailto:////x",
            "////x?q#f", "http:////x;p?q#f", "svn+ssh:a", "x://", "x:///", "x:////y"):
    call("urlsplit", url)
    call("urlparse", url)
    call("urldefrag", url + "#f")
    call("urljoin", url, "g")
    call("urljoin", "http:", url)
    call("urljoin", url, "//g/h")
for parts in (["", "", "//x", "", ""], ["http", "", "//x", "", ""], ["http", "", "a/b", "", ""],
              ["x", "", "//y", "q", "f"], ["http", "", "", "", ""], ["file", "", "/p", "", ""],
              ["mailto", "", "//a", "", ""], ["", "", "//", "", ""], ["ftp", "", "a", "q", ""]):
    call("urlunsplit", parts)
    call("urlunparse", parts[:3] + [""] + parts[3:])
    call("urlunparse", parts[:3] + ["p"] + parts[3:])
    call("urlunsplit", [p.encode() for p in parts])
for host in ("[::1]", "[::1]x", "x[::1]", "[::1]:80", "[::1]@h", "u@[::1]", "u@[::1]:",
             "[a]@[::1]", "[::1]@[a]", "[v1.a]", "[v1.]", "[v.1]", "[vA.b]", "[VA.b]", "[::1%x]",
             "[::1%]", "[::1%a%b]", "[1.2.3.4]", "[::1.2.3.4]", "[::1.2.3.04]", "[]", "[ ::1]",
             "[::1 ]", "[fe80::1%25en0]:443", "[[::1]]", "[::1]]", "[[::1]", "h:[1]", "a]b[",
             "[v1.x]y", "y[v1.x]", "[::1]:80:90", "[::1]?", "u:p@[::1]@h", "[:::]"):
    for form in ("http://%s/p", "//%s", "ftp://%s?q#f"):
        call("urlsplit", form % host)
        call("urlparse", form % host)
        call("urljoin", "http://base/a", form % host)
        call("urldefrag", form % host + "#x")
    call("urlsplit", ("http://%s/" % host).encode())
for ch in ("\u2100", "\u2101", "\u2105", "\u2106", "\uff03", "\uff0f", "\uff1a", "\uff1f",
           "\uff20", "\ufe55", "\u00bc", "\u2488", "\u2474", "\u33c2", "\u2048", "\u00aa",
           "\u0130", "\u1e9e", "\ufb01"):
    for form in ("http://%s/", "http://a%sb/", "http://u%s@h/", "http://h:8%s/", "//%s#f"):
        call("urlsplit", form % ch)
    call("urljoin", "http://x/", "//a%s/" % ch)
for q, kw in [("a=1;b=2", {}), ("a=1;b=2", {"separator": ";"}), ("a=1&b=2;c=3", {}),
              ("a=1&b=2;c=3", {"separator": ";"}), ("a;b", {"separator": ";", "keep_blank_values": True}),
              ("a=1", {"separator": ""}), ("a=1", {"separator": None}), ("a=1", {"separator": 1}),
              ("a=1&&b", {"separator": "&&"}), ("a=1", {"separator": b"&"}),
              ("a=1;b", {"separator": b"\xff"}), (b"a=1;b=2", {"separator": ";"}),
              ("a=1&" * 10, {"max_num_fields": 9}), ("a=1&" * 10, {"max_num_fields": 10}),
              ("a=1&" * 10, {"max_num_fields": 11}), ("", {"max_num_fields": 0}),
              ("", {"max_num_fields": -1}), ("a", {"max_num_fields": 0}),
              ("&&&", {"max_num_fields": 3}), ("&&&", {"max_num_fields": 4}),
              ("a=1&b=2", {"max_num_fields": 1.5}), ("a=1&b=2", {"max_num_fields": 2.0}),
              ("a=1&b=2", {"max_num_fields": True}), ("a=1&b=2", {"max_num_fields": "3"}),
              ("a=1&b=2", {"max_num_fields": 2**70}), ("x" * 3000, {"max_num_fields": 1}),
              ("&" * 5000, {"max_num_fields": 4999}), (b"a=1&b=2", {"max_num_fields": 1})]:
    call("parse_qsl", q, **kw)
    call("parse_qs", q, **kw)

# ------------------------------------------------------------- quoting
PIECES = ["", "~user", "hello world", "a/b c", "a%2Fb", "100%", "%41%zz%", "+plus+", "tab\t",
          "\x00\x7f", "#frag?q", "a+b=c&d", "\u00fcn\u00efc\u00f6d\u00e9", "\u65e5\u672c\u8a9e",
          "emoji\U0001f600", "\u20ac", "\u00ff\u0100", "%e9", "%C3%A9", "%C3", "%ED%A0%80",
          "%F0%9F%98", "%", "%%", "%4", "%g0", "\u0130", "\ufffd", ":/?#[]@", "!$&'()*+,;=",
          "\r\n", " ", "..", "%2b", "%20+%20", "\x80", "\u0661"]


def rand_text(n=3):
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, n)))


SAFES = ["/", "", ":/?#[]@", "!$&'()*+,;=", "~", "\u00e9", " ", "+", "%", "/ +",
         b"/", b"", b":@", b"\xff/"]
ENCODINGS = ["utf-8", "latin-1", "ascii", "UTF8", "iso-8859-1", "cp1252", "windows-1252",
             "US-ASCII", "l1", "u8"]
ERRORS = ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]
for _ in range(700):
    s = rand_text()
    fname = rng.choice(["quote", "quote_plus"])
    r = rng.random()
    if r < 0.3:
        call(fname, s)
    elif r < 0.6:
        call(fname, s, safe=rng.choice(SAFES))
    else:
        call(fname, s, safe=rng.choice(SAFES), encoding=rng.choice(ENCODINGS),
             errors=rng.choice(ERRORS))
    b = s.encode("utf-8")
    call("quote_from_bytes", b)
    call("quote_from_bytes", b, safe=rng.choice(SAFES))
    call(rng.choice(["quote", "quote_plus"]), b)
    call(rng.choice(["quote", "quote_plus"]), b, rng.choice(SAFES))
for _ in range(900):
    s = rand_text(4)
    fname = rng.choice(["unquote", "unquote_plus"])
    if rng.random() < 0.5:
        call(fname, s)
    else:
        call(fname, s, encoding=rng.choice(ENCODINGS), errors=rng.choice(ERRORS[:4]))
    call("unquote_to_bytes", s)
    if rng.random() < 0.3:
        b = s.encode("utf-8")
        call("unquote", b)
        call("unquote", b, rng.choice(ENCODINGS), rng.choice(ERRORS[:4]))
        call("unquote_to_bytes", b)
# odd arguments
for fname in ("quote", "quote_plus", "quote_from_bytes", "unquote", "unquote_plus",
              "unquote_to_bytes"):
    for arg in (None, 5, 1.5, True, [], ["%"], ["a"], ("%",), {"dict": 1}, b"", "", b"a b%41"):
        call(fname, arg)
for kw in ({"encoding": "bogus"}, {"errors": "bogus"}, {"encoding": None}, {"errors": None},
           {"encoding": 5}, {"errors": 5}, {"encoding": "hex"}, {"encoding": "ascii", "errors": "bogus"},
           {"errors": "namereplace"}, {"errors": "surrogateescape"},
           {"encoding": "ascii", "errors": "surrogateescape"}, {"encoding": " UTF--8 "},
           {"encoding": "utf..8"}, {"encoding": "iso8859.1"}):
    for s in ("", "a", "a b", "\u00e9 x", "%E9", "%41", "caf\u00e9%E9", "\u20ac%80"):
        for fname in ("quote", "quote_plus", "unquote", "unquote_plus"):
            call(fname, s, **kw)
        call("unquote", s.encode("utf-8"), **kw)
        call("quote", s.encode("utf-8"), **kw)
for safe in ([47], [200, 47], (32,), [-1], ["a"], None, 5, {}, b"\x80 "):
    for s in ("a/b c", "", b"a/b c", b""):
        call("quote", s, safe)
        call("quote_plus", s, safe)
        if isinstance(s, bytes):
            call("quote_from_bytes", s, safe)

# ------------------------------------------------------------- query strings
NAMES = ["a", "b", "a b", "a+b", "%41", "\u00fc", "\u65e5", "", "x%zz", "%E9", "%C3%A9", "=",
         "tab\t", "\x00", "emoji\U0001f600", "k;v", "100%"]


def rand_qs():
    seps = rng.choice(["&", "&", ";", "&&"])
    fields = []
    for _ in range(rng.randint(0, 6)):
        r = rng.random()
        if r < 0.15:
            fields.append("")
        elif r < 0.3:
            fields.append(rng.choice(NAMES))
        else:
            fields.append(rng.choice(NAMES) + "=" + rng.choice(NAMES) +
                          ("=" + rng.choice(NAMES) if rng.random() < 0.1 else ""))
    return seps.join(fields), seps


for _ in range(600):
    qs, sep = rand_qs()
    kw = {}
    if rng.random() < 0.5:
        kw["keep_blank_values"] = rng.choice([True, False, 1, 0, "", "x"])
    if rng.random() < 0.3:
        kw["strict_parsing"] = rng.choice([True, False, 1])
    if rng.random() < 0.3:
        kw["separator"] = rng.choice([sep, "&", ";", "&&", "=", "a"])
    if rng.random() < 0.2:
        kw["max_num_fields"] = rng.choice([0, 1, 2, 3, 5, 10, None])
    if rng.random() < 0.3:
        kw["encoding"] = rng.choice(ENCODINGS)
        kw["errors"] = rng.choice(ERRORS[:4])
    fname = rng.choice(["parse_qs", "parse_qsl"])
    call(fname, qs, **kw)
    if rng.random() < 0.3:
        call(fname, as_bytes(qs), **kw)
for q in (None, 0, "", b"", 5, ["a=1"], b"a=%E9", b"a=\xff", "a=1"):
    call("parse_qs", q)
    call("parse_qsl", q)

# ------------------------------------------------------------- urlencode
SCALARS = ["a", "b c", "\u00e9", "\u65e5\u672c", "", "+", "%", "a&b=c", b"x y", b"\xff", b"",
           0, 1, -5, 2**64, 1.5, 0.1, 1e16, 1e-7, -0.0, float("inf"), True, False, None]


def rand_value(depth=0):
    r = rng.random()
    if r < 0.65 or depth:
        return rng.choice(SCALARS)
    if r < 0.85:
        return [rand_value(1) for _ in range(rng.randint(0, 3))]
    if r < 0.95:
        return tuple(rand_value(1) for _ in range(rng.randint(0, 3)))
    return {rng.choice(["k", "l"]): rand_value(1) for _ in range(rng.randint(0, 2))}


for _ in range(700):
    pairs = [[rand_value(1) if rng.random() < 0.2 else rng.choice(NAMES), rand_value()]
             for _ in range(rng.randint(0, 4))]
    kw = {}
    if rng.random() < 0.5:
        kw["doseq"] = rng.choice([True, False, 1])
    if rng.random() < 0.3:
        kw["safe"] = rng.choice(SAFES)
    if rng.random() < 0.3:
        kw["quote_via"] = rng.choice(["quote", "quote_plus"])
    if rng.random() < 0.2:
        kw["encoding"] = rng.choice(ENCODINGS)
        kw["errors"] = rng.choice(ERRORS)
    if rng.random() < 0.15:
        call("urlencode", {"x": 1} if not pairs else dict((str(k), v) for k, v in pairs), **kw)
    else:
        call("urlencode", pairs, **kw)
for q in ("", "ab", b"", b"ab", None, 5, [], [["a"]], [["a", "b", "c"]], [5], ["ab"],
          [["a", "b"], 5], [["a", "b"], ["c"]], [b"xy"], [{"dict": 1}], (("a", "b"),),
          (["a", "b"],), (("a", "b"), ["c", "d"]), (("a", "b"), 5), (("a", "b"), ("c",))):
    call("urlencode", q)
for kw in ({"quote_via": "nosuch"}, {"quote_via": 5},
           {"safe": 5}, {"encoding": 5}, {"errors": 5}, {"encoding": "bogus"}):
    call("urlencode", [["a", "b c"]], **kw)
    call("urlencode", [], **kw)

# ------------------------------------------------------------- urlunsplit, urlunparse
for _ in range(500):
    parts = [rng.choice(SCHEMES), rng.choice(["", "", "h", "u@h:1", "[::1]", "b\u00fccher.de"]),
             rng.choice(PATHS + ["//x", "x", ""]), rng.choice(["", "q=1", "a?b"]),
             rng.choice(["", "f", "#"])]
    call("urlunsplit", parts)
    six = parts[:3] + [rng.choice(["", "p", "a;b"])] + parts[3:]
    call("urlunparse", six)
    if rng.random() < 0.2:
        call("urlunsplit", [as_bytes(p) for p in parts])
        call("urlunparse", [as_bytes(p) for p in six])
for parts in (["http", "h", None, "", ""], ["", "", None, "", ""], [None, "", "", "", ""],
              [None, "h", "", "", ""], ["http", "h", "/p", None, None], [b"http", "h", "", "", ""],
              [b"http", b"h", b"/p", b"", b""], ["a", "b"], [], "abcde", "abcdef", b"abcde",
              ["http", "h", 0, "", ""], ["", "", 0, "", ""], ["", "", [], "", ""], 5, None,
              [b"", "", "", "", ""], [b"\xff", b"", b"", b"", b""], ["x", 1, "", "", ""]):
    call("urlunsplit", parts)
    if isinstance(parts, list) and len(parts) == 5:
        call("urlunparse", parts[:3] + ["p"] + parts[3:])
        call("urlunparse", parts[:3] + [""] + parts[3:])

# ------------------------------------------------------------- mixed and odd types
for args, kw in [(("http://a", b"b"), {}), ((b"http://a", "b"), {}), ((b"/a",), {"scheme": "http"}),
                 ((None,), {}), ((0,), {}), ((5,), {}), (([],), {}), ((("a",),), {}),
                 (("http://a",), {"scheme": None}), (("http://a",), {"scheme": 0}),
                 (("http://a",), {"allow_fragments": []}), (("http://a#b",), {"allow_fragments": 0}),
                 (("http://a#b",), {"allow_fragments": ""}), ((b"http://\xff",), {}),
                 ((b"/p",), {"scheme": b"\xff"}), ((b"/p",), {"scheme": b"ftp"}), ((), {})]:
    for fname in ("urlsplit", "urlparse", "urldefrag"):
        if fname == "urldefrag" and kw:
            continue
        call(fname, *args, **kw)
for base, url in [("", 5), (None, "x"), ("x", None), ("http://a/", b"b"), (b"http://a/", "b"),
                  (b"http://a/b", b"../c"), (5, "x"), ("http://a/", 5), (b"\xff", b"x"),
                  ("http://a/", ["x"]), ([], "x")]:
    call("urljoin", base, url)
for url in (None, 5, b"<URL:x>", ["a"], 1.5, " x ", "<>", "<URL:>", "\u3000<URL:\x1cx\x1f>\u2028"):
    call("unwrap", url)

for line in out:
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
print(f"urllib_parse_cases: {len(out)} calls", file=sys.stderr)
