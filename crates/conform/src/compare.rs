//! compare.py's judgement, in process: one answer against CPython's recorded one, and
//! the tally it prints.
//!
//! Equality is Python's `==` on the JSON values after compare.py's `norm`: a float equal
//! to an integer (below 2**53) is that integer, and a bool equals 0 or 1. One case
//! needs Python: `{"xmlrpc": text}` is compared by what CPython's `xmlrpc.client.loads`
//! reads from the text, so two such texts are equal here only when identical; any
//! other pair is [`Verdict::NeedsPython`].

use crate::calls::module_of;
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;
use std::fmt::Write;

/// What compare.py concludes about one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Same outcome as CPython.
    Passed,
    /// A difference not declared as a divergence.
    Failed,
    /// The driver answered unsupported.
    Unsupported,
    /// A difference declared as a divergence; compare.py's reason text.
    Diverged(String),
    /// Only Python can tell (an `{"xmlrpc": text}` result whose text differs).
    NeedsPython,
}

/// compare.py's `norm`: floats equal to an integer below 2**53 become that integer,
/// in arrays and objects alike. `{"xmlrpc": text}` is kept as it is (see the module docs).
pub fn norm(v: &Json) -> Json {
    match v {
        Json::Object(m) if xmlrpc_text(v).is_some() => Json::Object(m.clone()),
        Json::Object(m) => Json::Object(m.iter().map(|(k, x)| (k.clone(), norm(x))).collect()),
        Json::Array(items) => Json::Array(items.iter().map(norm).collect()),
        Json::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < TWO_53 => Json::from(f as i64),
            _ => v.clone(),
        },
        _ => v.clone(),
    }
}

const TWO_53: f64 = 9_007_199_254_740_992.0;

/// Judges the driver's reply `got` (`{"result": ...}`, `{"error": ...}` or
/// `{"unsupported": true}`, maybe with `"divergence"`; an id is ignored) against
/// CPython's `want` (`{"result": ...}` or `{"error": ...}`), as compare.py does.
pub fn verdict(want: &Json, got: &Json) -> Verdict {
    let (w, g) = (outcome(want), outcome(got));
    if g == Outcome::Unsupported {
        return Verdict::Unsupported;
    }
    match same_outcome(&w, &g) {
        Same::Yes => Verdict::Passed,
        Same::Unknown => Verdict::NeedsPython,
        Same::No => match diverged(got, &w, &g) {
            Same::Yes => Verdict::Diverged(why(&got["divergence"])),
            Same::No => Verdict::Failed,
            Same::Unknown => Verdict::NeedsPython,
        },
    }
}

/// compare.py's `outcome`.
#[derive(Debug, PartialEq)]
enum Outcome {
    Missing,
    Unsupported,
    Error(Json),
    Result(Json),
}

fn outcome(obj: &Json) -> Outcome {
    let Json::Object(m) = obj else {
        return Outcome::Missing;
    };
    if m.get("unsupported").is_some_and(truthy) {
        Outcome::Unsupported
    } else if let Some(e) = m.get("error") {
        Outcome::Error(e.clone())
    } else {
        Outcome::Result(norm(m.get("result").unwrap_or(&Json::Null)))
    }
}

/// A three-way answer to "equal?": Python could tell, here it may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Same {
    Yes,
    No,
    Unknown,
}

impl Same {
    fn all(items: impl IntoIterator<Item = Same>) -> Same {
        let mut out = Same::Yes;
        for s in items {
            match s {
                Same::No => return Same::No,
                Same::Unknown => out = Same::Unknown,
                Same::Yes => {}
            }
        }
        out
    }
}

fn same_outcome(w: &Outcome, g: &Outcome) -> Same {
    match (w, g) {
        (Outcome::Result(a), Outcome::Result(b)) | (Outcome::Error(a), Outcome::Error(b)) => {
            eq(a, b)
        }
        (Outcome::Missing, Outcome::Missing) | (Outcome::Unsupported, Outcome::Unsupported) => {
            Same::Yes
        }
        _ => Same::No,
    }
}

/// compare.py's `diverged`: a string reason covers any difference; the field form only
/// a record whose other fields all match.
fn diverged(got: &Json, w: &Outcome, g: &Outcome) -> Same {
    match got.get("divergence") {
        Some(Json::String(s)) if !s.is_empty() => Same::Yes,
        Some(Json::Object(d)) if !d.is_empty() => {
            let fields: Vec<&str> = match d.get("fields") {
                Some(Json::Array(f)) => f.iter().filter_map(Json::as_str).collect(),
                _ => Vec::new(),
            };
            match (w, g) {
                (Outcome::Result(Json::Object(w)), Outcome::Result(Json::Object(g)))
                    if !fields.is_empty() && same_keys(w, g) =>
                {
                    Same::all(
                        w.iter()
                            .filter(|(k, _)| !fields.contains(&k.as_str()))
                            .map(|(k, x)| eq(x, &g[k])),
                    )
                }
                _ => Same::No,
            }
        }
        _ => Same::No,
    }
}

/// compare.py's `why`: the reason as its summary prints it.
fn why(d: &Json) -> String {
    let text = |v: Option<&Json>| match v {
        Some(Json::String(s)) => s.clone(),
        None | Some(Json::Null) => "None".into(),
        Some(v) => v.to_string(),
    };
    match d {
        Json::String(s) => s.clone(),
        _ => {
            let fields = match d.get("fields") {
                Some(Json::Array(f)) => f.iter().map(|x| text(Some(x))).collect::<Vec<_>>(),
                _ => Vec::new(),
            };
            format!("{} (fields: {})", text(d.get("why")), fields.join(", "))
        }
    }
}

/// Python's truth value of a JSON value.
fn truthy(v: &Json) -> bool {
    match v {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64() != Some(0.0),
        Json::String(s) => !s.is_empty(),
        Json::Array(a) => !a.is_empty(),
        Json::Object(m) => !m.is_empty(),
    }
}

fn same_keys(a: &Map<String, Json>, b: &Map<String, Json>) -> bool {
    a.len() == b.len() && a.keys().all(|k| b.contains_key(k))
}

/// The text of an `{"xmlrpc": text}` payload.
fn xmlrpc_text(v: &Json) -> Option<&str> {
    match v {
        Json::Object(m) if m.len() == 1 => m.get("xmlrpc")?.as_str(),
        _ => None,
    }
}

/// Python's `==` on normalised JSON values.
fn eq(a: &Json, b: &Json) -> Same {
    match (xmlrpc_text(a), xmlrpc_text(b)) {
        (Some(x), Some(y)) => return if x == y { Same::Yes } else { Same::Unknown },
        // CPython's side becomes a list ["xmlrpc", ...] that only Python can build.
        (Some(_), None) | (None, Some(_)) => {
            return if a.is_array() || b.is_array() {
                Same::Unknown
            } else {
                Same::No
            };
        }
        (None, None) => {}
    }
    let yes = |b: bool| if b { Same::Yes } else { Same::No };
    match (a, b) {
        (Json::Null, Json::Null) => Same::Yes,
        (Json::String(x), Json::String(y)) => yes(x == y),
        (Json::Array(x), Json::Array(y)) if x.len() == y.len() => {
            Same::all(x.iter().zip(y).map(|(x, y)| eq(x, y)))
        }
        (Json::Object(x), Json::Object(y)) if same_keys(x, y) => {
            Same::all(x.iter().map(|(k, v)| eq(v, &y[k])))
        }
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => yes(x.eq(y)),
            _ => Same::No,
        },
    }
}

/// A number as Python compares it: an int (a bool is 0 or 1) or a float.
#[derive(Clone, Copy)]
enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    fn eq(self, other: Num) -> bool {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a == b,
            (Num::Float(a), Num::Float(b)) => a == b,
            (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => {
                // exact, as Python compares an int with a float
                f.is_finite() && f.fract() == 0.0 && f.abs() < 1e38 && f as i128 == i
            }
        }
    }
}

fn num(v: &Json) -> Option<Num> {
    match v {
        Json::Bool(b) => Some(Num::Int(i128::from(*b))),
        Json::Number(n) => Some(if let Some(i) = n.as_i64() {
            Num::Int(i.into())
        } else if let Some(u) = n.as_u64() {
            Num::Int(u.into())
        } else {
            Num::Float(n.as_f64()?)
        }),
        _ => None,
    }
}

/// Verdicts counted per module, as compare.py tallies them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Same outcome as CPython.
    pub passed: usize,
    /// Differences not declared.
    pub failed: usize,
    /// Calls the driver does not know.
    pub unsupported: usize,
    /// Declared divergences.
    pub diverged: usize,
    /// Undecided without Python.
    pub needs_python: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.unsupported += other.unsupported;
        self.diverged += other.diverged;
        self.needs_python += other.needs_python;
    }
}

/// compare.py's tally: counts per module and the divergence reasons with their counts.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    modules: BTreeMap<String, Counts>,
    reasons: Vec<(String, usize)>,
}

impl Summary {
    /// An empty tally.
    pub fn new() -> Summary {
        Summary::default()
    }

    /// Counts `verdict` for `call` under its module ([`module_of`]).
    pub fn add(&mut self, call: &str, verdict: &Verdict) {
        let c = self.modules.entry(module_of(call).to_owned()).or_default();
        match verdict {
            Verdict::Passed => c.passed += 1,
            Verdict::Failed => c.failed += 1,
            Verdict::Unsupported => c.unsupported += 1,
            Verdict::NeedsPython => c.needs_python += 1,
            Verdict::Diverged(why) => {
                c.diverged += 1;
                match self.reasons.iter_mut().find(|(r, _)| r == why) {
                    Some((_, n)) => *n += 1,
                    None => self.reasons.push((why.clone(), 1)),
                }
            }
        }
    }

    /// The counts over all modules.
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for c in self.modules.values() {
            t.add(c);
        }
        t
    }

    /// compare.py's report: a line per module, the divergence reasons (most frequent
    /// first), a needs-python line when any, and the closing
    /// `LABEL: N passed, N failed, N unsupported, N diverged`.
    pub fn report(&self, label: &str) -> String {
        let mut out = String::new();
        for (module, c) in &self.modules {
            let _ = writeln!(
                out,
                "{module:20} {:6} passed {:6} failed {:6} unsupported {:5} diverged",
                c.passed, c.failed, c.unsupported, c.diverged
            );
        }
        let mut reasons = self.reasons.clone();
        reasons.sort_by_key(|(_, n)| std::cmp::Reverse(*n)); // stable: ties keep first-seen order
        for (why, n) in reasons {
            let _ = writeln!(out, "diverged on purpose ({n}): {why}");
        }
        let t = self.total();
        if t.needs_python > 0 {
            let _ = writeln!(
                out,
                "needs python ({}): xmlrpc payloads that differ as text; compare.py decides them",
                t.needs_python
            );
        }
        let _ = writeln!(
            out,
            "{label}: {} passed, {} failed, {} unsupported, {} diverged",
            t.passed, t.failed, t.unsupported, t.diverged
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn norm_turns_integral_floats_into_ints() {
        assert_eq!(
            norm(&json!([1.0, -0.0, 2.5, {"a": [3.0]}])),
            json!([1, 0, 2.5, {"a": [3]}])
        );
        assert_eq!(norm(&json!(9007199254740992.0)), json!(9007199254740992.0));
        assert_eq!(norm(&json!({"xmlrpc": "<x/>"})), json!({"xmlrpc": "<x/>"}));
    }

    #[test]
    fn equality_is_pythons() {
        let v = |want: Json, got: Json| {
            verdict(
                &json!({ "result": want }),
                &json!({ "id": 1, "result": got }),
            )
        };
        assert_eq!(v(json!(1), json!(1.0)), Verdict::Passed);
        assert_eq!(
            v(json!([1, {"a": 2.0}]), json!([1.0, {"a": 2}])),
            Verdict::Passed
        );
        assert_eq!(v(json!(true), json!(1)), Verdict::Passed); // True == 1 in Python
        assert_eq!(v(json!(0.5), json!(0.5)), Verdict::Passed);
        assert_eq!(
            v(json!(9007199254740993u64), json!(9007199254740992.0)),
            Verdict::Failed
        );
        assert_eq!(v(json!("1"), json!(1)), Verdict::Failed);
        assert_eq!(v(json!(null), json!([])), Verdict::Failed);
        assert_eq!(v(json!({"a": 1}), json!({"a": 1, "b": 2})), Verdict::Failed);
        assert_eq!(v(json!([1, 2]), json!([1])), Verdict::Failed);
        assert_eq!(
            v(
                json!({"int": "18446744073709551616"}),
                json!({"int": "18446744073709551616"})
            ),
            Verdict::Passed
        );
    }

    #[test]
    fn outcomes() {
        let want = json!({"error": "ValueError"});
        assert_eq!(
            verdict(&want, &json!({"id": 1, "error": "ValueError"})),
            Verdict::Passed
        );
        assert_eq!(
            verdict(&want, &json!({"id": 1, "error": "TypeError"})),
            Verdict::Failed
        );
        assert_eq!(
            verdict(&want, &json!({"id": 1, "result": "ValueError"})),
            Verdict::Failed
        );
        assert_eq!(
            verdict(&want, &json!({"id": 1, "unsupported": true})),
            Verdict::Unsupported
        );
        assert_eq!(
            verdict(&want, &json!({"id": 1, "error": "DriverPanic"})),
            Verdict::Failed
        );
        assert_eq!(
            verdict(&json!({"result": null}), &json!({"id": 1})),
            Verdict::Passed
        );
        assert_eq!(
            verdict(
                &json!({"result": null}),
                &json!({"id": 1, "unsupported": false})
            ),
            Verdict::Passed
        );
    }

    #[test]
    fn divergence_string_form_covers_anything() {
        let got = json!({"id": 1, "error": "ValueError", "divergence": "CPython 3.12: x (gh-1)"});
        assert_eq!(
            verdict(&json!({"result": [1]}), &got),
            Verdict::Diverged("CPython 3.12: x (gh-1)".into())
        );
        // an equal answer still passes
        let got = json!({"id": 1, "result": [1], "divergence": "CPython 3.12: x (gh-1)"});
        assert_eq!(verdict(&json!({"result": [1]}), &got), Verdict::Passed);
        let got = json!({"id": 1, "result": [2], "divergence": ""});
        assert_eq!(verdict(&json!({"result": [1]}), &got), Verdict::Failed);
    }

    #[test]
    fn divergence_field_form_covers_only_its_fields() {
        let want = json!({"result": {"str": "a", "is_private": true, "is_global": false, "inner": {"x": 1}}});
        let d =
            json!({"why": "CVE-2024-4032 (CPython 3.12.4)", "fields": ["is_private", "is_global"]});
        let got = |r: Json| json!({"id": 1, "result": r, "divergence": d});
        let reason = "CVE-2024-4032 (CPython 3.12.4) (fields: is_private, is_global)".to_owned();
        assert_eq!(
            verdict(
                &want,
                &got(
                    json!({"str": "a", "is_private": false, "is_global": true, "inner": {"x": 1.0}})
                )
            ),
            Verdict::Diverged(reason)
        );
        // another field differs, even deep in a nested record
        assert_eq!(
            verdict(
                &want,
                &got(
                    json!({"str": "a", "is_private": false, "is_global": false, "inner": {"x": 2}})
                )
            ),
            Verdict::Failed
        );
        // the fields differ in name
        assert_eq!(
            verdict(
                &want,
                &got(json!({"str": "a", "is_private": false, "inner": {"x": 1}}))
            ),
            Verdict::Failed
        );
        // not a record, or not a result
        assert_eq!(
            verdict(&json!({"result": [1]}), &got(json!([2]))),
            Verdict::Failed
        );
        assert_eq!(
            verdict(
                &want,
                &json!({"id": 1, "error": "ValueError", "divergence": d})
            ),
            Verdict::Failed
        );
        // empty fields cover nothing
        let got = json!({"id": 1, "result": {"a": 2}, "divergence": {"why": "x", "fields": []}});
        assert_eq!(verdict(&json!({"result": {"a": 1}}), &got), Verdict::Failed);
        // a nested record as a declared field may differ inside
        let want = json!({"result": {"teredo": {"server": "a"}, "str": "s"}});
        let got = json!({"id": 1, "result": {"teredo": {"server": "b"}, "str": "s"}, "divergence": {"why": "w", "fields": ["teredo"]}});
        assert_eq!(
            verdict(&want, &got),
            Verdict::Diverged("w (fields: teredo)".into())
        );
    }

    #[test]
    fn xmlrpc_payloads_need_python_unless_identical() {
        let want = json!({"result": {"xmlrpc": "<params/>"}});
        assert_eq!(
            verdict(&want, &json!({"id": 1, "result": {"xmlrpc": "<params/>"}})),
            Verdict::Passed
        );
        assert_eq!(
            verdict(&want, &json!({"id": 1, "result": {"xmlrpc": "<params />"}})),
            Verdict::NeedsPython
        );
        assert_eq!(
            verdict(&want, &json!({"id": 1, "result": "x"})),
            Verdict::Failed
        );
        assert_eq!(
            verdict(&want, &json!({"id": 1, "error": "Fault"})),
            Verdict::Failed
        );
        let nested = |t: &str| json!({"result": [1, {"xmlrpc": t}]});
        assert_eq!(verdict(&nested("a"), &nested("b")), Verdict::NeedsPython);
        // a definite difference elsewhere decides
        assert_eq!(
            verdict(&nested("a"), &json!({"result": [2, {"xmlrpc": "b"}]})),
            Verdict::Failed
        );
    }

    #[test]
    fn summary_reads_like_compare_py() {
        let mut s = Summary::new();
        s.add("urllib.parse.urlsplit", &Verdict::Passed);
        s.add("urllib.parse.quote", &Verdict::Failed);
        s.add("http.HTTPStatus", &Verdict::Unsupported);
        s.add("ipaddress.ip_address", &Verdict::Diverged("b".into()));
        s.add("ipaddress.ip_address", &Verdict::Diverged("a".into()));
        s.add("ipaddress.ip_address", &Verdict::Diverged("a".into()));
        s.add("xmlrpc.client.dumps", &Verdict::NeedsPython);
        let report = s.report("vectors");
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(
            lines[0],
            "http                      0 passed      0 failed      1 unsupported     0 diverged"
        );
        assert_eq!(
            lines[2],
            "urllib.parse              1 passed      1 failed      0 unsupported     0 diverged"
        );
        assert_eq!(lines[4], "diverged on purpose (2): a");
        assert_eq!(lines[5], "diverged on purpose (1): b");
        assert!(lines[6].starts_with("needs python (1)"));
        assert_eq!(
            lines[7],
            "vectors: 1 passed, 1 failed, 1 unsupported, 3 diverged"
        );
        assert_eq!(s.total().needs_python, 1);
    }
}
