//! Python's `mimetypes.guess_type(path)[0]` over CPython's built-in tables, shared by
//! http.server (`SimpleHTTPRequestHandler.guess_type`) and urllib.request (`file:` URLs).

mod table;

use table::{ENCODINGS_MAP, SUFFIX_MAP, TYPES_MAP};

fn lookup<'a>(table: &'a [(&'a str, &'a str)], key: &str) -> Option<&'a str> {
    table
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| table[i].1)
}

/// `mimetypes.guess_type(path)[0]`: compound suffixes expanded (`.tgz`), a content
/// encoding suffix (`.gz`, case-sensitive) stepped over, then the type of the
/// extension, lower-cased.
///
/// ```
/// use netstd_http::mimetypes::guess_type;
/// assert_eq!(guess_type("/a/b.html"), Some("text/html"));
/// assert_eq!(guess_type("x.tar.gz"), Some("application/x-tar"));
/// assert_eq!(guess_type("README"), None);
/// ```
pub fn guess_type(path: &str) -> Option<&'static str> {
    let (mut base, mut ext) = {
        let (b, e) = splitext(path);
        (b.to_owned(), e.to_owned())
    };
    // at most as many expansions as the table has entries
    for _ in 0..=SUFFIX_MAP.len() {
        let Some(full) = lookup(SUFFIX_MAP, &ext.to_lowercase()) else {
            break;
        };
        let joined = format!("{base}{full}");
        let (b, e) = splitext(&joined);
        (base, ext) = (b.to_owned(), e.to_owned());
    }
    if lookup(ENCODINGS_MAP, &ext).is_some() {
        let (_, e) = splitext(&base);
        ext = e.to_owned();
    }
    lookup(TYPES_MAP, &ext.to_lowercase())
}

/// `posixpath.splitext`, as `mimetypes` splits names: the extension with its dot
/// (leading dots of a name are not an extension).
///
/// ```
/// use netstd_http::mimetypes::splitext;
/// assert_eq!(splitext("a/b.tar.gz"), ("a/b.tar", ".gz"));
/// assert_eq!(splitext("a/.bashrc"), ("a/.bashrc", ""));
/// ```
pub fn splitext(path: &str) -> (&str, &str) {
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    let name = &path[name_start..];
    let stem_dots = name.len() - name.trim_start_matches('.').len();
    match name[stem_dots..].rfind('.') {
        Some(i) => path.split_at(name_start + stem_dots + i),
        None => (path, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_guesses() {
        assert_eq!(guess_type("a.html"), Some("text/html"));
        assert_eq!(guess_type("A.PNG"), Some("image/png"));
        assert_eq!(guess_type("a.tar.gz"), Some("application/x-tar"));
        assert_eq!(guess_type("a.tgz"), Some("application/x-tar"));
        assert_eq!(guess_type("a.unknownext"), None);
        assert_eq!(guess_type("noext"), None);
    }
}
