//! netstd's conformance driver (`../shared/conform/PROTOCOL.md`): answers the calls of
//! the conformance corpus with netstd's crates, one JSON line in, one JSON line out,
//! so that `compare.py` can hold them against CPython's own answers.
//!
//! - The value model: [`Value`], [`Int`] and [`Kwargs`] are Python's values;
//!   [`decode`] reads them from JSON as oracle.py's `dec` does, [`Value::to_json`]
//!   writes them as its `enc` does.
//! - [`Answer`]: a result, CPython's exception class name, or unsupported, with an
//!   optional declared [`Divergence`].
//! - [`answer`] dispatches a call by name to its module's file under `src/calls/`
//!   (how a module adds its calls is told there); [`bind`] binds Python arguments.
//! - [`reply`] and [`handle_line`]: the wire format, as the `netstd-conform` binary and
//!   the tests use it.
//! - [`compare`]: compare.py's judgement, for the recorded vectors in `tests/vectors`.

mod answer;
mod calls;
pub mod compare;
mod decode;
mod value;

pub use answer::{Answer, Divergence, Outcome};
pub use calls::{MODULES, bind, module_of};
pub use decode::{DecodeError, decode};
pub use value::{Int, Kwargs, Value};

use std::fmt::Write as _;
use std::io::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Answers `call` (`"urllib.parse.urlsplit"`) with Python's positional and keyword
/// arguments: the call's own answer, or unsupported when the driver does not know it.
pub fn answer(call: &str, args: &[Value], kwargs: &Kwargs) -> Answer {
    match calls::lookup(call) {
        Some(f) => f(args, kwargs),
        None => Answer::unsupported(),
    }
}

/// A request's id (its JSON text, echoed verbatim) and the answer to its call.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// The request's `id` as JSON text; `null` when it had none or could not be read.
    pub id: String,
    /// The answer to the request's call.
    pub answer: Answer,
}

impl Reply {
    /// The reply line, without a line break: `{"id": 7, "result": ...}`.
    pub fn to_line(&self) -> String {
        let members = self.answer.to_json();
        let mut line = format!("{{\"id\": {}", self.id);
        for key in ["result", "error", "unsupported", "divergence"] {
            if let Some(v) = members.get(key) {
                let _ = write!(line, ", \"{key}\": {v}");
            }
        }
        line.push('}');
        line
    }
}

/// Answers one request line as oracle.py does: a call the driver does not know is
/// unsupported before its arguments are read; then the arguments are decoded (a bad
/// one raises what `dec` raises); then the call runs. A line that is not a JSON object
/// answers ValueError, under its id when that can be read. A panic inside the call
/// answers `DriverPanic`, which compare.py counts as failed.
pub fn reply(line: &str) -> Reply {
    let request = match decode::request(line) {
        Ok(request) => request,
        Err(e) => {
            let id = decode::recover_id(line).unwrap_or("null");
            return Reply {
                id: id.to_owned(),
                answer: e.into(),
            };
        }
    };
    let id = request.id.to_owned();
    let Some((call, f)) = request
        .call
        .as_deref()
        .and_then(|c| Some((c, calls::lookup(c)?)))
    else {
        return Reply {
            id,
            answer: Answer::unsupported(),
        };
    };
    let run = || match decode::call_args(request.args, request.kwargs) {
        Ok((args, kwargs)) => f(&args, &kwargs),
        Err(e) => e.into(),
    };
    let answer = guarded(call, &id, run);
    Reply { id, answer }
}

/// Runs one call; a panic (reported on stderr by the panic hook) answers `DriverPanic`.
fn guarded(call: &str, id: &str, run: impl FnOnce() -> Answer) -> Answer {
    catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|_| {
        let _ = writeln!(
            std::io::stderr(),
            "netstd-conform: {call} panicked (id {id}); answered DriverPanic"
        );
        Answer::error("DriverPanic")
    })
}

/// One request line in, one reply line out (no line break); see [`reply`].
pub fn handle_line(line: &str) -> String {
    reply(line).to_line()
}

/// One raw input line (its line break included or not) in, the reply line out; `None`
/// for a blank line, which gets no reply. A line that is not UTF-8 answers ValueError.
pub fn handle_bytes(line: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(line);
    // Python's str.strip(): Unicode whitespace and the separators \x1c-\x1f
    if text
        .trim_matches(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c))
        .is_empty()
    {
        return None;
    }
    Some(match std::str::from_utf8(line) {
        Ok(line) => handle_line(line),
        Err(_) => Reply {
            id: decode::recover_id(&text).unwrap_or("null").to_owned(),
            answer: Answer::error("ValueError"),
        }
        .to_line(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value as Json, json};

    fn parsed(line: &str) -> Json {
        let out = handle_line(line);
        assert!(
            !out.contains('\n') && !out.contains('\r'),
            "one line: {out:?}"
        );
        serde_json::from_str(&out).unwrap()
    }

    #[test]
    fn unknown_calls_are_unsupported() {
        for call in [
            "no.such.call",
            "uuid.uuid9",
            "http.NoSuchThing",
            "urllib.parse",
        ] {
            let line = json!({"id": 7, "call": call, "args": ["http://a/b"], "kwargs": {"allow_fragments": false}});
            assert_eq!(
                parsed(&line.to_string()),
                json!({"id": 7, "unsupported": true})
            );
        }
        assert_eq!(
            answer("uuid.nosuch", &["x".into()], &Kwargs::new()),
            Answer::unsupported()
        );
        // unknown calls are unsupported before their arguments are read, as in oracle.py
        assert_eq!(
            parsed(r#"{"id": 1, "call": "no.such", "args": [{"bogus": 1}]}"#),
            json!({"id": 1, "unsupported": true})
        );
        assert_eq!(
            parsed(r#"{"id": 2}"#),
            json!({"id": 2, "unsupported": true})
        );
        assert_eq!(
            parsed(r#"{"call": "no.such.call"}"#),
            json!({"id": null, "unsupported": true})
        );
    }

    #[test]
    fn malformed_lines_are_value_errors() {
        assert_eq!(
            parsed("not json"),
            json!({"id": null, "error": "ValueError"})
        );
        assert_eq!(parsed("[1, 2]"), json!({"id": null, "error": "ValueError"}));
        assert_eq!(
            parsed(r#"{"id": 12, "call": "uuid.uuid4", "args": ["#),
            json!({"id": 12, "error": "ValueError"})
        );
        assert_eq!(
            parsed("{\"id\": 3, \"call\": \"x\"}\n{\"id\": 4}"),
            json!({"id": 3, "error": "ValueError"})
        );
        assert_eq!(
            handle_bytes(b"{\"id\": 5, \"call\": \"\xff\"}\n").as_deref(),
            Some(r#"{"id": 5, "error": "ValueError"}"#)
        );
        assert_eq!(handle_bytes(b"  \r\n"), None);
        assert_eq!(handle_bytes(b""), None);
        assert_eq!(
            handle_bytes(b"{\"id\": 6}\n").as_deref(),
            Some(r#"{"id": 6, "unsupported": true}"#)
        );
    }

    #[test]
    fn ids_are_kept_verbatim() {
        for id in [
            "0",
            "-1",
            "9007199254740993",
            "123456789012345678901234567890",
            "1.5",
            "\"a\\nb\"",
            "[1, 2]",
            "null",
        ] {
            let out = handle_line(&format!(
                r#"{{"call": "no.such.call", "id": {id}, "args": []}}"#
            ));
            assert_eq!(out, format!(r#"{{"id": {id}, "unsupported": true}}"#));
        }
    }

    #[test]
    fn panics_answer_driver_panic() {
        assert_eq!(
            guarded("m.f", "1", || panic!("a bug")),
            Answer::error("DriverPanic")
        );
        assert_eq!(guarded("m.f", "1", || Answer::result(1)), Answer::result(1));
    }

    #[test]
    fn reply_lines() {
        let line = |answer: Answer| {
            Reply {
                id: "1".into(),
                answer,
            }
            .to_line()
        };
        assert_eq!(
            line(Answer::error("TypeError")),
            r#"{"id": 1, "error": "TypeError"}"#
        );
        assert_eq!(
            line(
                Answer::result(Value::Str("a\nb".into())).with_divergence(Divergence::whole("why"))
            ),
            r#"{"id": 1, "result": "a\nb", "divergence": "why"}"#
        );
        let v: Json = serde_json::from_str(&line(Answer::result(Value::record([(
            "n",
            Value::Float(f64::NAN),
        )]))))
        .unwrap();
        assert_eq!(v, json!({"id": 1, "result": {"n": {"float": "nan"}}}));
    }
}
