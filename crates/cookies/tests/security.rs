//! Security properties of netstd-cookies: parsing is linear in its input
//! (CVE-2024-7592, CPython gh-149028) and output never carries a control character
//! (header injection; CPython gh-143919, gh-145599).

use std::time::{Duration, Instant};

use netstd_cookies::{_unquote, Morsel, OutputOptions, SimpleCookie};

/// Builds an adversarial input of about `n` bytes.
type Maker = fn(usize) -> String;

/// The adversarial inputs, each built for about `n` bytes.
fn adversarial() -> Vec<(&'static str, Maker)> {
    vec![
        // CVE-2024-7592: CPython's _unquote searched again from every backslash
        ("backslashes in a quoted value", |n| {
            format!("a=\"{}\"", "\\".repeat(2 * n))
        }),
        ("octal escapes", |n| {
            format!("a=\"{}\"", "\\012x\\\"".repeat(n / 4))
        }),
        // gh-149028 and the lazy key: every `=` of a long key run starts a value
        ("a key run of = ending badly", |n| {
            format!("{}\"", "a=".repeat(n / 2))
        }),
        ("value brackets ending badly", |n| {
            format!("a={}\"", "[b=".repeat(n / 3))
        }),
        ("spaces before a bad character", |n| {
            format!("a{}\"", " ".repeat(n))
        }),
        ("spaces after =", |n| format!("a={}\"", " ".repeat(n))),
        ("an unterminated quoted value", |n| {
            format!("a=\"{}", "x".repeat(n))
        }),
        ("expires prefixes", |n| "a=Wed, 01 Jan".repeat(n / 13)),
        ("many cookies", |n| {
            (0..n / 12)
                .map(|i| format!("k{i}=v{i}; "))
                .collect::<String>()
        }),
        ("many attributes", |n| {
            format!("a=1{}", "; Path=/x; Secure".repeat(n / 17))
        }),
    ]
}

fn time_load(s: &str) -> Duration {
    let start = Instant::now();
    let mut c = SimpleCookie::new();
    let _ = c.load(s);
    std::hint::black_box(&c);
    start.elapsed()
}

/// Ten times the input costs about ten times the time, never a hundred.
#[test]
fn load_is_linear_on_adversarial_input() {
    for (name, make) in adversarial() {
        let small = make(100_000);
        let large = make(1_000_000);
        // best of three, to keep scheduling noise out
        let t_small = (0..3).map(|_| time_load(&small)).min().unwrap();
        let t_large = (0..3).map(|_| time_load(&large)).min().unwrap();
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        assert!(
            ratio < 40.0 && t_large < Duration::from_secs(5),
            "{name}: 100 KB in {t_small:?}, 1 MB in {t_large:?} (x{ratio:.1})"
        );
    }
}

#[test]
fn unquote_is_linear_cve_2024_7592() {
    let s = format!("\"{}\"", "\\".repeat(4_000_000));
    let start = Instant::now();
    let out = _unquote(&s);
    assert_eq!(out.len(), 2_000_000);
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[test]
fn control_characters_in_values_are_refused() {
    let mut c = SimpleCookie::new();
    for bad in ["x\r\ny", "x\ny", "\0", "\x7f", "a\tb"] {
        let e = c.set_item("a", bad).unwrap_err();
        assert_eq!(e.python_name(), "CookieError");
        assert!(e.is_control_character());
    }
    assert!(c.is_empty());
}

#[test]
fn control_characters_from_octal_escapes_are_refused() {
    let mut c = SimpleCookie::new();
    let e = c.load(r#"a="\015\012Set-Cookie: evil=1""#).unwrap_err();
    assert!(e.is_control_character());
    let mut c = SimpleCookie::new();
    assert!(c.load("a=\"x\r\nSet-Cookie: evil=1\"").is_err());
    let mut c = SimpleCookie::new();
    assert!(c.load(r#"a=1; path="/\012x""#).is_err());
    // what was applied before the refusal stays, as in CPython
    assert_eq!(c.get("a").unwrap().value(), Some("1"));
}

#[test]
fn control_characters_in_attributes_and_keys_are_refused() {
    let mut m = Morsel::new();
    assert!(m.set_item("path", "/\r\nX-Evil: 1").is_err());
    assert!(m.set_item("domain", "a\nb").is_err());
    assert!(m.setdefault("comment", "a\rb").is_err());
    assert!(m.update([("path", "/\n")]).is_err());
    assert!(m.set("a\n", "v", "v").is_err());
    assert!(m.set("a", "v", "v\r\n").is_err());
    assert!(m.set("a", "v\n", "v").is_err());
    assert_eq!(m.get("path").unwrap().to_string(), "");
}

#[test]
fn header_with_control_characters_is_refused() {
    let mut c = SimpleCookie::new();
    c.set_item("a", "1").unwrap();
    let opts = OutputOptions::new().header("Set-Cookie:\r\nX-Evil: 1\r\nSet-Cookie:");
    assert!(c.output_with(&opts).is_err());
    assert!(c.get("a").unwrap().output_with(&opts).is_err());
}

#[test]
fn output_never_carries_cr_or_lf() {
    // every byte value in every position of a small header
    let alphabet: Vec<char> = (0u8..=0x7f)
        .map(char::from)
        .chain(['\u{e9}', '\u{2028}'])
        .collect();
    for &c1 in &alphabet {
        for template in [
            "a=x{}y; path=/{}",
            "a=\"x{}y\"; comment=\"{}\"",
            "{}a=1; b={}",
        ] {
            let raw = template.replace("{}", &c1.to_string());
            let mut c = SimpleCookie::new();
            if c.load(&raw).is_ok() {
                let out = c.output_with(&OutputOptions::new().sep(" ")).unwrap();
                assert!(!out.contains(['\r', '\n']), "{raw:?} gave {out:?}");
                let js = c.js_output().unwrap();
                assert!(!js.contains('\r'));
            }
        }
        let mut c = SimpleCookie::new();
        if c.set_item("k", &format!("v{c1}")).is_ok() {
            assert!(!c.output().unwrap().contains(['\r', '\n']));
        }
    }
}

/// What `set_item` quotes, `load` reads back unchanged (the fuzz target's property).
#[test]
fn quoting_round_trips() {
    let mut samples: Vec<String> = (0u32..0x300)
        .filter_map(char::from_u32)
        .filter(|c| !c.is_control())
        .map(|c| format!("a{c}b{c}"))
        .collect();
    samples.extend(
        [
            "",
            " ",
            "\"",
            "\\",
            "\\\"",
            "a;b, c",
            "\u{1f600}",
            "=x=",
            "$v",
            "\\012",
        ]
        .map(String::from),
    );
    for v in samples {
        let mut c = SimpleCookie::new();
        c.set_item("k", &v).unwrap();
        let header = c.output_with(&OutputOptions::new().header("")).unwrap();
        let mut back = SimpleCookie::new();
        back.load(header.trim_start()).unwrap();
        assert_eq!(
            back.get("k").and_then(|m| m.value()),
            Some(v.as_str()),
            "{header}"
        );
    }
}
