#!/usr/bin/env python3
"""Inputs for tests/vectors/ipaddress.jsonl: the kinds of the shared corpus with other
values, the data cases of CPython's Lib/test/test_ipaddress.py, the special-purpose
registry edges (CVE-2024-4032), IPv4-mapped and zoned IPv6, and malformed text.
Deterministic (seeded). Record with:

    python3 tests/vectors/gen/ipaddress_cases.py > /tmp/ipaddress.in.jsonl
    scripts/record-vectors /tmp/ipaddress.in.jsonl
"""
import ipaddress, json, random, sys

rng = random.Random(4032)
out = []

def call(fname, *args, **kwargs):
    line = {"id": 5_000_000 + len(out), "call": "ipaddress." + fname, "args": list(args)}
    if kwargs:
        line["kwargs"] = kwargs
    out.append(line)

def big(n):
    return n if -(2**53) < n < 2**53 else {"int": str(n)}

def rand_v4():
    return str(ipaddress.IPv4Address(rng.getrandbits(32)))

def rand_v6():
    return str(ipaddress.IPv6Address(rng.getrandbits(128)))

# --- addresses: registry edges and neighbours
edges_v4 = ["0.0.0.0", "0.255.255.255", "1.0.0.0", "9.255.255.255", "10.0.0.0", "10.255.255.255",
    "11.0.0.0", "100.63.255.255", "100.64.0.0", "100.127.255.255", "100.128.0.0", "126.255.255.255",
    "127.0.0.0", "127.255.255.255", "128.0.0.0", "169.253.255.255", "169.254.0.0", "169.254.255.255",
    "169.255.0.0", "172.15.255.255", "172.16.0.0", "172.31.255.255", "172.32.0.0", "191.255.255.255",
    "192.0.0.0", "192.0.0.7", "192.0.0.8", "192.0.0.9", "192.0.0.10", "192.0.0.11", "192.0.0.170",
    "192.0.0.171", "192.0.0.172", "192.0.0.255", "192.0.1.0", "192.0.2.0", "192.0.2.255", "192.0.3.0",
    "192.88.99.1", "192.167.255.255", "192.168.0.0", "192.168.255.255", "192.169.0.0", "198.17.255.255",
    "198.18.0.0", "198.19.255.255", "198.20.0.0", "198.51.100.1", "203.0.113.255", "223.255.255.255",
    "224.0.0.0", "239.255.255.255", "240.0.0.0", "255.255.255.254", "255.255.255.255", "8.8.8.8"]
for a in edges_v4:
    call("ip_address", a)
    call("ip_address", "::ffff:" + a)
edges_v6 = ["::", "::1", "::2", "::ffff:0:0", "::ffff:ffff:ffff", "::1:0:0:0", "64:ff9b::1",
    "64:ff9b:1::", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "64:ff9b:2::", "100::", "100::ffff:ffff:ffff:ffff",
    "100:0:0:1::", "2001::", "2001::1", "2001:1::1", "2001:1::2", "2001:1::3", "2001:2::", "2001:3::",
    "2001:3:ffff::", "2001:4:112::", "2001:4:113::", "2001:10::", "2001:1f::", "2001:20::", "2001:2f::",
    "2001:30::", "2001:3f::", "2001:40::", "2001:1ff::", "2001:200::", "2001:db8::", "2001:db8:ffff::",
    "2001:db9::", "2002::", "2002:c000:0204::1", "2002:ffff::", "2003::", "3ffe::", "3fff::", "3fff:fff::",
    "3fff:1000::", "4000::", "fc00::", "fdff::1", "fe00::", "fe7f::", "fe80::", "fe80::1", "febf::",
    "fec0::", "feff::", "ff00::", "ff02::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::ffff:ffff", "::ffff:1.2.3.4", "::1.2.3.4",
    "1:2:3:4:5:6:1.2.3.4", "::ffff:0.0.0.0", "::ffff:127.0.0.1", "::ffff:100.64.0.1", "::ffff:224.0.0.1",
    "::ffff:240.0.0.1", "::ffff:169.254.1.1"]
for a in edges_v6:
    call("ip_address", a)
for _ in range(120):
    call("ip_address", rand_v4())
    call("ip_address", rand_v6())
# zones
for a in ["fe80::1%eth0", "fe80::1%1", "::1%lo", "ff02::1%eth0", "::ffff:1.2.3.4%z", "fe80::%x%y",
          "fe80::1%", "%eth0", "fe80::1%eth0/64", "::%", "::%%"]:
    call("ip_address", a)
# malformed text, CPython's test_ipaddress data among them
bad = ["", " ", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.02.3.4", "1.2.3.004", "0.0.0.00", "256.0.0.0",
    "1.2.3.-4", "1.2.3.+4", "1.2.3.4 ", " 1.2.3.4", "1..3.4", "1.2.3.", ".1.2.3", "1.2.3.4/24",
    "1.2.3.1000", "1.2.3.0x4", "\u0661.2.3.4", "1.2.3.4\n", "1.256.3.4", "1.2.3.1e1",
    ":", ":::", "1:", ":1", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:",
    ":1:2:3:4:5:6:7:8", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "12345::", "1:2:3:4:5:6:7:g",
    "::ffff:1.2.3", "::ffff:1.2.3.04", "::1.2.3.4.5", "1:2:3:4:5:6:7:1.2.3.4", "02001:db8::",
    "2001:db8::1/129", "::/", "1.2.3.4::", "::1.2.3.4:5", "fe80::1%eth0%1", "[::1]", "::１"]
for a in bad:
    call("ip_address", a)
# ints, bytes, other types
for n in [0, 1, 2**32 - 1, 2**32, 2**64, 2**128 - 1, 2**128, -1, True, False]:
    call("ip_address", big(n) if not isinstance(n, bool) else n)
for raw in [b"\x01\x02\x03\x04", bytes(16), bytes(range(16)), b"\x01\x02\x03", bytes(17), b""]:
    call("ip_address", {"bytes": raw.hex()})
for x in [None, 1.5, [1, 2], {"tuple": ["1.2.3.4", 24]}]:
    call("ip_address", x)

# --- networks
prefixes_v4 = [0, 1, 7, 8, 15, 16, 23, 24, 25, 29, 30, 31, 32]
prefixes_v6 = [0, 1, 7, 8, 10, 23, 32, 48, 63, 64, 65, 96, 112, 120, 126, 127, 128]
for _ in range(120):
    a = rand_v4(); p = rng.choice(prefixes_v4)
    call("ip_network", f"{a}/{p}", strict=rng.choice([True, False]))
    b6 = rand_v6(); q = rng.choice(prefixes_v6)
    call("ip_network", f"{b6}/{q}", strict=rng.choice([True, False]))
for net in ["0.0.0.0/0", "10.0.0.0/8", "100.64.0.0/10", "100.64.0.0/9", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/29", "192.0.0.8/31", "192.0.0.9/32",
            "192.0.0.10/31", "192.0.0.170/31", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32", "1.2.3.4/32", "1.2.3.4/31",
            "::/0", "::/128", "::1/128", "::ffff:0:0/96", "::ffff:0:0/80", "::ffff:0:0/112",
            "::ffff:127.0.0.0/104", "::ffff:1.2.3.4/128", "64:ff9b:1::/48", "100::/64", "2001::/23",
            "2001::/16", "2001:db8::/32", "2001:1::/120", "2001:1::/126", "2001:20::/28", "2002::/16",
            "3fff::/20", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "fe80::%eth0/64",
            "fe80::1%eth0/128", "fe80::1%eth0/64", "::%z/0"]:
    call("ip_network", net)
    call("ip_network", net, strict=False)
for net in ["192.0.2.0/255.255.255.0", "192.0.2.0/0.0.0.255", "192.0.2.0/255.0.255.0", "192.0.2.0/0.0.0.0",
            "192.0.2.0/255.255.255.255", "192.0.2.0/024", "192.0.2.0/33", "192.0.2.0/-1", "192.0.2.0/",
            "192.0.2.0//24", "192.0.2.0/24/24", "192.0.2.0/ 24", "192.0.2.0/2 4", "192.0.2.0/x",
            "2001:db8::/ffff::", "2001:db8::/0129", "2001:db8::/064", "2001:db8::/-0", "", "/24",
            "1.2.3.4/24", "2001:db8::1/32", "1.2.3.4/255.255.255.0", "1.2.3.4/0.0.0.255",
            "192.0.2.0/" + "0" * 40 + "24"]:
    call("ip_network", net)
    call("ip_network", net, strict=False)
for x in [0, 2**32 - 1, 2**32, 2**128 - 1, -1, True, {"bytes": "01020304"}, {"bytes": "00" * 16},
          {"tuple": ["192.0.2.0", 24]}, {"tuple": ["192.0.2.1", 24]}, {"tuple": ["192.0.2.0", "255.255.255.0"]},
          {"tuple": [3221225984, 24]}, {"tuple": ["2001:db8::", 32]}, {"tuple": ["192.0.2.0", 33]},
          {"tuple": ["192.0.2.0"]}, None, 1.5]:
    x = big(x) if isinstance(x, int) and not isinstance(x, bool) else x
    call("ip_network", x)
    call("ip_network", x, strict=False)
call("ip_network", "10.1.0.0/16", strict=0)
call("ip_network", "10.1.0.0/8", strict="")
call("ip_network", "10.1.0.0/8", strict="yes")

# --- interfaces
for _ in range(80):
    call("ip_interface", f"{rand_v4()}/{rng.choice(prefixes_v4)}")
    call("ip_interface", f"{rand_v6()}/{rng.choice(prefixes_v6)}")
for i in ["192.0.2.5", "192.0.2.5/24", "192.0.2.5/255.255.255.0", "192.0.2.5/0.0.0.255", "::ffff:1.2.3.4/96",
          "::ffff:1.2.3.4/80", "::ffff:1.2.3.4", "fe80::1%eth0/64", "fe80::%eth0/64", "2001:db8::1/32",
          "1.2.3.4/33", "bad", "1.2.3.4/24/24", "::1/129", 1, {"tuple": ["192.0.2.5", 24]}]:
    call("ip_interface", i)

# --- module functions
for _ in range(60):
    base = rng.choice(["10.0", "10.1", "192.168"])
    nets = []
    for _ in range(rng.randint(1, 10)):
        p = rng.choice([22, 23, 24, 25, 26, 27, 32])
        n = ipaddress.ip_network(f"{base}.{rng.randint(0, 3)}.{rng.randint(0, 255)}/{p}", strict=False)
        nets.append(str(n))
    call("collapse_addresses", nets)
for _ in range(30):
    nets = []
    for _ in range(rng.randint(1, 8)):
        p = rng.choice([62, 63, 64, 65, 126, 128])
        n = ipaddress.ip_network(f"2001:db8:0:{rng.randint(0, 3):x}::{rng.randint(0, 7):x}/{p}", strict=False)
        nets.append(str(n))
    call("collapse_addresses", nets)
for nets in [[], ["1.2.3.4"], ["1.2.3.4", "::1"], ["1.2.3.0/24", "::/64"], ["1.2.3.4", "::/64"],
             ["1.2.3.0/24", "::1"], ["1.2.3.4", "::1", "bad"], ["1.2.3.0/24", "bad", "::/64"],
             ["1.2.3.1/24"], ["0.0.0.0/0", "10.0.0.0/8"], ["::ffff:1.2.3.0/120", "::ffff:1.2.4.0/120"],
             ["255.255.255.255", "255.255.255.254"], ["::/0", "::1"]]:
    call("collapse_addresses", nets)
for _ in range(60):
    a = rng.getrandbits(32); b = a + rng.randint(0, 70000)
    call("summarize_address_range", str(ipaddress.IPv4Address(a)), str(ipaddress.IPv4Address(min(b, 2**32 - 1))))
for _ in range(20):
    a = rng.getrandbits(128); b = a + rng.randint(0, 2**70)
    call("summarize_address_range", str(ipaddress.IPv6Address(a)), str(ipaddress.IPv6Address(min(b, 2**128 - 1))))
for a, b in [("0.0.0.0", "255.255.255.255"), ("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
             ("1.2.3.5", "1.2.3.4"), ("1.2.3.4", "::1"), ("1.2.3.4", "bad"), ("255.255.255.255", "255.255.255.255"),
             ("::ffff:1.2.3.0", "::ffff:1.2.3.255"), ("fe80::1%a", "fe80::2%b")]:
    call("summarize_address_range", a, b)
for n in [0, 1, 2**32 - 1, 2**32, -1, 2**31, True, 1.5, "1", None]:
    x = big(n) if isinstance(n, int) and not isinstance(n, bool) else n
    call("v4_int_to_packed", x)
for n in [0, 1, 2**64, 2**128 - 1, 2**128, -1, False, 1.5, "1"]:
    x = big(n) if isinstance(n, int) and not isinstance(n, bool) else n
    call("v6_int_to_packed", x)

# --- network methods
def rand_net(v):
    if v == 4:
        p = rng.choice(prefixes_v4)
        return str(ipaddress.ip_network(f"{rand_v4()}/{p}", strict=False))
    p = rng.choice(prefixes_v6)
    return str(ipaddress.ip_network(f"{rand_v6()}/{p}", strict=False))
for _ in range(60):
    v = rng.choice([4, 6]); n = rand_net(v)
    net = ipaddress.ip_network(n)
    call("ip_network.subnets", n, prefixlen_diff=rng.randint(0, 4))
    call("ip_network.subnets", n, new_prefix=min(net.max_prefixlen, net.prefixlen + rng.randint(0, 6)))
    call("ip_network.supernet", n, prefixlen_diff=rng.randint(0, 5))
    call("ip_network.supernet", n, new_prefix=max(0, net.prefixlen - rng.randint(0, 6)))
    inner = str(ipaddress.ip_network(f"{net.network_address + rng.randint(0, max(0, min(net.num_addresses - 1, 2**60)))}/{min(net.max_prefixlen, net.prefixlen + rng.randint(0, 5))}", strict=False))
    for m in ["address_exclude", "overlaps", "subnet_of", "supernet_of", "compare_networks"]:
        call("ip_network." + m, n, inner)
        call("ip_network." + m, inner, n)
        call("ip_network." + m, n, rand_net(v))
for m in ["address_exclude", "overlaps", "subnet_of", "supernet_of", "compare_networks"]:
    call("ip_network." + m, "10.0.0.0/8", "::/0")
    call("ip_network." + m, "10.0.0.0/8", "10.0.0.0/8")
    call("ip_network." + m, "10.0.0.0/8", "bad")
    call("ip_network." + m, "0.0.0.0/0", "255.255.255.255/32")
    call("ip_network." + m, "::/0", "::1/128")
for args, kw in [(["10.0.0.0/8"], {}), (["10.0.0.0/8", 2], {}), (["10.0.0.0/8"], {"new_prefix": 7}),
                 (["10.0.0.0/8"], {"prefixlen_diff": 2, "new_prefix": 10}), (["10.0.0.0/8"], {"prefixlen_diff": -1}),
                 (["10.0.0.0/8"], {"prefixlen_diff": 25}), (["10.0.0.0/8"], {"prefixlen_diff": 30}),
                 (["1.2.3.4/32"], {"prefixlen_diff": -5}), (["::/0"], {"new_prefix": 64}), (["::/0"], {"prefixlen_diff": 128}),
                 (["::/0"], {"prefixlen_diff": 129}), (["10.0.0.0/8"], {"new_prefix": True}),
                 (["10.0.0.0/8"], {"prefixlen_diff": "2"}), (["::ffff:0:0/96"], {"prefixlen_diff": 8})]:
    call("ip_network.subnets", *args, **kw)
for args, kw in [(["10.0.0.0/8"], {}), (["10.0.0.0/8", 3], {}), (["10.0.0.0/8"], {"new_prefix": 9}),
                 (["10.0.0.0/8"], {"prefixlen_diff": 2, "new_prefix": 5}), (["10.0.0.0/8"], {"prefixlen_diff": 9}),
                 (["10.0.0.0/8"], {"prefixlen_diff": -1}), (["0.0.0.0/0"], {"prefixlen_diff": 5}),
                 (["10.0.0.0/8"], {"prefixlen_diff": 0}), (["::ffff:1.2.3.4/128"], {"prefixlen_diff": 24}),
                 (["::ffff:1.2.3.0/120"], {"new_prefix": 100}), (["10.0.0.0/8"], {"new_prefix": -1})]:
    call("ip_network.supernet", *args, **kw)

for line in out:
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
