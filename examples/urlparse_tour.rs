//! Python's `urllib.parse` through the facade, the way Python programs use it most:
//! take a URL apart, resolve links, read and build query strings, quote paths.
//!
//!     cargo run --example urlparse_tour

use netstd::urllib::parse::{
    Error, ParseQsOptions, QuoteOptions, UrlencodeOptions, parse_qs, parse_qsl_with, quote,
    quote_with, unquote, unquote_plus, urldefrag, urlencode, urlencode_with, urljoin, urlparse,
    urlsplit, urlunsplit,
};

fn main() -> Result<(), Error> {
    // r = urlsplit(url); r.scheme, r.netloc, r.hostname, r.port, ...
    let url =
        "HTTPS://alice:s3cret@Example.COM:8443/docs/a%20b/index.html?q=rust+url&page=2#install";
    let r = urlsplit(url)?;
    println!("{r:?}");
    println!(
        "scheme={} host={:?} port={:?} user={:?} path={} unquoted={}",
        r.scheme(),
        r.hostname(),
        r.port()?,
        r.username(),
        r.path(),
        unquote(r.path())
    );
    // r._replace(fragment="").geturl()
    println!("without fragment: {}", r.clone().with_fragment("").geturl());
    // urlparse splits ;params off the last path segment
    let p = urlparse("ftp://ftp.example.org/pub/file.txt;type=i")?;
    println!("path={} params={}", p.path(), p.params());

    // parse_qs(r.query) -> {'q': ['rust url'], 'page': ['2']}
    for (name, values) in parse_qs(r.query()).iter() {
        println!("query {name} = {values:?}");
    }
    let strict = ParseQsOptions::new()
        .strict_parsing(true)
        .max_num_fields(20);
    println!(
        "parse_qsl strict: {:?}",
        parse_qsl_with("a=1&b=x%2By", &strict)?
    );
    println!("unquote_plus: {}", unquote_plus("caf%C3%A9+au+lait"));

    // urljoin(base, link) for every link of a page
    let base = "https://example.com/blog/2025/post.html";
    for link in [
        "../about",
        "/contact",
        "comments?page=3",
        "#top",
        "//cdn.example.net/x.js",
        "mailto:me@example.com",
    ] {
        println!("urljoin {link:>24} -> {}", urljoin(base, link)?);
    }
    let d = urldefrag("https://example.com/page#section-2")?;
    println!("urldefrag: {} + #{}", d.url(), d.fragment());

    // urlencode(dict) and doseq
    println!(
        "urlencode: {}",
        urlencode([("q", "C++ & Rust"), ("lang", "en"), ("page", "1")])
    );
    let doseq = UrlencodeOptions::new().doseq(true);
    println!(
        "doseq: {}",
        urlencode_with([("tag", vec!["a", "b c"])], &doseq)?
    );

    // quote a path segment, or a whole path
    println!("quote: {}", quote("/files/Résumé 2025.pdf"));
    println!(
        "quote segment: {}",
        quote_with("a/b c", &QuoteOptions::new().safe(""))?
    );

    // put the parts back together
    println!(
        "urlunsplit: {}",
        urlunsplit(("https", "example.com", "/a b", "x=1", ""))
    );

    // the CVE defences of current CPython
    for bad in [
        "http://[evil.example]/",
        "http://a[::1]/",
        "http://evil.com\u{2100}.example/",
    ] {
        match urlsplit(bad) {
            Ok(r) => println!("{bad}: {r:?}"),
            Err(e) => println!("{bad}: {} ({e}; {:?})", e.python_name(), e.cve()),
        }
    }
    Ok(())
}
