#!/usr/bin/env python3
"""A CPython HTTP server for netstd's urllib.request tests, on 127.0.0.1 only.

usage: urllib_server.py PORT

Routes:
  /echo                 200, JSON {method, path, headers: [[k, v]...], body}
  /redirect/CODE?to=URL CODE with Location: URL (default /echo)
  /loop                 302 to itself
  /setcookie            Set-Cookie: session=abc; 302 to /echo
  /short                Content-Length: 100 and 10 bytes, then close
  /basic                Basic auth, realm "b", user "u" password "p"
  /digest/ALG           Digest auth (ALG: MD5, SHA-256), qop=auth, realm "r",
                        user "u" password "p"; checks the response and the nonce count
  /status/N             status N with body "status N"
  http://...            (absolute form) a proxy wanting Digest MD5 credentials,
                        realm "proxy", user "u" password "p"; then the route
"""
import hashlib
import json
import os
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

USER, PASSWORD = "u", "p"
NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093"
seen_nc = {}


def H(alg, s):
    return hashlib.new({"MD5": "md5", "SHA-256": "sha256"}[alg], s.encode()).hexdigest()


def parse_digest(value):
    from urllib.request import parse_http_list, parse_keqv_list
    return parse_keqv_list(filter(None, parse_http_list(value)))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length", 0) or 0)
        return self.rfile.read(n) if n else b""

    def check_digest(self, header, alg, realm):
        auth = self.headers.get(header, "")
        if not auth.startswith("Digest "):
            return False
        d = parse_digest(auth[7:])
        ha1 = H(alg, f"{d['username']}:{d['realm']}:{PASSWORD}")
        ha2 = H(alg, f"{self.command}:{d['uri']}")
        want = H(alg, f"{ha1}:{d['nonce']}:{d['nc']}:{d['cnonce']}:auth:{ha2}")
        nc = int(d["nc"], 16)
        fresh = nc > seen_nc.get(d["cnonce"], 0)
        seen_nc[d["cnonce"]] = nc
        return (d["username"] == USER and d["realm"] == realm and d["response"] == want
                and d["uri"] == self.path and d.get("algorithm") == alg and fresh)

    def route(self):
        if self.path.startswith("http://"):
            # an absolute-form request: act as a proxy asking for Digest credentials
            if self.check_digest("Proxy-Authorization", "MD5", "proxy"):
                self.path = urllib.parse.urlsplit(self.path).path or "/"
            else:
                self.body()
                challenge = f'Digest realm="proxy", qop="auth", nonce="{NONCE}", algorithm=MD5'
                return self.send(407, b"proxy auth", [("Proxy-Authenticate", challenge)])
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        parts = url.path.strip("/").split("/")
        body = self.body()
        if parts[0] == "echo":
            doc = {
                "method": self.command,
                "path": self.path,
                "headers": [[k, v] for k, v in self.headers.items()],
                "body": body.decode("latin-1"),
            }
            return self.send(200, json.dumps(doc).encode(), [("Content-Type", "application/json")])
        if parts[0] == "redirect":
            to = query.get("to", ["/echo"])[0]
            return self.send(int(parts[1]), b"moved", [("Location", to)])
        if parts[0] == "loop":
            return self.send(302, b"", [("Location", "/loop")])
        if parts[0] == "setcookie":
            return self.send(302, b"", [("Set-Cookie", "session=abc; Path=/"), ("Location", "/echo")])
        if parts[0] == "short":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"0123456789")
            self.close_connection = True
            return None
        if parts[0] == "basic":
            import base64
            want = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            if self.headers.get("Authorization") == want:
                return self.send(200, b"basic ok")
            return self.send(401, b"who?", [("WWW-Authenticate", 'Basic realm="b"')])
        if parts[0] == "digest":
            alg = parts[1]
            if self.check_digest("Authorization", alg, "r"):
                return self.send(200, f"digest {alg} ok".encode())
            challenge = f'Digest realm="r", qop="auth", nonce="{NONCE}", algorithm={alg}, opaque="xyz"'
            return self.send(401, b"who?", [("WWW-Authenticate", challenge)])
        if parts[0] == "status":
            code = int(parts[1])
            return self.send(code, f"status {code}".encode())
        return self.send(404, b"no route")

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = route


def main():
    port = int(sys.argv[1])
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
