//! `urllib.robotparser.*` calls of PROTOCOL.md, answered with netstd-robotparser.
//!
//! `RobotFileParser(text, queries)` parses `text.splitlines()` in CPython mode and
//! answers oracle.py's record. The parser goes through netstd-urlparse, which
//! follows later CPython 3.11 releases in two places the 3.11.7 oracle does not:
//! bracketed netlocs (CVE-2025-0938) and `urlunsplit` of a path starting with `//`
//! without a netloc (CVE-2015-2104); an answer that may meet either declares it.

use netstd_robotparser::{RobotFileParser, splitlines};
use netstd_urlparse as up;

use super::urllib_parse::{BRACKETS, UNSPLIT, brackets_differ, unsplit_differs};
use super::{Call, bind};
use crate::{Answer, Divergence, Int, Kwargs, Value};

pub(super) fn lookup(name: &str) -> Option<Call> {
    Some(match name {
        "RobotFileParser" => robot_file_parser,
        _ => return None,
    })
}

/// Which later-CPython change may make this input's answer differ from 3.11.7's.
enum Diverges {
    No,
    /// `urlunsplit` of `//path`: only which URLs match may differ.
    Unsplit,
    /// Bracketed netlocs: one side may raise ValueError.
    Brackets,
}

fn py_int(i: &netstd_robotparser::Int) -> Value {
    Int::parse(i.as_str()).map_or(Value::None, Value::Int)
}

/// `urlunparse` of these parts, as CPython 3.11.7 and the fix may write them otherwise.
fn unparse_differs(url: &str, keep_scheme: bool) -> bool {
    let Ok(p) = up::urlparse(url) else {
        return false;
    };
    let (scheme, netloc, path, params, _, _) = p.as_tuple();
    let path = if params.is_empty() {
        path.to_owned()
    } else {
        format!("{path};{params}")
    };
    if keep_scheme {
        unsplit_differs(scheme, netloc, &path)
    } else {
        unsplit_differs("", "", &path)
    }
}

/// Scans the rule values and query URLs the parser will hand to urlparse.
fn divergence(text: &str, queries: &[(&str, &str)]) -> Diverges {
    let mut found = Diverges::No;
    let mut note = |bracket: bool, unsplit: bool| {
        if bracket {
            found = Diverges::Brackets;
        } else if unsplit && !matches!(found, Diverges::Brackets) {
            found = Diverges::Unsplit;
        }
    };
    for line in splitlines(text) {
        let line = line.split('#').next().unwrap_or("");
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        if key != "allow" && key != "disallow" {
            continue;
        }
        let value = up::unquote(
            value.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)),
        );
        note(brackets_differ(&value), unparse_differs(&value, true));
    }
    for (_, url) in queries {
        let url = up::unquote(url);
        note(brackets_differ(&url), unparse_differs(&url, false));
    }
    found
}

fn robot_file_parser(args: &[Value], kwargs: &Kwargs) -> Answer {
    // oracle.py's `_robots(text, queries)`
    let [text, queries] = match bind(args, kwargs, ["text", "queries"]) {
        Ok(slots) => slots,
        Err(e) => return e,
    };
    let (Some(Value::Str(text)), Some(queries)) = (text, queries.and_then(Value::as_seq)) else {
        return Answer::unsupported();
    };
    let mut pairs = Vec::with_capacity(queries.len());
    for q in queries {
        match q.as_seq() {
            Some([Value::Str(agent), Value::Str(url)]) => {
                pairs.push((agent.as_str(), url.as_str()))
            }
            _ => return Answer::unsupported(),
        }
    }
    let answer = answer(text, &pairs);
    match divergence(text, &pairs) {
        Diverges::No => answer,
        Diverges::Unsplit => answer.with_divergence(Divergence::fields(UNSPLIT, &["can_fetch"])),
        Diverges::Brackets => answer.with_divergence(Divergence::whole(BRACKETS)),
    }
}

fn answer(text: &str, queries: &[(&str, &str)]) -> Answer {
    let mut rp = RobotFileParser::default();
    if let Err(e) = rp.parse(splitlines(text)) {
        return Answer::error(e.python_name());
    }
    let mut agents: Vec<&str> = Vec::new();
    for (agent, _) in queries {
        if !agents.contains(agent) {
            agents.push(agent);
        }
    }
    let mut can_fetch = Vec::with_capacity(queries.len());
    for (agent, url) in queries {
        match rp.can_fetch(agent, url) {
            Ok(b) => can_fetch.push(Value::Bool(b)),
            Err(e) => return Answer::error(e.python_name()),
        }
    }
    let crawl_delay = agents
        .iter()
        .map(|a| {
            Value::List(vec![
                (*a).into(),
                rp.crawl_delay(a).map_or(Value::None, py_int),
            ])
        })
        .collect();
    let request_rate = agents
        .iter()
        .map(|a| {
            let rate = rp.request_rate(a).map_or(Value::None, |r| {
                Value::List(vec![py_int(&r.requests), py_int(&r.seconds)])
            });
            Value::List(vec![(*a).into(), rate])
        })
        .collect();
    let site_maps = rp.site_maps().map_or(Value::None, |maps| {
        Value::List(maps.iter().map(|m| m.as_str().into()).collect())
    });
    Answer::result(Value::record([
        ("can_fetch", Value::List(can_fetch)),
        ("crawl_delay", Value::List(crawl_delay)),
        ("request_rate", Value::List(request_rate)),
        ("site_maps", site_maps),
    ]))
}
