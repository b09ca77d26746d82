//! The file jars: Mozilla (cookies.txt, with gh-113775's `#HttpOnly_` lines) and
//! LWP (`Set-Cookie3`), checked against files CPython wrote and reads.

use std::path::PathBuf;

use netstd_cookiejar::{
    Cookie, CookieJar, FileCookieJar, FileOptions, LWPCookieJar, MozillaCookieJar, Request,
    Response, iso2time,
};

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("netstd-cookiejar-{}-{name}", std::process::id()))
}

#[test]
fn gh_113775_httponly_lines_load_and_save() {
    // As curl writes it: the #HttpOnly_ prefix is not a comment.
    let text = "# Netscape HTTP Cookie File\n\
                #HttpOnly_.example.com\tTRUE\t/\tTRUE\t4102444800\tsid\tabc\n\
                # a comment\n\
                example.com\tFALSE\t/a\tFALSE\t4102444800\tplain\t1\n";
    let jar = MozillaCookieJar::new(None::<&str>);
    jar.load_from(&mut text.as_bytes(), "mem", false, false)
        .unwrap();
    let cookies = jar.cookies();
    assert_eq!(cookies.len(), 2);
    assert_eq!(cookies[0].name, "sid");
    assert_eq!(cookies[0].domain, ".example.com");
    assert!(cookies[0].secure);
    assert_eq!(cookies[0].get_nonstandard_attr("HTTPOnly"), Some(Some("")));
    assert!(!cookies[1].has_nonstandard_attr("HTTPOnly"));
    let mut out = Vec::new();
    jar.save_to(&mut out, false, false).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("# Netscape HTTP Cookie File\n"));
    assert!(out.contains("#HttpOnly_.example.com\tTRUE\t/\tTRUE\t4102444800\tsid\tabc\n"));
    assert!(out.contains("\nexample.com\tFALSE\t/a\tFALSE\t4102444800\tplain\t1\n"));
}

#[test]
fn mozilla_round_trip_through_a_file() {
    let path = temp("moz.txt");
    let jar = MozillaCookieJar::new(Some(&path));
    assert_eq!(jar.filename(), Some(path.as_path()));
    assert!(!jar.delayload());
    let req = Request::new("http://www.example.com/").unwrap();
    jar.extract_cookies(
        &Response::from_lines([
            "Set-Cookie: keep=1; Domain=.example.com; Expires=Fri, 01 Jan 2100 00:00:00 GMT",
            "Set-Cookie: session=2",
        ]),
        &req,
    );
    jar.save().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let back = MozillaCookieJar::new(Some(&path));
    back.load().unwrap();
    assert_eq!(back.len(), 1, "session cookies are not saved by default");
    back.clear();
    back.load_with(&FileOptions::new().ignore_discard(true))
        .unwrap();
    assert_eq!(back.len(), 1);
    jar.save_with(&FileOptions::new().ignore_discard(true))
        .unwrap();
    back.revert_with(&FileOptions::new().ignore_discard(true))
        .unwrap();
    assert_eq!(back.len(), 2);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn revert_keeps_the_jar_on_errors() {
    let path = temp("bad.txt");
    std::fs::write(&path, "not a cookie file\n").unwrap();
    let jar = MozillaCookieJar::new(Some(&path));
    jar.set_cookie(Cookie::new("a", Some("1"), "x.com", "/"));
    let e = jar.revert().unwrap_err();
    assert_eq!(e.python_name(), "LoadError");
    assert_eq!(jar.len(), 1);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(jar.revert().unwrap_err().python_name(), "FileNotFoundError");
    assert_eq!(jar.len(), 1);
    let nameless = LWPCookieJar::new(None::<&str>);
    assert_eq!(nameless.save().unwrap_err().python_name(), "ValueError");
}

#[test]
fn mozilla_format_errors() {
    let jar = MozillaCookieJar::new(None::<&str>);
    for bad in [
        "# Netscape HTTP Cookie File\nx.com\tFALSE\t/\n",
        "# Netscape HTTP Cookie File\n.x.com\tFALSE\t/\tFALSE\t1\tn\tv\n",
        "# Netscape HTTP Cookie File\nx.com\tFALSE\t/\tFALSE\tsoon\tn\tv\n",
    ] {
        let e = jar
            .load_from(&mut bad.as_bytes(), "mem", true, true)
            .unwrap_err();
        assert_eq!(e.python_name(), "LoadError", "{bad:?}");
    }
}

#[test]
fn lwp_round_trip() {
    let jar = LWPCookieJar::new(None::<&str>);
    jar.set_now(Some(1_000));
    let req = Request::new("http://www.acme.com/acme/").unwrap();
    jar.set_policy(netstd_cookiejar::DefaultCookiePolicy::new().rfc2965(true));
    jar.extract_cookies(
        &Response::from_lines([
            "Set-Cookie2: v1=\"x y\"; Version=1; Path=\"/acme\"; Port=\"80\"; Max-Age=1000; Comment=hi",
            "Set-Cookie: ns=1; Domain=.acme.com; Expires=Fri, 01 Jan 2100 00:00:00 GMT; Secure",
        ]),
        &req,
    );
    let text = jar.as_lwp_str(true, true);
    assert_eq!(
        text,
        "Set-Cookie3: v1=\"x y\"; path=\"/acme\"; domain=\"www.acme.com\"; port=80; path_spec; \
         port_spec; expires=\"1970-01-01 00:33:20Z\"; comment=hi; version=1\n\
         Set-Cookie3: ns=1; path=\"/acme\"; domain=\".acme.com\"; domain_dot; secure; \
         expires=\"2100-01-01 00:00:00Z\"; version=0\n"
    );
    let mut file = Vec::new();
    jar.save_to(&mut file, true, true).unwrap();
    let back = LWPCookieJar::new(None::<&str>);
    back.set_now(Some(1_000));
    back.load_from(&mut file.as_slice(), "mem", true, true)
        .unwrap();
    assert_eq!(back.as_lwp_str(true, true), text);
    // The cookies survive the file format whole.
    assert_eq!(back.cookies(), jar.cookies());
    let plain: &CookieJar = &back;
    assert_eq!(plain.len(), 2);
}

#[test]
fn iso2time_formats() {
    assert_eq!(
        iso2time("1994-02-03 14:15:29 -0100").unwrap(),
        Some(760_288_529)
    );
    assert_eq!(iso2time("1994-02-03 14:15:29").unwrap(), Some(760_284_929));
    assert_eq!(iso2time("1994-02-03").unwrap(), Some(760_233_600));
    assert_eq!(iso2time("1994-02-03T14:15:29").unwrap(), Some(760_284_929));
    assert_eq!(iso2time("19940203T141529Z").unwrap(), Some(760_284_929));
    assert_eq!(iso2time("19940203").unwrap(), Some(760_233_600));
    assert_eq!(
        iso2time("  1994-02-03T14:15:29+01:30 ").unwrap(),
        Some(760_279_529)
    );
    assert_eq!(iso2time("1994023 1415 +5").unwrap(), Some(760_266_900));
    assert_eq!(iso2time("not a date").unwrap(), None);
    assert_eq!(
        iso2time("1994-02-03 14:15:29.5").unwrap_err().python_name(),
        "ValueError"
    );
    let hostile = format!("1994-02-03{}x", " ".repeat(100_000));
    let start = std::time::Instant::now();
    assert_eq!(iso2time(&hostile).unwrap(), None);
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
}

#[test]
fn mozilla_save_cannot_plant_cookies_for_other_sites() {
    // Found by review: a bare CR in a Set-Cookie value was written as it is, and
    // read back (universal newlines) as a cookie for another domain. CPython 3.11
    // does the same; netstd leaves such a cookie out of the file.
    let jar = MozillaCookieJar::new(None::<&str>);
    jar.set_now(Some(1_000_000_000));
    let req = Request::new("http://example.com/").unwrap();
    let evil =
        "Set-Cookie: c=d\r.bank.com\tTRUE\t/\tFALSE\t4102444800\tinjected\tv; max-age=1000000";
    jar.extract_cookies(
        &Response::from_lines([evil, "Set-Cookie: ok=1; max-age=1000000"]),
        &req,
    );
    assert_eq!(jar.len(), 2);
    let mut out = Vec::new();
    jar.save_to(&mut out, true, true).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains("bank.com"), "{text}");
    let back = MozillaCookieJar::new(None::<&str>);
    back.load_from(&mut text.as_bytes(), "mem", true, true)
        .unwrap();
    let names: Vec<String> = back.cookies().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["ok"]);
}
