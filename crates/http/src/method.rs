//! Python's `http.HTTPMethod` (a `StrEnum`, Python 3.11), with the members of
//! current CPython (main), `QUERY` included.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// Python's `http.HTTPMethod`: an HTTP method CPython knows, with its description.
///
/// Members are associated constants named as in Python. As a `StrEnum` member it
/// is its value: it compares with `&str`, its `str()` (here
/// [`Display`](fmt::Display)) is the value, and members order as their strings do.
/// Lookup by value is exact, as Python's `HTTPMethod('GET')`: `"get"` is not a
/// member.
///
/// ```
/// use netstd_http::HTTPMethod;
/// let m = HTTPMethod::new("GET")?;
/// assert_eq!(m, HTTPMethod::GET);
/// assert_eq!(m, "GET");
/// assert_eq!(m.description(), "Retrieve the target.");
/// assert_eq!(m.to_string(), "GET");
/// assert!(HTTPMethod::new("get").is_err());
/// # Ok::<(), netstd_http::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HTTPMethod(&'static str);

/// Writes the table once: the associated constants and the members in Python's
/// (alphabetical) order with their descriptions.
macro_rules! methods {
    ($( $name:ident $description:literal $($since:literal)? ; )*) => {
        impl HTTPMethod {
            $(
                #[doc = concat!(
                    "`HTTPMethod.", stringify!($name), "`: \"", $description, "\"",
                    $(" (", $since, ")",)? "\n\n",
                    "```\n",
                    "use netstd_http::HTTPMethod;\n",
                    "assert_eq!(HTTPMethod::", stringify!($name), ".value(), \"", stringify!($name), "\");\n",
                    "assert_eq!(HTTPMethod::new(\"", stringify!($name), "\")?, HTTPMethod::", stringify!($name), ");\n",
                    "# Ok::<(), netstd_http::Error>(())\n",
                    "```"
                )]
                pub const $name: HTTPMethod = HTTPMethod(stringify!($name));
            )*
        }

        /// The members in Python's order, with their descriptions.
        static TABLE: &[(HTTPMethod, &str)] = &[ $( (HTTPMethod::$name, $description), )* ];
    };
}

methods! {
    CONNECT "Establish a connection to the server.";
    DELETE "Remove the target.";
    GET "Retrieve the target.";
    HEAD "Same as GET, but only retrieve the status line and header section.";
    OPTIONS "Describe the communication options for the target.";
    PATCH "Apply partial modifications to a target.";
    POST "Perform target-specific processing with the request payload.";
    PUT "Replace the target with the request payload.";
    QUERY "Request that the target process the request payload in a safe and idempotent manner."
        "new in CPython 3.15; Python 3.11 to 3.14 do not have it";
    TRACE "Perform a message loop-back test along the path to the target.";
}

impl HTTPMethod {
    /// Python's `HTTPMethod(value)`: the member with exactly this value (case
    /// matters, as in Python). Anything else is a `ValueError`
    /// ("'get' is not a valid HTTPMethod").
    ///
    /// ```
    /// use netstd_http::HTTPMethod;
    /// assert_eq!(HTTPMethod::new("PATCH")?, HTTPMethod::PATCH);
    /// let e = HTTPMethod::new("get").unwrap_err();
    /// assert_eq!(e.to_string(), "'get' is not a valid HTTPMethod");
    /// # Ok::<(), netstd_http::Error>(())
    /// ```
    pub fn new(value: &str) -> Result<HTTPMethod, Error> {
        TABLE
            .iter()
            .map(|&(m, _)| m)
            .find(|m| m.0 == value)
            .ok_or_else(|| {
                Error::ValueError(format!(
                    "{} is not a valid HTTPMethod",
                    crate::params::repr_str(value)
                ))
            })
    }

    /// Python's `HTTPMethod.value`: the method as sent on the wire.
    ///
    /// ```
    /// assert_eq!(netstd_http::HTTPMethod::DELETE.value(), "DELETE");
    /// ```
    pub fn value(self) -> &'static str {
        self.0
    }

    /// The method as a string, as [`HTTPMethod::value`] (Python's `str(method)`).
    ///
    /// ```
    /// assert_eq!(netstd_http::HTTPMethod::PUT.as_str(), "PUT");
    /// ```
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Python's `HTTPMethod.name`: the member's name, which is its value.
    ///
    /// ```
    /// assert_eq!(netstd_http::HTTPMethod::OPTIONS.name(), "OPTIONS");
    /// ```
    pub fn name(self) -> &'static str {
        self.0
    }

    /// Python's `HTTPMethod.description`.
    ///
    /// ```
    /// assert_eq!(
    ///     netstd_http::HTTPMethod::PUT.description(),
    ///     "Replace the target with the request payload."
    /// );
    /// ```
    pub fn description(self) -> &'static str {
        TABLE
            .iter()
            .find(|(m, _)| *m == self)
            .map_or("", |&(_, d)| d)
    }

    /// Python's `iter(HTTPMethod)`: the members in Python's order (alphabetical).
    ///
    /// ```
    /// use netstd_http::HTTPMethod;
    /// assert_eq!(HTTPMethod::iter().count(), 10);
    /// assert_eq!(HTTPMethod::iter().next(), Some(HTTPMethod::CONNECT));
    /// ```
    pub fn iter() -> impl Iterator<Item = HTTPMethod> {
        TABLE.iter().map(|&(m, _)| m)
    }
}

/// Python's `str(method)`: the value.
///
/// ```
/// assert_eq!(format!("{}", netstd_http::HTTPMethod::HEAD), "HEAD");
/// ```
impl fmt::Display for HTTPMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Python's `HTTPMethod(value)` as `str::parse`, as [`HTTPMethod::new`].
///
/// ```
/// use netstd_http::HTTPMethod;
/// assert_eq!("TRACE".parse::<HTTPMethod>()?, HTTPMethod::TRACE);
/// # Ok::<(), netstd_http::Error>(())
/// ```
impl FromStr for HTTPMethod {
    type Err = Error;

    fn from_str(s: &str) -> Result<HTTPMethod, Error> {
        HTTPMethod::new(s)
    }
}

/// Python's `HTTPMethod(value)`, as [`HTTPMethod::new`].
///
/// ```
/// use netstd_http::HTTPMethod;
/// assert_eq!(HTTPMethod::try_from("POST")?, HTTPMethod::POST);
/// # Ok::<(), netstd_http::Error>(())
/// ```
impl TryFrom<&str> for HTTPMethod {
    type Error = Error;

    fn try_from(value: &str) -> Result<HTTPMethod, Error> {
        HTTPMethod::new(value)
    }
}

/// A `StrEnum` member is a `str`.
///
/// ```
/// let s: &str = netstd_http::HTTPMethod::GET.as_ref();
/// assert_eq!(s, "GET");
/// ```
impl AsRef<str> for HTTPMethod {
    fn as_ref(&self) -> &str {
        self.0
    }
}

/// Python's `method == 'GET'`: a `StrEnum` member equals its value (and only it:
/// `'get'` is not equal).
///
/// ```
/// assert!(netstd_http::HTTPMethod::GET == *"GET");
/// ```
impl PartialEq<str> for HTTPMethod {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

/// Python's `method == 'GET'`, against a `&str`.
///
/// ```
/// assert!(netstd_http::HTTPMethod::GET == "GET");
/// ```
impl PartialEq<&str> for HTTPMethod {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Python's `'GET' == method`.
///
/// ```
/// assert!("GET" == netstd_http::HTTPMethod::GET);
/// ```
impl PartialEq<HTTPMethod> for &str {
    fn eq(&self, other: &HTTPMethod) -> bool {
        *self == other.0
    }
}

/// Python's `'GET' == method`, for a `str`.
///
/// ```
/// assert!(*"GET" == netstd_http::HTTPMethod::GET);
/// ```
impl PartialEq<HTTPMethod> for str {
    fn eq(&self, other: &HTTPMethod) -> bool {
        self == other.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_in_python_order() {
        let names: Vec<&str> = HTTPMethod::iter().map(HTTPMethod::name).collect();
        assert_eq!(
            names,
            [
                "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY",
                "TRACE"
            ]
        );
        // a StrEnum orders as its strings do, and Python defines them alphabetically
        let all: Vec<HTTPMethod> = HTTPMethod::iter().collect();
        assert!(
            all.windows(2)
                .all(|w| w[0] < w[1] && w[0].value() < w[1].value())
        );
    }

    #[test]
    fn lookup_is_exact() {
        for m in HTTPMethod::iter() {
            assert_eq!(HTTPMethod::new(m.value()), Ok(m));
            assert_eq!(m.value().parse::<HTTPMethod>(), Ok(m));
            assert_eq!(m.name(), m.value());
            assert_eq!(m.as_str(), m.value());
            assert_eq!(m.to_string(), m.value());
            assert_eq!(m, m.value());
            assert!(!m.description().is_empty());
            let lower = m.value().to_ascii_lowercase();
            assert_eq!(
                HTTPMethod::new(&lower),
                Err(Error::ValueError(format!(
                    "'{lower}' is not a valid HTTPMethod"
                )))
            );
            assert!(m != lower.as_str());
        }
        for bad in ["", " GET", "GET ", "PROPFIND", "Get"] {
            assert!(HTTPMethod::new(bad).is_err());
        }
        // the value in the message is Python's repr
        assert_eq!(
            HTTPMethod::new("it's").unwrap_err().to_string(),
            "\"it's\" is not a valid HTTPMethod"
        );
        assert_eq!(
            HTTPMethod::new("a\nb").unwrap_err().to_string(),
            "'a\\nb' is not a valid HTTPMethod"
        );
    }

    #[test]
    fn descriptions() {
        assert_eq!(
            HTTPMethod::HEAD.description(),
            "Same as GET, but only retrieve the status line and header section."
        );
        assert_eq!(
            HTTPMethod::QUERY.description(),
            "Request that the target process the request payload in a safe and idempotent manner."
        );
        assert_eq!(
            HTTPMethod::CONNECT.description(),
            "Establish a connection to the server."
        );
        assert_eq!(
            HTTPMethod::TRACE.description(),
            "Perform a message loop-back test along the path to the target."
        );
    }
}
