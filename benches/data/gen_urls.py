#!/usr/bin/env python3
"""Writes a seeded corpus of realistic URLs for the urlparse benchmarks, one per line:

    python3 benches/data/gen_urls.py [N] > target/bench-data/urls.txt

The mix follows what programs parse most: https pages with paths, queries and
fragments; API calls with ids and paging; search and tracking queries with escapes;
CDN assets; ports, user info, IPv4 and IPv6 hosts; international and percent-encoded
paths; mailto, file, ftp, data-less schemes; and about one in eight relative
references (paths, queries, protocol-relative), as links in pages are.
"""
import random
import sys
import urllib.parse

rng = random.Random(20261121)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 12000

WORDS = ("news sport weather search account login settings profile docs api v1 v2 users "
         "orders items products cart checkout blog 2024 2025 archive tags category help "
         "about contact images static assets js css fonts video watch article story "
         "wiki page index download release notes issues pull commits tree main src lib").split()
DOMAINS = ("example.com www.example.org news.example.co.uk api.github.com www.google.com "
           "en.wikipedia.org cdn.jsdelivr.net docs.python.org www.amazon.de m.youtube.com "
           "static.example.net mail.example.com shop.example.fr login.microsoftonline.com "
           "s3.amazonaws.com www.bbc.co.uk stackoverflow.com crates.io docs.rs "
           "subdomain.deep.example.travel xn--bcher-kva.example").split()
TLD_HOSTS = ("localhost 127.0.0.1 10.0.0.12 192.168.1.1 [::1] [2001:db8::7] "
             "[fe80::1%25eth0]").split()
KEYS = "q id page limit offset sort lang utm_source utm_medium utm_campaign ref s t v tab".split()
TEXT = ["rust url parser", "café crème", "a&b=c", "100%", "日本語", "C++ tips", "x/y?z",
        "hello world", "naïve", "emoji 😀", "", "2025-01-01", "true", "α β γ"]


def word():
    return rng.choice(WORDS)


def path(depth=None):
    depth = rng.randint(0, 5) if depth is None else depth
    segs = []
    for _ in range(depth):
        r = rng.random()
        if r < 0.15:
            segs.append(str(rng.randint(1, 10**rng.randint(1, 9))))
        elif r < 0.22:
            segs.append(urllib.parse.quote(rng.choice(TEXT)))
        elif r < 0.27:
            segs.append(word() + "-" + word() + ".html")
        else:
            segs.append(word())
    p = "/" + "/".join(segs)
    if rng.random() < 0.2 and segs:
        p += "/"
    return p


def query():
    pairs = []
    for _ in range(rng.choice([0, 0, 1, 1, 2, 2, 3, 4, 6])):
        k = rng.choice(KEYS)
        r = rng.random()
        if r < 0.4:
            v = str(rng.randint(0, 100000))
        elif r < 0.7:
            v = rng.choice(TEXT)
        else:
            v = word()
        pairs.append((k, v))
    if not pairs:
        return ""
    via = urllib.parse.quote_plus if rng.random() < 0.7 else urllib.parse.quote
    return "?" + urllib.parse.urlencode(pairs, quote_via=via)


def absolute():
    r = rng.random()
    if r < 0.03:
        return "mailto:" + word() + "@" + rng.choice(DOMAINS)
    if r < 0.05:
        return "file:///home/" + word() + path(3)
    if r < 0.07:
        return "ftp://ftp." + rng.choice(DOMAINS) + path(3)
    scheme = "https" if rng.random() < 0.8 else "http"
    host = rng.choice(DOMAINS) if rng.random() < 0.9 else rng.choice(TLD_HOSTS)
    if rng.random() < 0.05:
        host = word() + ":" + word() + "@" + host
    if rng.random() < 0.08:
        host += ":" + str(rng.choice([80, 443, 3000, 8000, 8080, 8443, 9200]))
    if rng.random() < 0.03:
        host = host.replace("xn--bcher-kva", "bücher")
    url = scheme + "://" + host + path() + query()
    if rng.random() < 0.12:
        url += "#" + rng.choice([word(), "section-" + str(rng.randint(1, 20)), "top", ""])
    return url


def relative():
    r = rng.random()
    if r < 0.4:
        return path() + query()
    if r < 0.6:
        return "../" + word() + "/" + word() + ".html"
    if r < 0.8:
        return "//" + rng.choice(DOMAINS) + path(2)
    return query() or "?page=2"


for _ in range(N):
    print(relative() if rng.random() < 0.12 else absolute())
