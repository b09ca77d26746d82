#!/usr/bin/env python3
"""Inputs for tests/vectors/urllib_robotparser.jsonl: RobotFileParser(text, queries)
calls, PROTOCOL.md's only urllib.robotparser call. The robots.txt texts of CPython's
Lib/test/test_robotparser.py with their URLs, corpus-like files with other values
(random groups, rules, comments, blank lines, Crawl-delay, Request-rate, Sitemap),
and adversarial ones: Python's str.splitlines()/strip() line breaks and spaces,
Unicode digits and case, int()'s 4300-digit limit, percent-escapes, URLs urlparse
refuses (brackets, NFKC netlocs), paths starting with //, state-machine corners
(blank lines, rules before any agent, several * groups), long lines, many rules.
Deterministic (seeded). Record with:

    python3 tests/vectors/gen/urllib_robotparser_cases.py > /tmp/urllib_robotparser.in.jsonl
    scripts/record-vectors /tmp/urllib_robotparser.in.jsonl
"""
import json, random

rng = random.Random(20261122)
out = []


def call(text, queries):
    out.append({"id": 12_000_000 + len(out), "call": "urllib.robotparser.RobotFileParser",
                "args": [text, [list(q) for q in queries]]})


# --- CPython's Lib/test/test_robotparser.py (robots_txt, agent, good + bad URLs)
CPY = [
    ("User-agent: *\nDisallow: /cyberworld/map/ # This is an infinite virtual URL space\n"
     "Disallow: /tmp/ # these will soon disappear\nDisallow: /foo.html\n    ",
     "test_robotparser", ['/', '/test.html', '/cyberworld/map/index.html', '/tmp/xxx', '/foo.html']),
    ("# robots.txt for http://www.example.com/\nUser-agent: *\nCrawl-delay: 1\nRequest-rate: 3/15\n"
     "Disallow: /cyberworld/map/ # This is an infinite virtual URL space\n\n"
     "# Cybermapper knows where to go.\nUser-agent: cybermapper\nDisallow:\n\n    ",
     "test_robotparser", ['/', '/test.html', ('cybermapper', '/cyberworld/map/index.html'),
                          '/cyberworld/map/index.html']),
    ("# robots.txt for http://www.example.com/\nUser-agent: *\n"
     "Sitemap: http://www.gstatic.com/s2/sitemaps/profiles-sitemap.xml\n"
     "Sitemap: http://www.google.com/hostednews/sitemap_index.xml\nRequest-rate: 3/15\n"
     "Disallow: /cyberworld/map/ # This is an infinite virtual URL space\n\n    ",
     "test_robotparser", ['/', '/test.html', '/cyberworld/map/index.html']),
    ("# go away\nUser-agent: *\nDisallow: /\n    ", "test_robotparser",
     ['/cyberworld/map/index.html', '/', '/tmp/']),
    ("", "test_robotparser", ['/foo']),
    ("User-agent: figtree\nCrawl-delay: 3\nRequest-rate: 9/30\nDisallow: /tmp\nDisallow: /a%3cd.html\n"
     "Disallow: /a%2fb.html\nDisallow: /%7ejoe/index.html\n    ", "figtree",
     [('figtree', '/foo.html'), '/tmp', '/tmp.html', '/tmp/a.html', '/a%3cd.html', '/a%3Cd.html',
      '/a%2fb.html', '/~joe/index.html']),
    ("User-agent: figtree\nCrawl-delay: 3\nRequest-rate: 9/30\nDisallow: /tmp\nDisallow: /a%3cd.html\n"
     "Disallow: /a%2fb.html\nDisallow: /%7ejoe/index.html\n    ", "FigTree Robot libwww-perl/5.04",
     [('figtree', '/foo.html'), '/tmp', '/tmp.html', '/tmp/a.html', '/a%3cd.html', '/a%3Cd.html',
      '/a%2fb.html', '/~joe/index.html']),
    ("User-agent: *\nDisallow: /tmp/\nDisallow: /a%3Cd.html\nDisallow: /a/b.html\n"
     "Disallow: /%7ejoe/index.html\nCrawl-delay: 3\nRequest-rate: 9/banana\n    ", "test_robotparser",
     ['/tmp', '/tmp/', '/tmp/a.html', '/a%3cd.html', '/a%3Cd.html', '/a/b.html', '/%7Ejoe/index.html']),
    ("User-Agent: *\nDisallow: /.\nCrawl-delay: pears\n    ", "test_robotparser", ['/foo.html']),
    ("User-agent: Googlebot\nAllow: /folder1/myfile.html\nDisallow: /folder1/\n"
     "Request-rate: whale/banana\n    ", "Googlebot",
     ['/folder1/myfile.html', '/folder1/anotherfile.html']),
    ("User-agent: Googlebot\nDisallow: /\n\nUser-agent: Googlebot-Mobile\nAllow: /\n    ",
     "Googlebot", ['/something.jpg']),
    ("User-agent: Googlebot\nDisallow: /\n\nUser-agent: Googlebot-Mobile\nAllow: /\n    ",
     "Googlebot-Mobile", ['/something.jpg']),
    ("User-agent: Googlebot\nAllow: /folder1/myfile.html\nDisallow: /folder1/\n    ", "googlebot",
     ['/folder1/myfile.html', '/folder1/anotherfile.html']),
    ("User-agent: *\nDisallow: /some/path?name=value\n    ", "test_robotparser",
     ['/some/path', '/some/path?name=value']),
    ("User-agent: *\nDisallow: /some/path\n\nUser-agent: *\nDisallow: /another/path\n    ",
     "test_robotparser", ['/another/path', '/some/path']),
    ("User-agent: *\nAllow: /some/path?\nDisallow: /another/path?\n    ", "test_robotparser",
     ['/some/path?', '/another/path?']),
    ("User-agent: *\nCrawl-delay: 1\nRequest-rate: 3/15\nDisallow: /cyberworld/map/\n    ",
     "test_robotparser", ['/', '/test.html', '/cyberworld/map/index.html']),
    ("User-agent: *\nCrawl-delay: 1\nRequest-rate: 3/15\n"
     "Disallow: /cyberworld/map/ # This is an infinite virtual URL space\n\n"
     "# Cybermapper knows where to go.\nUser-agent: cybermapper\nDisallow: /some/path\n    ",
     "cybermapper", ['/some/path', '/cyberworld/map/x', '/']),
]
for text, agent, urls in CPY:
    qs = [u if isinstance(u, tuple) else (agent, u) for u in urls]
    call(text, qs)
    # the same, with absolute URLs and with the lines CPython's test reads (readlines)
    call(text, [(a, "http://www.example.com" + u) for a, u in qs])
    call(text.replace("\n", "\r\n"), qs)

# --- corpus-like: random files in the corpus's vocabulary, with other values
UA_KEYS = ["User-agent", "USER-AGENT", "user-agent", "User agent", "User-Agent ", "useragent"]
AGENTS = ["*", "figtree/1.0", "FigTree", "Googlebot", "googlebot-news", "ExampleBot/2.1", "Bot",
          "bot", "", "Mozilla", "news", "FigTree Robot", "*bot", "ünïbot"]
RULE_KEYS = ["Disallow", "disallow", "DISALLOW", "Allow", "allow", "ALLOW", "Dis allow"]
PATHS = ["/", "/private", "/private/", "/tmp", "/tmp/", "/~joe/", "/%7Ejoe/", "/%7ejoe/",
         "/a%3cd.html", "/a%3Cd.html", "/cgi-bin/", "/ünï", "/*.gif$", "/search?q", "",
         "/a%2fb.html", "/a/b.html", "/foo.html", "/x;p", "/x?", "/%", "/%zz", "/%C3%A9",
         "/é", "/a b", "*", "/$", "http://www.example.com/private", "//y", "/.", "?q=1", "#frag",
         "/path#frag", "/%2525"]
DELAYS = ["9", "10", "x", "1", "0.5", "", "0", "007", "٣", "²", " 5 ", "-1", "+2", "1e3",
          "99999999999999999999999", "5 # c"]
RATES = ["3/15", "a/b", "1/0", "9", " 3 / 15 ", "3/15/2", "²/1", "٣/١٥", "0/0", "/", "1/",
         "10/60", "x/1"]
SITEMAPS = ["http://www.example.com/sitemap.xml", "https://example.org/s%7E.xml", "",
            "/relative.xml", "http://www.example.com/sitemap.xml # c"]
Q_AGENTS = ["figtree/1.0", "FigTree", "Googlebot", "googlebot-news", "ExampleBot/2.1", "Bot",
            "Mozilla/5.0 (compatible; Googlebot/2.1)", "", "*", "BOT/9", "news/1 figtree",
            "ünïbot", "UNKNOWN"]
HOSTS = ["http://www.example.com", "https://example.org:8443", "", "//www.example.com",
         "HTTP://WWW.EXAMPLE.COM"]
Q_PATHS = ["/", "/private/", "/private/x.html", "/tmp", "/tmpx", "/tmp/y.html", "/~joe/x",
           "/%7Ejoe/x", "/%7ejoe//y.html", "/a%3cd.html", "/a%3Cd.html?q=1", "/a<d.html",
           "/cgi-bin/", "/cgi-bin//y.html", "/ünï", "/ünïx", "/%C3%BCn%C3%AF", "/x.gif",
           "/search?q=1", "/x;p", "/x;p?q#f", "//y.html", "", "/a%2fb.html", "/a/b.html",
           "/foo.html#top", "/?", "/a b", "/%", "/%zz"]


def comment():
    return rng.choice(["", "", "", " # c", "# c", "\t# tab"])


def random_file():
    lines = []
    for _ in range(rng.randint(0, 5)):
        if rng.random() < 0.15:
            lines.append(rng.choice(["garbage line", "# comment", "", "  ", "Foo: bar"]))
        for _ in range(rng.randint(1, 3)):
            lines.append(rng.choice(UA_KEYS) + ":" + rng.choice(["", " "]) + rng.choice(AGENTS)
                         + comment())
        if rng.random() < 0.1:
            lines.append("")
        for _ in range(rng.randint(0, 5)):
            r = rng.random()
            if r < 0.7:
                lines.append(rng.choice(RULE_KEYS) + ":" + rng.choice(["", " ", "  "])
                             + rng.choice(PATHS) + comment())
            elif r < 0.82:
                lines.append("Crawl-delay: " + rng.choice(DELAYS))
            elif r < 0.94:
                lines.append("Request-rate: " + rng.choice(RATES))
            else:
                lines.append("Sitemap: " + rng.choice(SITEMAPS))
        if rng.random() < 0.6:
            lines.append("")
    if rng.random() < 0.4:
        lines.insert(rng.randint(0, len(lines)), "Sitemap: " + rng.choice(SITEMAPS))
    text = rng.choice(["\n", "\r\n", "\r"]).join(lines)
    if rng.random() < 0.5:
        text += "\n"
    return text


def random_queries():
    return [(rng.choice(Q_AGENTS), rng.choice(HOSTS) + rng.choice(Q_PATHS))
            for _ in range(rng.randint(1, 6))]


for _ in range(900):
    call(random_file(), random_queries())

# --- adversarial
BASIC_Q = [("bot", "/private/x"), ("bot", "/"), ("Bot/1.0", "http://h/private"), ("other", "/x")]

# str.splitlines() breaks and str.strip() spaces that are not ASCII
for sep in ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\x1f", "\u3000"]:
    call("User-agent: bot" + sep + "Disallow: /private" + sep + sep + "User-agent: *" + sep
         + "Disallow: /", BASIC_Q)
for space in ["\u3000", "\xa0", "\x1f", "\x85", "\u2007", "\t", "\u200b", "\x00"]:
    call(space + "User-agent:" + space + "bot" + space + "\nDisallow:" + space + "/private"
         + space + "\n", BASIC_Q)
    call("User-agent: *\nCrawl-delay:" + space + "7" + space + "\nRequest-rate: 1" + space + "/"
         + space + "2\n", [("bot", "/")])
# a BOM is kept by decode("utf-8"): the first line is no user-agent line
call("\ufeffUser-agent: *\nDisallow: /\n", BASIC_Q)
call("\ufeff\nUser-agent: *\nDisallow: /\n", BASIC_Q)

# names: case, Unicode case, look-alikes
for key in ["USER-AGENT", "uSeR-aGeNt", "User-Agent\t", " user-agent ", "ＵＳＥＲ-ＡＧＥＮＴ",
            "User-agent\u3000", "User_agent", "user-agents"]:
    call(key + ": bot\nDisallow: /private\n", BASIC_Q)
for key in ["DISALLOW", "disAllow", "Disallow\u2028", "ALLOW", "aLLow"]:
    call("User-agent: *\n" + key + ": /private\nDisallow: /\n", BASIC_Q)
for agent, q in [("ΣΑΣ", "σας"), ("σας", "ΣΑΣ/1"), ("İbot", "i̇bot"), ("K-bot", "k-bot"),
                 ("straße", "STRASSE"), ("ǅbot", "ǆbot"), ("Ωbot", "ωBOT"),
                 ("BOT", "robot"), ("bot", "robot/bot"), ("", "anything"), ("/", "a/b"),
                 ("a/b", "a/b"), ("ß", "ẞ"), ("\u10c7", "\u2d27")]:
    call("User-agent: " + agent + "\nDisallow: /x\n", [(q, "/x"), (q + "/2.0", "/x"), ("zzz", "/x")])

# Crawl-delay and Request-rate numbers: int() of Unicode digits and its limits
for d in ["٣", "٠٠٣", "१२", "\U0001D7D9\U0001D7DA", "²", "1²", "①", "5_000", "0x10", " 12 ",
          "1" * 4300, "1" * 4301, "0" * 4300, "0" * 4301, "9" * 30, "12 34", "3.0", "Ⅳ", "〇",
          "%35", "%C2%B2", "4%20"]:
    call("User-agent: *\nCrawl-delay: " + d + "\nDisallow: /private\n",
         [("bot", "/private"), ("other", "/")])
for r in ["٣/١٥", "²/1", "1/²", "1" * 4301 + "/1", "9" * 25 + "/" + "9" * 25, " 1 /\u3000 2 ",
          "1/2/", "%31/%32", "1%2F2", "1 / 2 # c", "//", "1//2"]:
    call("User-agent: *\nRequest-rate: " + r + "\nDisallow: /private\n", [("bot", "/private")])
# a later valid value replaces an earlier one; an invalid one keeps it
call("User-agent: *\nCrawl-delay: 1\nCrawl-delay: x\nCrawl-delay: 2\nCrawl-delay: y\n"
     "Request-rate: 1/2\nRequest-rate: z\n", [("bot", "/")])

# the parser's states: blank lines, rules before agents, several * groups
STATE_FILES = [
    "Disallow: /private\nUser-agent: *\nDisallow: /tmp\n",
    "User-agent: bot\n\nDisallow: /private\n",
    "User-agent: bot\n  \nDisallow: /private\n",
    "User-agent: bot\n# c\nDisallow: /private\n",
    "User-agent: bot\nUser-agent: other\nDisallow: /private\n",
    "User-agent: bot\nDisallow: /private\nUser-agent: other\nDisallow: /\n",
    "User-agent: *\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n",
    "User-agent: bot\nUser-agent: *\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n",
    "User-agent: *\nUser-agent: bot\nDisallow: /private\n\nUser-agent: bot\nDisallow: /\n",
    "User-agent: bot\nCrawl-delay: 5\n\nUser-agent: other\nDisallow: /\n",
    "User-agent: bot\nSitemap: http://s\nDisallow: /private\n",
    "Sitemap: http://a\nSitemap: http://a\nSitemap:\nsitemap: %7E\n",
    "User-agent: bot\nDisallow: /private\n",
    "User-agent: bot\nDisallow:\nDisallow: /private\n",
    "User-agent: bot\nAllow: /private/x\nDisallow: /private\n",
    "User-agent: bot\nDisallow: /private\nAllow: /private/x\n",
    "User-agent: bo\nDisallow: /\n\nUser-agent: bot\nAllow: /\n",
    "User-agent: *\nAllow: /\n\nUser-agent: bot\nDisallow: /\n",
    "User-agent: bot\n",
    "User-agent: bot\nUser-agent: bot\n\n",
    ":\n: :\nUser-agent:\nDisallow: /private\n",
    "User-agent: bot\nDisallow /private\nDisallow:/private:x\n",
    "User-agent: bot\nDisallow: /private # c # d\n",
    "User-agent: bot # comment\nDisallow: /private\n",
    "User-agent: bot#x\nDisallow: /private\n",
    "User-agent: *\nDisallow: /private\n" * 50,
    "User-agent: bot\n" + "".join("Disallow: /p%d\n" % i for i in range(300)) + "Disallow: /private\n",
    "User-agent: bot\nDisallow: /" + "a" * 20000 + "\n",
    "User-agent: " + "x" * 5000 + "\nDisallow: /\n",
]
for text in STATE_FILES:
    call(text, BASIC_Q + [("bo", "/private"), ("x" * 50, "/")])
call("User-agent: " + "x" * 5000 + "\nDisallow: /\n", [("x" * 5000, "/"), ("x" * 4999, "/")])

# percent-escapes in rules and URLs
ESC = ["/%", "/%z", "/%zz", "/%2", "/%2F", "/%2f", "/%252F", "/%00", "/%7E", "/%7e", "/~",
       "/%C3%A9", "/%c3%a9", "/é", "/%E9", "/%E2%82", "/%FF", "/a%20b", "/a b", "/a+b", "/a%2Bb",
       "/%3F", "/?", "/%23", "/%3B", "/;", "/%E2%80%A8", "/\u2028x", "/%0A", "/%0D%0A",
       "/%09", "/%25", "/%%", "/%%41"]
for i in range(120):
    rules = rng.sample(ESC, 3)
    text = "User-agent: *\n" + "".join(rng.choice(["Disallow: ", "Allow: "]) + r + "\n"
                                        for r in rules)
    call(text, [("bot", rng.choice(["", "http://h", "//h"]) + rng.choice(ESC) + rng.choice(["", "x", "/y"]))
                for _ in range(4)])

# URLs and rule paths urlparse refuses or splits in unusual ways
URLS = ["http://[::1]/private", "http://[::1/private", "http://::1]/private", "http://[x]/p",
        "http://[v1.fe]/private", "http://a[b]/private", "http://[::1]x/private",
        "http://u@[::1]/private", "http://ex\u2100ample.com/private", "http://ex%E2%84%80ample.com/x",
        "http://\uff0fprivate", "////private", "///private", "//private", "/private//x",
        "http:/private", "http:private", "mailto:private", "private", "?private", "#private",
        ";private", "http://h/private;p", "http://h/;p/private", "  http://h/private",
        "\x00http://h/private", "http://h/pri\tvate", "http://h/pri\nvate", "http://h/pri\rvate",
        "HTTP://H/private", "http://h:99999/private", "http://h:x/private",
        "http://h/private#frag?x", "http://h/private?#", "http://h?private", "%2F%2Fprivate",
        "%2F%2F%2F%2Fprivate", "http://h/%2e%2e/private", "javascript:private", "http://[::1]:80/private"]
RULES = ["/private", "//private", "////private", "http://[::1/", "//[::1]/private",
         "http://[x]/", "//[x/", "http:private", "mailto:x", "http://h/private", "\uff0f",
         "//ex\u2100ample.com/", "/private;p", ";p", "?q", "#f", "/private?", "/private#"]
for rule in RULES:
    call("User-agent: *\nDisallow: " + rule + "\n", [("bot", u) for u in URLS[:20]])
    call("User-agent: *\nDisallow: " + rule + "\n", [("bot", u) for u in URLS[20:]])
for u in URLS:
    call("User-agent: *\nDisallow: /private\nDisallow: //private\n", [("bot", u), ("bot", "/")])

# random adversarial mixes: random bytes of the troublesome alphabet
ALPHA = list("Uu:ser-agtDdiowlA /*$?#%;\n\r\t\x0b\x1c\x85\u2028é²٣\ufeff[]0123")
for _ in range(150):
    text = "User-agent: *\n" + "".join(rng.choice(ALPHA) for _ in range(rng.randint(0, 120)))
    call(text, [(rng.choice(Q_AGENTS), rng.choice(HOSTS) + "".join(rng.choice(ALPHA[:-3])
                                                                   for _ in range(rng.randint(0, 12))))
                for _ in range(3)])

for line in out:
    print(json.dumps(line, ensure_ascii=False))
