#!/usr/bin/env python3
"""Inputs for tests/vectors/http_cookiejar.jsonl: corpus-like CookieJar runs with
other hosts, attributes and every DefaultCookiePolicy option, the data cases of
CPython's test_http_cookiejar.py (domain matching, paths, ports, RFC 2965,
CVE-2018-20852's pythonicexample.com), and date formats of http2time through
Expires. Deterministic (seeded); expiry dates are far past or 2099 so recorded
answers stay true in real time. Record with:

    python3 tests/vectors/gen/http_cookiejar_cases.py > /tmp/http_cookiejar.in.jsonl
    scripts/record-vectors /tmp/http_cookiejar.in.jsonl
"""
import json, random

rng = random.Random(20261121)
out = []


def jar(ops, **policy):
    line = {"id": 7_000_000 + len(out), "call": "http.cookiejar.CookieJar", "args": [ops]}
    if policy:
        line["kwargs"] = {"policy": {"dict": [[k, v] for k, v in policy.items()]}}
    out.append(line)


def ext(url, *hdrs):
    return ["extract", url, list(hdrs)]


def hdr(url):
    return ["header", url]


# --- CPython test_http_cookiejar.py data cases
jar([ext("http://www.acme.com/", "Set-Cookie: CUSTOMER=WILE_E_COYOTE; path=/ ; expires=Wednesday, 09-Nov-99 23:12:40 GMT"),
     hdr("http://www.acme.com/"),
     ext("http://www.acme.com/", "Set-Cookie: PART_NUMBER=ROCKET_LAUNCHER_0001; path=/"),
     hdr("http://www.acme.com/foo/bar"),
     ext("http://www.acme.com/", "Set-Cookie: SHIPPING=FEDEX; path=/foo"),
     hdr("http://www.acme.com/"), hdr("http://www.acme.com/foo/bar")])
jar([ext("http://www.acme.com/", "Set-Cookie: PART_NUMBER=ROCKET_LAUNCHER_0001; path=/"),
     ext("http://www.acme.com/", "Set-Cookie: PART_NUMBER=RIDING_ROCKET_0023; path=/ammo"),
     hdr("http://www.acme.com/ammo")])
# CVE-2018-20852: domain and host suffixes must match at a dot
for dom in ("example.com", ".example.com", "com", ".com", "ample.com", "xample.com"):
    jar([ext("http://www.example.com/", f"Set-Cookie: a=1; Domain={dom}"),
         hdr("http://pythonicexample.com/"), hdr("http://example.com/"),
         hdr("http://www.example.com/"), hdr("http://www.pythonicexample.com/"),
         hdr("http://ample.com/"), hdr("http://x.ample.com/")])
jar([ext("http://example.com/", "Set-Cookie: a=1"), hdr("http://pythonicexample.com/"),
     hdr("http://www.example.com/"), hdr("http://notexample.com/")])
jar([ext("http://www.example.com/", "Set-Cookie2: a=1; Version=1; Domain=.example.com"),
     hdr("http://pythonicexample.com/"), hdr("http://www.example.com/")], rfc2965=True)
# domain tests of test_http_cookiejar (test_domain_allow, test_domain_block, test_secure ...)
for url, cookie in [
    ("http://foo.bar.com/", "Set-Cookie: spam=eggs; domain=.bar.com"),
    ("http://foo.bar.com/", "Set-Cookie: spam=eggs; domain=bar.com"),
    ("http://foo.bar.com/", "Set-Cookie: spam=eggs; domain=.foo.bar.com"),
    ("http://foo.bar.com/", "Set-Cookie: spam=eggs; domain=foo.bar.com"),
    ("http://foo.bar.com/", "Set-Cookie: spam=eggs; domain=.com"),
    ("http://foo.bar.com/", "Set-Cookie: spam=eggs; domain=com"),
    ("http://foo.com/", "Set-Cookie: spam=eggs; domain=.foo.com"),
    ("http://foo.com/", "Set-Cookie: spam=eggs; domain=foo.com"),
    ("http://foo/", "Set-Cookie: spam=eggs; domain=.foo"),
    ("http://foo/", "Set-Cookie: spam=eggs; domain=foo"),
    ("http://foo.local/", "Set-Cookie: spam=eggs; domain=.local"),
    ("http://192.168.1.1/", "Set-Cookie: spam=eggs; domain=.168.1.1"),
    ("http://192.168.1.1/", "Set-Cookie: spam=eggs; domain=192.168.1.1"),
    ("http://192.168.1.1./", "Set-Cookie: spam=eggs; domain=192.168.1.1."),
    ("http://www.acme.com/", "Set-Cookie: spam=eggs; domain=.acme.com."),
    ("http://a.b.c.acme.com/", "Set-Cookie: spam=eggs; domain=.c.acme.com"),
    ("http://www.co.uk/", "Set-Cookie: spam=eggs; domain=.co.uk"),
    ("http://www.ac.uk/", "Set-Cookie: spam=eggs; domain=.ac.uk"),
    ("http://www.example.com:8080/", "Set-Cookie: spam=eggs; domain=example.com:8080"),
    ("http://www.example.com:8080/", "Set-Cookie: spam=eggs; port=\"8080,80\""),
    ("http://www.example.com:8080/", "Set-Cookie: spam=eggs; port=\"80\""),
    ("http://www.example.com:8080/", "Set-Cookie: spam=eggs; port"),
    ("http://www.example.com:8080/", "Set-Cookie: spam=eggs; port=\"x,8080\""),
    ("http://www.acme.com/", "Set-Cookie: $spam=eggs"),
    ("http://www.acme.com/foo/", "Set-Cookie: spam=eggs; path=/bar/"),
    ("http://www.acme.com/foo%2f/", "Set-Cookie: spam=eggs; path=/foo%2F/"),
    ("http://www.acme.com/foo/bar/", "Set-Cookie: spam=eggs; path=/foo"),
    ("http://www.acme.com/foo bar/", "Set-Cookie: spam=eggs"),
    ("http://www.acme.com/\u00e9/", "Set-Cookie: spam=\u00e9; path=/\u00e9/"),
]:
    host_urls = [url, url.replace("http:", "https:"), "http://other.com/",
                 url + "sub/page", url.replace("://", "://x.")]
    for pol in ({}, {"strict_ns_domain": 1}, {"strict_ns_domain": 2}, {"strict_ns_domain": 4},
                {"strict_ns_domain": 3}, {"strict_domain": True}, {"strict_ns_set_initial_dollar": True},
                {"strict_ns_set_path": True}, {"blocked_domains": [".bar.com", "acme.com"]},
                {"allowed_domains": [".bar.com", "www.acme.com"]}, {"rfc2965": True},
                {"netscape": False, "rfc2965": True}):
        jar([ext(url, cookie)] + [hdr(u) for u in host_urls], **pol)
# secure cookies and secure_protocols
for proto in (None, ["https"], ["http"], ["https", "wss", "ws"], []):
    pol = {} if proto is None else {"secure_protocols": proto}
    jar([ext("https://www.acme.com/", "Set-Cookie: s=1; secure", "Set-Cookie: t=2; Secure="),
         hdr("http://www.acme.com/"), hdr("https://www.acme.com/"), hdr("ws://www.acme.com/"),
         hdr("wss://www.acme.com/")], **pol)
# RFC 2965 / 2109
for pol in ({"rfc2965": True}, {"rfc2965": True, "rfc2109_as_netscape": True},
            {"rfc2965": False, "rfc2109_as_netscape": False}, {"rfc2965": True, "hide_cookie2": True},
            {}, {"netscape": False}):
    jar([ext("http://www.acme.com/acme/login",
             'Set-Cookie2: Customer="WILE_E_COYOTE"; Version="1"; Path="/acme"'),
         hdr("http://www.acme.com/acme/pickitem"),
         ext("http://www.acme.com/acme/pickitem",
             'Set-Cookie2: Part_Number="Rocket_Launcher_0001"; Version="1"; Path="/acme"'),
         hdr("http://www.acme.com/acme/shipping"),
         ext("http://www.acme.com/acme/shipping",
             'Set-Cookie2: Shipping="FedEx"; Version="1"; Path="/acme"'),
         hdr("http://www.acme.com/acme/process"),
         ext("http://www.acme.com/", "Set-Cookie: foo=bar; Version=1; Path=/",
             'Set-Cookie2: foo="bar baz"; Version="1"; Path="/"; Port="80"; Comment="c"',
             'Set-Cookie2: q="a\\"b"; Version=1; Discard; Max-Age=100',
             "Set-Cookie2: e=1; Version=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT",
             "Set-Cookie2: nv; Version=1"),
         hdr("http://www.acme.com/"), hdr("http://www.acme.com:80/x")], **pol)
# unverifiable requests are not generated by the oracle: strict_*_unverifiable still parse
jar([ext("http://www.acme.com/", "Set-Cookie: a=1"), hdr("http://www.acme.com/")],
    strict_ns_unverifiable=True, strict_rfc2965_unverifiable=False)

# --- http2time through Expires
DATES = ["Thu, 01 Jan 2099 00:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT",
         "Wed, 09 Feb 1994 22:23:32 GMT", "Thursday, 01-Jan-2099 00:00:00 GMT",
         "01-Jan-2099 00:00:00 GMT", "01 Jan 2099", "01-Jan-99 00:00:00 GMT",
         "1 jan 2099 00:00 +0100", "01 Jan 2099 00:00:00 -0800 (PST)", "01/01/2099",
         "01 Jan 2099 10:00 AM", "01 Jan 2099 EST", "01 Jan 2099 XYZ", "01 01 2099",
         "01 13 2099", "32 Jan 2099", "01 Jan 20990", "01 Jan 9999", "01 Jan 10000",
         "Sun, 01 Xyz 2099 00:00:00 GMT", "Thu, 01 Jan 2099 00:00:00 GMT\n",
         "  Thu, 01 Jan 2099 00:00:00 GMT  ", "1-c-1" + " " * 2000 + "!",
         "01 Jan 2099 25:00:00", "01 Jan 2099 24:00:00", "01 Jan 1_999",
         "Thu 01 Jan 2099 00:00:00 UT", "01 Jan 2099 00:00:00 Z", "01 Jan 2099 00:00:00 +01:30",
         "01 Jan 2099 00:00:00+0100", "01 Jan 209912:00", "", "garbage",
         '"Thu, 01 Jan 2099 00:00:00 GMT"', "1994-02-03 14:15:29"]
for d in DATES:
    jar([ext("http://www.acme.com/", f"Set-Cookie: a=1; Expires={d}", "Set-Cookie: b=2"),
         hdr("http://www.acme.com/")])
    jar([ext("http://www.acme.com/", "Set-Cookie: a=1", f"Set-Cookie: a=2; expires={d}; path=/"),
         hdr("http://www.acme.com/")])

# --- odd URLs and headers
for url in ["example.com/", "http://user:pw@www.acme.com/", "http://[::1]:8080/a", "http://WWW.ACME.COM./",
            "http://www.acme.com/a;p?q=1#frag", "http:/nohost", "HTTP://www.acme.com", "http://www.acme.com:x/",
            "<URL:http://www.acme.com/>", "http://www.acme.com/%7euser/%2fx"]:
    jar([ext(url, "Set-Cookie: a=1", "Set-Cookie: b=2; Port", 'Set-Cookie: c=3; port="80"'), hdr(url)])
for h in ["Set-Cookie: =1", "Set-Cookie: ;a=1", "Set-Cookie:  a = 1 ; path = /x ", "Set-Cookie: a=1;;;",
          "Set-Cookie: a", "Set-Cookie: a=1=2", "Set-Cookie: a=1\u00a0; path=/", "Set-Cookie: a=1; EXPIRES",
          "Set-Cookie: a=1; Domain=; Path=/", "Set-Cookie: a=1; version=\"1\"; Path=/",
          'Set-Cookie2: a="x\\\\y"; Version=1; Path="/", b=2; Version=1',
          "Set-Cookie2: ,,a=1;;Version=1 ; ; , b", "Set-Cookie2: a=1; Version=1; Max-Age",
          "Set-Cookie2: a=1; Version=1; Domain=.acme.com; Port", "set-cookie: lower=1",
          "Set-Cookie2: a=1; Version=0", "Set-Cookie: a=1; Max-Age=1_0", "Set-Cookie: a=1; Max-Age= 5"]:
    for pol in ({}, {"rfc2965": True}):
        jar([ext("http://www.acme.com/x/y", h, "Set-Cookie: z=9"), hdr("http://www.acme.com/x/y"),
             hdr("http://www.acme.com:8080/")], **pol)

# --- corpus-like random runs
HOSTS = ["www.example.com", "example.com", "a.b.example.com", "pythonicexample.com",
         "example.co.uk", "www.acme.org", "localhost", "127.0.0.1", "foo", "x.local"]
PATHS = ["/", "/a", "/a/b", "/b/c/d", "/a/", "/a/b/"]
NAMES = ["a", "b", "sid", "$x", "Name"]
VALUES = ["1", "2", "x y", '"q"', "", "\u00e9"]
ATTRS = ["Path=/", "Path=/a", "Path=", "Domain=.example.com", "Domain=example.com", "Domain=.com",
         "Domain=.co.uk", "Domain=other.org", "Domain=localhost", "Domain=.local", "Domain",
         "Max-Age=0", "Max-Age=99999999", "Max-Age", "Max-Age=x", "Max-Age=-1",
         "Expires=Thu, 01 Jan 2099 00:00:00 GMT", "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
         "Secure", "HttpOnly", "Version=1", "Version=x", "Version", 'Port="80"', "Port",
         'Port="443,80"', "Comment=hi", "discard", "SameSite=Lax"]
POLICIES = [{}, {"rfc2965": True}, {"strict_ns_domain": 15}, {"strict_domain": True},
            {"blocked_domains": [".example.com"]}, {"allowed_domains": ["www.example.com", ".acme.org"]},
            {"netscape": False, "rfc2965": True}, {"strict_ns_set_path": True},
            {"rfc2109_as_netscape": False, "rfc2965": True}, {"hide_cookie2": True, "rfc2965": True}]
for _ in range(400):
    ops = []
    for _ in range(rng.randint(1, 6)):
        url = rng.choice(["http", "https"]) + "://" + rng.choice(HOSTS) + rng.choice(["", ":80", ":8080"]) + rng.choice(PATHS)
        if rng.random() < 0.6:
            hdrs = []
            for _ in range(rng.randint(1, 3)):
                attrs = rng.sample(ATTRS, rng.randint(0, 3))
                kind = "Set-Cookie2" if rng.random() < 0.15 else "Set-Cookie"
                hdrs.append(f"{kind}: {rng.choice(NAMES)}={rng.choice(VALUES)}; " + "; ".join(attrs))
            ops.append(ext(url, *hdrs))
        else:
            ops.append(hdr(url))
    jar(ops, **rng.choice(POLICIES))

# --- adversarial random runs: odd hosts (IPv6, IPv4 with ports, upper case, trailing
# dots), escaped and non-ASCII paths, odd names and values, every attribute spelling,
# Set-Cookie2 lists, and option combinations
rng = random.Random(20261122)
N_HOSTS=["WWW.Example.COM","www.example.com.","[::1]","[::1]:81","192.168.0.1","10.0.0.1:8080","a.b.c.d.e.example.com","xn--bcher-kva.example","localhost:8000","Local","ex%41mple.com","user@host.com","h_u.example.com"]
N_PATHS=["/","/a%2fb/","/%7e/","/é/ü","/a b/","/a;b/c","/a?x=1","/a#f","","/A/B/c.html","//x"]
N_NAMES=["a","$Version","Path","b c","ä","x=y","", "sid"]
N_VALS=["1","\"q\"","a,b","é","x\\\"y","", " sp ","a=b"]
N_ATTRS=["Path=/","path=/A","PATH=/a%2Fb/","Path=/é","Domain=.EXAMPLE.com","domain=example.com.","Domain=.[::1]","Domain=192.168.0.1","Domain=.0.0.1","Domain=.local","Domain=local","Domain=.example","Domain=\"example.com\"",
"Max-Age=5000000000","Max-Age=0x10","Max-Age= 10","max-age=-0","Expires=Fri, 31 Dec 9999 23:59:59 GMT","Expires=Mon, 01-Jan-2099 00:00:00 GMT","expires=\"Thu, 01 Jan 2099 00:00:00 GMT\"","Expires=01-Jan-70","Expires=2099-01-01",
"Secure","secure=0","Secure=","Discard","Version=\"1\"","version=2","Version=-1","Version= 1","Port=\"80,8080\"","Port=\"8000\"","Port=\" 80 , 81 \"","port=","Port=\"abc\"","Comment=\"x, y\"","CommentURL=\"http://x\"","HttpOnly","httponly=1","Foo=Bar"]
N_POL=[{},{"rfc2965":True},{"strict_ns_domain":7},{"strict_domain":True,"rfc2965":True},{"blocked_domains":["192.168.0.1",".EXAMPLE.com"]},{"allowed_domains":["[::1]",".example.com","localhost.local"]},
{"netscape":False,"rfc2965":True},{"strict_ns_set_path":True,"strict_ns_set_initial_dollar":True},{"rfc2109_as_netscape":True,"rfc2965":True},{"secure_protocols":["http"]},{"allowed_domains":[]},{"strict_rfc2965_unverifiable":False,"rfc2965":True,"strict_ns_domain":2}]
for _ in range(400):
    ops=[]
    for _ in range(rng.randint(1,6)):
        url=rng.choice(["http","https","HTTP","ws","wss","ftp"])+"://"+rng.choice(N_HOSTS)+rng.choice(N_PATHS)
        if rng.random()<0.6:
            hs=[]
            for _ in range(rng.randint(1,3)):
                kind=rng.choice(["Set-Cookie","Set-Cookie","set-cookie","Set-Cookie2","SET-COOKIE2"])
                parts=[rng.choice(N_NAMES)+"="+rng.choice(N_VALS)] if rng.random()<0.9 else [rng.choice(N_NAMES)]
                parts+=rng.sample(N_ATTRS,rng.randint(0,4))
                sep=rng.choice(["; ",";"," ; "])
                if kind.lower()=="set-cookie2" and rng.random()<0.3: parts.append(", "+rng.choice(N_NAMES)+"=2")
                hs.append(kind+": "+sep.join(parts))
            ops.append(["extract",url,hs])
        else: ops.append(["header",url])
    jar(ops, **rng.choice(N_POL))

for line in out:
    print(json.dumps(line, ensure_ascii=False))
