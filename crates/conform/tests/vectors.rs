//! The recorded conformance vectors: every `tests/vectors/*.jsonl` at the workspace root
//! holds calls with CPython's answers (`"expect"`), recorded by `scripts/record-vectors`.
//! Each call is answered in process and judged as compare.py judges it; the test fails
//! on any failed or unsupported call (a module's file is committed once it is
//! implemented). The summary goes straight to stderr, so it shows on success too.

use netstd_conform::compare::{Summary, Verdict, verdict};
use netstd_conform::{module_of, reply};
use serde_json::Value as Json;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How many differences are printed in full.
const SHOW: usize = 20;

fn vector_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn cut(v: &Json, n: usize) -> String {
    v.to_string().chars().take(n).collect()
}

#[test]
fn recorded_vectors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut err = std::io::stderr().lock();
    let files = vector_files(&dir);
    if files.is_empty() {
        let _ = writeln!(err, "vectors: none recorded yet in tests/vectors");
        return;
    }

    let mut summary = Summary::new();
    let mut problems = Vec::new(); // the vector files themselves
    let mut ids = HashSet::new();
    let mut shown = 0;
    for file in &files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let at = format!("{name}:{}", n + 1);
            let obj: Json = match serde_json::from_str(line) {
                Ok(obj) => obj,
                Err(e) => {
                    problems.push(format!("{at}: not JSON: {e}"));
                    continue;
                }
            };
            let (Some(call), Some(expect)) = (obj["call"].as_str(), obj.get("expect")) else {
                problems.push(format!("{at}: needs \"call\" and \"expect\""));
                continue;
            };
            if expect.get("result").is_none() && expect.get("error").is_none() {
                problems.push(format!("{at}: \"expect\" holds neither result nor error"));
            }
            if format!("{}.jsonl", module_of(call).replace('.', "_")) != name {
                problems.push(format!("{at}: {call} belongs in another file"));
            }
            if !ids.insert(obj["id"].to_string()) {
                problems.push(format!(
                    "{at}: id {} repeats (compare.py needs unique ids)",
                    obj["id"]
                ));
            }

            let got = Json::Object(reply(line).answer.to_json());
            let v = verdict(expect, &got);
            if matches!(v, Verdict::Failed | Verdict::NeedsPython) && shown < SHOW {
                shown += 1;
                let label = if v == Verdict::Failed {
                    "DIFF"
                } else {
                    "NEEDS PYTHON"
                };
                let _ = writeln!(
                    err,
                    "{label} {at} id={} {call} args={} kwargs={}\n  cpython: {}\n  project: {}",
                    obj["id"],
                    cut(&obj["args"], 300),
                    cut(&obj["kwargs"], 200),
                    cut(expect, 600),
                    cut(&got, 600)
                );
            }
            summary.add(call, &v);
        }
    }
    let _ = write!(err, "{}", summary.report("vectors"));

    assert!(
        problems.is_empty(),
        "malformed vector files:\n{}",
        problems.join("\n")
    );
    let t = summary.total();
    assert!(
        t.failed == 0 && t.unsupported == 0,
        "vectors: {} failed, {} unsupported (see above)",
        t.failed,
        t.unsupported
    );
}
