//! urllib.parse never panics on any input, and `urlunsplit(urlsplit(x))` is stable:
//! once a URL has been split and put back together, splitting and joining it again
//! changes nothing (CPython 3.11.10's urlunsplit, CVE-2015-2104).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netstd_urlparse::{
    JoinOptions, ParseQsOptions, SplitOptions, bytes, parse_qs, parse_qsl_with, quote, quote_plus,
    unquote, unquote_plus, unquote_to_bytes, unwrap, urldefrag, urljoin_with, urlparse, urlsplit,
    urlsplit_with,
};

fuzz_target!(|data: &[u8]| {
    // the bytes forms take anything (non-ASCII is an error, not a panic)
    let _ = bytes::urlsplit(data);
    let _ = bytes::urlparse(data);
    let _ = bytes::parse_qsl(data);
    let _ = bytes::unquote(data);
    let _ = bytes::quote_plus(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // the first byte picks the options; the text splits at the first NUL into a
    // base and a reference for urljoin
    let flags = data.first().copied().unwrap_or(0);
    let allow_fragments = flags & 1 == 0;
    let (base, reference) = text.split_once('\0').unwrap_or((text, ""));

    let options = SplitOptions::new().allow_fragments(allow_fragments);
    if let Ok(r) = urlsplit_with(text, &options) {
        let _ = (r.username(), r.password(), r.hostname(), r.port());
        let once = r.geturl();
        let again = urlsplit_with(&once, &options).expect("a URL put back together splits again");
        assert_eq!(again.geturl(), once, "{text:?}");
        let _ = url::Url::try_from(&r);
    }
    if let Ok(p) = urlparse(text) {
        let once = p.geturl();
        let again = urlparse(&once).expect("a URL put back together parses again");
        assert_eq!(again.geturl(), once, "{text:?}");
        assert_eq!(urlsplit(&once).map(|r| r.geturl()), Ok(once.clone()));
    }
    let _ = urldefrag(text);
    let _ = urljoin_with(
        base,
        reference,
        &JoinOptions::new().allow_fragments(allow_fragments),
    );
    let _ = unwrap(text);

    let _ = unquote(text);
    let _ = unquote_plus(text);
    let _ = unquote_to_bytes(text);
    // quoting is undone by unquoting
    assert_eq!(unquote(&quote(text)), text);
    assert_eq!(unquote_plus(&quote_plus(text)), text);
    let _ = parse_qs(text);
    let separator = if flags & 2 == 0 { "&" } else { ";" };
    let _ = parse_qsl_with(
        text,
        &ParseQsOptions::new()
            .separator(separator)
            .keep_blank_values(flags & 4 != 0)
            .strict_parsing(flags & 8 != 0)
            .max_num_fields(usize::from(flags >> 4)),
    );
});
