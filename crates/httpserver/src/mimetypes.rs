//! `mimetypes.guess_type(path)[0]` over CPython's built-in tables.

use crate::mimetypes_table::{ENCODINGS_MAP, SUFFIX_MAP, TYPES_MAP};
use crate::simple::splitext;

fn lookup<'a>(table: &'a [(&'a str, &'a str)], key: &str) -> Option<&'a str> {
    table
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| table[i].1)
}

/// `mimetypes.guess_type(path)[0]`: compound suffixes expanded (`.tgz`), a content
/// encoding suffix (`.gz`, case-sensitive) stepped over, then the type of the
/// extension, lower-cased.
pub(crate) fn guess_type(path: &str) -> Option<&'static str> {
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
