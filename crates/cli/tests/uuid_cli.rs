//! `netstd uuid` end to end, and against `python3 -m uuid` where CPython has it.

use std::process::Command;

fn netstd(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_netstd"))
        .args(args)
        .output()
        .expect("run netstd")
}

#[test]
fn help_lists_only_real_subcommands() {
    let out = netstd(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("uuid"), "{text}");
    assert!(text.contains("http.server"), "{text}");
    // modules not built yet are not offered
    assert!(
        !text.contains("smtpd") && !text.contains("webbrowser"),
        "{text}"
    );
}

#[test]
fn uuid4_by_default() {
    let out = netstd(&["uuid"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let u = netstd_uuid::UUID::new(text.trim()).unwrap();
    assert_eq!(u.version(), Some(4));
}

#[test]
fn every_generator() {
    for (f, v) in [
        ("uuid1", 1),
        ("uuid4", 4),
        ("uuid6", 6),
        ("uuid7", 7),
        ("uuid8", 8),
    ] {
        let out = netstd(&["uuid", "-u", f, "-C", "3"]);
        assert!(out.status.success(), "{f}");
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        for l in lines {
            assert_eq!(netstd_uuid::UUID::new(l).unwrap().version(), Some(v), "{f}");
        }
    }
}

#[test]
fn namespaced_uuids_match_cpython() {
    let out = netstd(&["uuid", "-u", "uuid5", "-n", "@dns", "-N", "python.org"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "886313e1-3b8a-5372-9b90-0c9aee199e5d\n"
    );
    let out = netstd(&[
        "uuid",
        "--uuid",
        "uuid3",
        "--namespace",
        "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
        "--name",
        "x",
    ]);
    let want = netstd_uuid::uuid3(&netstd_uuid::NAMESPACE_URL, "x").to_string() + "\n";
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
}

#[test]
fn missing_name_is_a_usage_error() {
    let out = netstd(&["uuid", "-u", "uuid3", "-n", "@dns"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("uuid3 requires a namespace and a name"),
        "{err}"
    );
}

/// CPython 3.12+ has `python -m uuid`; its uuid5 must equal ours.
#[test]
fn same_answer_as_python_m_uuid() {
    let Some(python) = netstd_testsupport::interop::require("python3") else {
        return;
    };
    let py = Command::new(python)
        .args([
            "-c",
            "import sys, uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, sys.argv[1]))",
            "https://例え.jp/",
        ])
        .output()
        .unwrap();
    let ours = netstd(&[
        "uuid",
        "-u",
        "uuid5",
        "-n",
        "@url",
        "-N",
        "https://例え.jp/",
    ]);
    assert_eq!(
        String::from_utf8(ours.stdout).unwrap(),
        String::from_utf8(py.stdout).unwrap()
    );
}
