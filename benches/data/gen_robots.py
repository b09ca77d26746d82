#!/usr/bin/env python3
"""Writes the seeded robots.txt benchmark inputs (scripts/bench-robotparser), read by
netstd, texting_robots and CPython alike:

    python3 benches/data/gen_robots.py DIR
      DIR/robots_100.txt          a robots.txt of 100 rules in 4 groups (plain prefixes,
                                  directories, some * and $ patterns), comments, a sitemap
      DIR/robots_queries.tsv      1,000 queries, "agent<TAB>url" a line: 4 user agents,
                                  absolute URLs that hit and miss the rules
"""
import os, random, sys

rng = random.Random(20261122)
out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)

WORDS = ("news sport search account login settings profile docs api v1 v2 users orders items "
         "products cart checkout blog archive tags category help about static assets img css js "
         "private tmp cgi-bin admin internal drafts print feed").split()


def path(depth):
    return "/" + "/".join(rng.choice(WORDS) for _ in range(depth))


groups = [("*", 40), ("Googlebot", 25), ("MyBot", 20), ("BadBot", 15)]
lines = ["# robots.txt for https://www.example.com/", ""]
rules = 0
for agent, n in groups:
    lines.append(f"User-agent: {agent}")
    for i in range(n):
        kind = rng.random()
        if kind < 0.15:
            pattern = path(rng.randint(1, 2)) + "/*." + rng.choice(["pdf", "gif", "php", "json"]) + "$"
        elif kind < 0.25:
            pattern = path(1) + "/*" + rng.choice(WORDS)
        elif kind < 0.6:
            pattern = path(rng.randint(1, 2)) + "/"
        else:
            pattern = path(rng.randint(1, 3))
        verb = "Allow" if rng.random() < 0.25 else "Disallow"
        lines.append(f"{verb}: {pattern}" + (" # see policy" if rng.random() < 0.1 else ""))
        rules += 1
    if agent == "MyBot":
        lines.append("Crawl-delay: 5")
    lines.append("")
lines.append("Sitemap: https://www.example.com/sitemap.xml")
assert rules == 100
with open(os.path.join(out, "robots_100.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")

AGENTS = ["MyBot/1.0", "Googlebot/2.1", "OtherBot/3.0", "BadBot"]
with open(os.path.join(out, "robots_queries.tsv"), "w") as f:
    for _ in range(1000):
        url = "https://www.example.com" + path(rng.randint(1, 4))
        r = rng.random()
        if r < 0.2:
            url += "." + rng.choice(["html", "pdf", "gif", "php", "json"])
        elif r < 0.4:
            url += "?q=" + rng.choice(WORDS) + "&page=" + str(rng.randint(1, 9))
        f.write(rng.choice(AGENTS) + "\t" + url + "\n")
