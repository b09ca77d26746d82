//! What the driver answers to one call (PROTOCOL.md "Wire format").

use crate::decode::DecodeError;
use crate::value::Value;
use serde_json::{Map, Value as Json};

/// The driver's answer to one call, with the divergence it declares, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// What the call did.
    pub outcome: Outcome,
    /// Where the project differs from CPython 3.11 on purpose (a later CPython's fix).
    pub divergence: Option<Divergence>,
}

/// What a call did: returned, raised, or is not known to the driver.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The call returned this value: `{"result": ...}`.
    Result(Value),
    /// The call raised: CPython's exception class name, `{"error": "ValueError"}`.
    Error(String),
    /// The driver does not know this call: `{"unsupported": true}`.
    Unsupported,
}

/// A declared divergence from CPython 3.11: name the CPython version and the CVE or issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Divergence {
    /// The whole answer may differ: `"divergence": "CPython 3.13: ... (gh-NNNN)"`.
    Whole(String),
    /// Only these fields of the record result may differ; every other field must match:
    /// `"divergence": {"why": ..., "fields": [...]}`. The form to use for records.
    Fields {
        /// The reason: CPython version and CVE or issue.
        why: String,
        /// The record fields that may differ.
        fields: Vec<&'static str>,
    },
}

impl Answer {
    /// The call returned `value`.
    pub fn result(value: impl Into<Value>) -> Answer {
        Answer::from(Outcome::Result(value.into()))
    }

    /// The call raised CPython's exception class `name` (`"ValueError"`).
    pub fn error(name: impl Into<String>) -> Answer {
        Answer::from(Outcome::Error(name.into()))
    }

    /// The driver does not know the call.
    pub fn unsupported() -> Answer {
        Answer::from(Outcome::Unsupported)
    }

    /// This answer, declaring `divergence`.
    pub fn with_divergence(self, divergence: Divergence) -> Answer {
        Answer {
            divergence: Some(divergence),
            ..self
        }
    }

    /// The answer's members on the wire, without the id: `{"result": ...}`,
    /// `{"error": ...}` or `{"unsupported": true}`, then `"divergence"` when declared.
    pub fn to_json(&self) -> Map<String, Json> {
        let mut m = Map::new();
        match &self.outcome {
            Outcome::Result(v) => m.insert("result".into(), v.to_json()),
            Outcome::Error(name) => m.insert("error".into(), Json::String(name.clone())),
            Outcome::Unsupported => m.insert("unsupported".into(), Json::Bool(true)),
        };
        if let Some(d) = &self.divergence {
            m.insert("divergence".into(), d.to_json());
        }
        m
    }
}

impl From<Outcome> for Answer {
    fn from(outcome: Outcome) -> Answer {
        Answer {
            outcome,
            divergence: None,
        }
    }
}

impl From<DecodeError> for Answer {
    /// What the call answers when its arguments do not decode: oracle.py's exception,
    /// or unsupported where the input has no faithful counterpart.
    fn from(e: DecodeError) -> Answer {
        match e {
            DecodeError::Raise(name) => Answer::error(name),
            DecodeError::Unrepresentable => Answer::unsupported(),
        }
    }
}

impl Divergence {
    /// The whole answer may differ, for `why`.
    pub fn whole(why: impl Into<String>) -> Divergence {
        Divergence::Whole(why.into())
    }

    /// Only `fields` of the record may differ, for `why`.
    pub fn fields(why: impl Into<String>, fields: &[&'static str]) -> Divergence {
        Divergence::Fields {
            why: why.into(),
            fields: fields.to_vec(),
        }
    }

    /// The `"divergence"` member's value.
    pub fn to_json(&self) -> Json {
        match self {
            Divergence::Whole(why) => Json::String(why.clone()),
            Divergence::Fields { why, fields } => serde_json::json!({"why": why, "fields": fields}),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wire_members() {
        let j = |a: Answer| Json::Object(a.to_json());
        assert_eq!(j(Answer::result(Value::None)), json!({"result": null}));
        assert_eq!(
            j(Answer::error("ValueError")),
            json!({"error": "ValueError"})
        );
        assert_eq!(j(Answer::unsupported()), json!({"unsupported": true}));
        assert_eq!(
            j(Answer::result("x").with_divergence(Divergence::whole("CPython 3.13: x (gh-1)"))),
            json!({"result": "x", "divergence": "CPython 3.13: x (gh-1)"})
        );
        assert_eq!(
            j(Answer::error("E").with_divergence(Divergence::fields("CVE-1", &["a", "b"]))),
            json!({"error": "E", "divergence": {"why": "CVE-1", "fields": ["a", "b"]}})
        );
        assert_eq!(
            Answer::from(DecodeError::Raise("TypeError")),
            Answer::error("TypeError")
        );
        assert_eq!(
            Answer::from(DecodeError::Unrepresentable),
            Answer::unsupported()
        );
    }
}
