//! Python's `http.HTTPStatus` (an `IntEnum`), with the
//! table of current CPython (`Lib/http/__init__.py` on main): RFC 9110 names
//! (`CONTENT_TOO_LARGE`, `UNPROCESSABLE_CONTENT` ...) with the older names kept as
//! aliases, as CPython keeps them.

use std::fmt;

use crate::Error;

/// One member of the enum: its value, canonical name, phrase and description.
struct Entry {
    value: u16,
    name: &'static str,
    phrase: &'static str,
    description: &'static str,
}

/// Python's `http.HTTPStatus`: an HTTP status code known to CPython, with its name,
/// reason phrase and description.
///
/// Members are associated constants named as in Python (aliases included:
/// `REQUEST_ENTITY_TOO_LARGE` is `CONTENT_TOO_LARGE`). As an `IntEnum` member it
/// compares with plain numbers and its `str()` (here [`Display`](fmt::Display)) is the
/// number, as in Python 3.11 and later.
///
/// ```
/// use netstd_http::HTTPStatus;
/// let s = HTTPStatus::new(404)?;
/// assert_eq!(s, HTTPStatus::NOT_FOUND);
/// assert_eq!(s, 404);
/// assert_eq!((s.name(), s.phrase()), ("NOT_FOUND", "Not Found"));
/// assert_eq!(s.to_string(), "404");
/// assert!(s.is_client_error());
/// assert_eq!(HTTPStatus::REQUEST_ENTITY_TOO_LARGE.name(), "CONTENT_TOO_LARGE");
/// assert!(HTTPStatus::new(299).is_err());
/// # Ok::<(), netstd_http::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HTTPStatus(u16);

/// Writes the table once: the associated constants (aliases included), the sorted
/// table of members and the alias list.
macro_rules! statuses {
    ($( $value:literal $name:ident $phrase:literal $description:literal $(alias $alias:ident)? ; )*) => {
        impl HTTPStatus {
            $(
                #[doc = concat!(
                    "`HTTPStatus.", stringify!($name), "`: ", stringify!($value), " ", $phrase,
                    " (\"", $description, "\").\n\n",
                    "```\n",
                    "use netstd_http::HTTPStatus;\n",
                    "assert_eq!(HTTPStatus::", stringify!($name), ".value(), ", stringify!($value), ");\n",
                    "assert_eq!(HTTPStatus::", stringify!($name), ".phrase(), ", stringify!($phrase), ");\n",
                    "```"
                )]
                pub const $name: HTTPStatus = HTTPStatus($value);
                $(
                    #[doc = concat!(
                        "`HTTPStatus.", stringify!($alias), "`: the older name of [`HTTPStatus::",
                        stringify!($name), "`] (", stringify!($value), "), an alias as in Python.\n\n",
                        "```\n",
                        "use netstd_http::HTTPStatus;\n",
                        "assert_eq!(HTTPStatus::", stringify!($alias), ", HTTPStatus::", stringify!($name), ");\n",
                        "assert_eq!(HTTPStatus::", stringify!($alias), ".name(), \"", stringify!($name), "\");\n",
                        "```"
                    )]
                    pub const $alias: HTTPStatus = HTTPStatus($value);
                )?
            )*
        }

        /// The members in value order, as Python iterates them (aliases not repeated).
        static TABLE: &[Entry] = &[
            $( Entry { value: $value, name: stringify!($name), phrase: $phrase, description: $description }, )*
        ];

        /// The aliases and the value each stands for.
        static ALIASES: &[(&str, u16)] = &[ $( $( (stringify!($alias), $value), )? )* ];
    };
}

statuses! {
    100 CONTINUE "Continue" "Request received, please continue";
    101 SWITCHING_PROTOCOLS "Switching Protocols" "Switching to new protocol; obey Upgrade header";
    102 PROCESSING "Processing" "Server is processing the request";
    103 EARLY_HINTS "Early Hints" "Headers sent to prepare for the response";
    200 OK "OK" "Request fulfilled, document follows";
    201 CREATED "Created" "Document created, URL follows";
    202 ACCEPTED "Accepted" "Request accepted, processing continues off-line";
    203 NON_AUTHORITATIVE_INFORMATION "Non-Authoritative Information" "Request fulfilled from cache";
    204 NO_CONTENT "No Content" "Request fulfilled, nothing follows";
    205 RESET_CONTENT "Reset Content" "Clear input form for further input";
    206 PARTIAL_CONTENT "Partial Content" "Partial content follows";
    207 MULTI_STATUS "Multi-Status" "Response contains multiple statuses in the body";
    208 ALREADY_REPORTED "Already Reported" "Operation has already been reported";
    226 IM_USED "IM Used" "Request completed using instance manipulations";
    300 MULTIPLE_CHOICES "Multiple Choices" "Object has several resources -- see URI list";
    301 MOVED_PERMANENTLY "Moved Permanently" "Object moved permanently -- see URI list";
    302 FOUND "Found" "Object moved temporarily -- see URI list";
    303 SEE_OTHER "See Other" "Object moved -- see Method and URL list";
    304 NOT_MODIFIED "Not Modified" "Document has not changed since given time";
    305 USE_PROXY "Use Proxy" "You must use proxy specified in Location to access this resource";
    307 TEMPORARY_REDIRECT "Temporary Redirect" "Object moved temporarily -- see URI list";
    308 PERMANENT_REDIRECT "Permanent Redirect" "Object moved permanently -- see URI list";
    400 BAD_REQUEST "Bad Request" "Bad request syntax or unsupported method";
    401 UNAUTHORIZED "Unauthorized" "No permission -- see authorization schemes";
    402 PAYMENT_REQUIRED "Payment Required" "No payment -- see charging schemes";
    403 FORBIDDEN "Forbidden" "Request forbidden -- authorization will not help";
    404 NOT_FOUND "Not Found" "Nothing matches the given URI";
    405 METHOD_NOT_ALLOWED "Method Not Allowed" "Specified method is invalid for this resource";
    406 NOT_ACCEPTABLE "Not Acceptable" "URI not available in preferred format";
    407 PROXY_AUTHENTICATION_REQUIRED "Proxy Authentication Required" "You must authenticate with this proxy before proceeding";
    408 REQUEST_TIMEOUT "Request Timeout" "Request timed out; try again later";
    409 CONFLICT "Conflict" "Request conflict";
    410 GONE "Gone" "URI no longer exists and has been permanently removed";
    411 LENGTH_REQUIRED "Length Required" "Client must specify Content-Length";
    412 PRECONDITION_FAILED "Precondition Failed" "Precondition in headers is false";
    413 CONTENT_TOO_LARGE "Content Too Large" "Content is too large" alias REQUEST_ENTITY_TOO_LARGE;
    414 URI_TOO_LONG "URI Too Long" "URI is too long" alias REQUEST_URI_TOO_LONG;
    415 UNSUPPORTED_MEDIA_TYPE "Unsupported Media Type" "Entity body in unsupported format";
    416 RANGE_NOT_SATISFIABLE "Range Not Satisfiable" "Cannot satisfy request range" alias REQUESTED_RANGE_NOT_SATISFIABLE;
    417 EXPECTATION_FAILED "Expectation Failed" "Expect condition could not be satisfied";
    418 IM_A_TEAPOT "I'm a Teapot" "Server refuses to brew coffee because it is a teapot";
    421 MISDIRECTED_REQUEST "Misdirected Request" "Server is not able to produce a response";
    422 UNPROCESSABLE_CONTENT "Unprocessable Content" "Server is not able to process the contained instructions" alias UNPROCESSABLE_ENTITY;
    423 LOCKED "Locked" "Resource of a method is locked";
    424 FAILED_DEPENDENCY "Failed Dependency" "Dependent action of the request failed";
    425 TOO_EARLY "Too Early" "Server refuses to process a request that might be replayed";
    426 UPGRADE_REQUIRED "Upgrade Required" "Server refuses to perform the request using the current protocol";
    428 PRECONDITION_REQUIRED "Precondition Required" "The origin server requires the request to be conditional";
    429 TOO_MANY_REQUESTS "Too Many Requests" "The user has sent too many requests in a given amount of time (\"rate limiting\")";
    431 REQUEST_HEADER_FIELDS_TOO_LARGE "Request Header Fields Too Large" "The server is unwilling to process the request because its header fields are too large";
    451 UNAVAILABLE_FOR_LEGAL_REASONS "Unavailable For Legal Reasons" "The server is denying access to the resource as a consequence of a legal demand";
    500 INTERNAL_SERVER_ERROR "Internal Server Error" "Server got itself in trouble";
    501 NOT_IMPLEMENTED "Not Implemented" "Server does not support this operation";
    502 BAD_GATEWAY "Bad Gateway" "Invalid responses from another server/proxy";
    503 SERVICE_UNAVAILABLE "Service Unavailable" "The server cannot process the request due to a high load";
    504 GATEWAY_TIMEOUT "Gateway Timeout" "The gateway server did not receive a timely response";
    505 HTTP_VERSION_NOT_SUPPORTED "HTTP Version Not Supported" "Cannot fulfill request";
    506 VARIANT_ALSO_NEGOTIATES "Variant Also Negotiates" "Server has an internal configuration error";
    507 INSUFFICIENT_STORAGE "Insufficient Storage" "Server is not able to store the representation";
    508 LOOP_DETECTED "Loop Detected" "Server encountered an infinite loop while processing a request";
    510 NOT_EXTENDED "Not Extended" "Request does not meet the resource access policy";
    511 NETWORK_AUTHENTICATION_REQUIRED "Network Authentication Required" "The client needs to authenticate to gain network access";
}

/// Checked at compile time: the table is strictly increasing, so that a binary
/// search finds every member.
const _: () = {
    let mut i = 1;
    while i < TABLE.len() {
        assert!(TABLE[i - 1].value < TABLE[i].value);
        i += 1;
    }
};

/// The member with this value, if there is one.
fn entry_index(code: u16) -> Option<usize> {
    TABLE.binary_search_by_key(&code, |e| e.value).ok()
}

impl HTTPStatus {
    /// Python's `HTTPStatus(code)`: the member with this value. A code CPython's
    /// table lacks is a `ValueError` ("299 is not a valid HTTPStatus").
    ///
    /// ```
    /// use netstd_http::HTTPStatus;
    /// assert_eq!(HTTPStatus::new(418)?, HTTPStatus::IM_A_TEAPOT);
    /// let e = HTTPStatus::new(600).unwrap_err();
    /// assert_eq!(e.to_string(), "600 is not a valid HTTPStatus");
    /// # Ok::<(), netstd_http::Error>(())
    /// ```
    pub fn new(code: u16) -> Result<HTTPStatus, Error> {
        match entry_index(code) {
            Some(_) => Ok(HTTPStatus(code)),
            None => Err(Error::ValueError(format!(
                "{code} is not a valid HTTPStatus"
            ))),
        }
    }

    /// The table entry; every `HTTPStatus` is a member, so there is one.
    fn entry(self) -> &'static Entry {
        match entry_index(self.0) {
            Some(i) => &TABLE[i],
            None => unreachable!("HTTPStatus holds only codes of the table"),
        }
    }

    /// Python's `HTTPStatus.value` (also `int(status)`): the code.
    ///
    /// ```
    /// assert_eq!(netstd_http::HTTPStatus::OK.value(), 200);
    /// ```
    pub fn value(self) -> u16 {
        self.0
    }

    /// Python's `HTTPStatus.phrase`: the reason phrase, as `http.server` sends it.
    ///
    /// ```
    /// assert_eq!(netstd_http::HTTPStatus::IM_A_TEAPOT.phrase(), "I'm a Teapot");
    /// ```
    pub fn phrase(self) -> &'static str {
        self.entry().phrase
    }

    /// Python's `HTTPStatus.description`: the long description, as `http.server`
    /// puts it in its error pages.
    ///
    /// ```
    /// assert_eq!(
    ///     netstd_http::HTTPStatus::NOT_FOUND.description(),
    ///     "Nothing matches the given URI"
    /// );
    /// ```
    pub fn description(self) -> &'static str {
        self.entry().description
    }

    /// Python's `HTTPStatus.name`: the member's canonical name (for an alias, the
    /// name it is an alias of, as in Python).
    ///
    /// ```
    /// use netstd_http::HTTPStatus;
    /// assert_eq!(HTTPStatus::UNPROCESSABLE_ENTITY.name(), "UNPROCESSABLE_CONTENT");
    /// ```
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    /// Python's `HTTPStatus.is_informational` (3.12): 100 to 199.
    ///
    /// ```
    /// assert!(netstd_http::HTTPStatus::EARLY_HINTS.is_informational());
    /// ```
    pub fn is_informational(self) -> bool {
        (100..=199).contains(&self.0)
    }

    /// Python's `HTTPStatus.is_success` (3.12): 200 to 299.
    ///
    /// ```
    /// assert!(netstd_http::HTTPStatus::NO_CONTENT.is_success());
    /// ```
    pub fn is_success(self) -> bool {
        (200..=299).contains(&self.0)
    }

    /// Python's `HTTPStatus.is_redirection` (3.12): 300 to 399.
    ///
    /// ```
    /// assert!(netstd_http::HTTPStatus::FOUND.is_redirection());
    /// ```
    pub fn is_redirection(self) -> bool {
        (300..=399).contains(&self.0)
    }

    /// Python's `HTTPStatus.is_client_error` (3.12): 400 to 499.
    ///
    /// ```
    /// assert!(netstd_http::HTTPStatus::GONE.is_client_error());
    /// ```
    pub fn is_client_error(self) -> bool {
        (400..=499).contains(&self.0)
    }

    /// Python's `HTTPStatus.is_server_error` (3.12): 500 to 599.
    ///
    /// ```
    /// assert!(netstd_http::HTTPStatus::BAD_GATEWAY.is_server_error());
    /// ```
    pub fn is_server_error(self) -> bool {
        (500..=599).contains(&self.0)
    }

    /// Python's `iter(HTTPStatus)` (also `list(HTTPStatus)`): the 62 members in value
    /// order, aliases not repeated.
    ///
    /// ```
    /// use netstd_http::HTTPStatus;
    /// assert_eq!(HTTPStatus::iter().count(), 62);
    /// assert_eq!(HTTPStatus::iter().next(), Some(HTTPStatus::CONTINUE));
    /// ```
    pub fn iter() -> impl Iterator<Item = HTTPStatus> {
        TABLE.iter().map(|e| HTTPStatus(e.value))
    }

    /// Python's `HTTPStatus[name]`: the member (or alias) of that exact name, `None`
    /// where Python raises `KeyError`.
    ///
    /// ```
    /// use netstd_http::HTTPStatus;
    /// assert_eq!(HTTPStatus::from_name("NOT_FOUND"), Some(HTTPStatus::NOT_FOUND));
    /// assert_eq!(HTTPStatus::from_name("REQUEST_URI_TOO_LONG"), Some(HTTPStatus::URI_TOO_LONG));
    /// assert_eq!(HTTPStatus::from_name("not_found"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<HTTPStatus> {
        TABLE
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.value)
            .or_else(|| ALIASES.iter().find(|(a, _)| *a == name).map(|&(_, v)| v))
            .map(HTTPStatus)
    }
}

/// Python's `str(status)` (and `format`), which for an `IntEnum` is the number since
/// Python 3.11.
///
/// ```
/// assert_eq!(format!("{}", netstd_http::HTTPStatus::CREATED), "201");
/// ```
impl fmt::Display for HTTPStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Python's `HTTPStatus(code)`, as [`HTTPStatus::new`].
///
/// ```
/// use netstd_http::HTTPStatus;
/// assert_eq!(HTTPStatus::try_from(204u16)?, HTTPStatus::NO_CONTENT);
/// # Ok::<(), netstd_http::Error>(())
/// ```
impl TryFrom<u16> for HTTPStatus {
    type Error = Error;

    fn try_from(code: u16) -> Result<HTTPStatus, Error> {
        HTTPStatus::new(code)
    }
}

/// Python's `int(status)`.
///
/// ```
/// assert_eq!(u16::from(netstd_http::HTTPStatus::SEE_OTHER), 303);
/// ```
impl From<HTTPStatus> for u16 {
    fn from(status: HTTPStatus) -> u16 {
        status.0
    }
}

/// Python's `status == 404`: an `IntEnum` member equals its value.
///
/// ```
/// assert!(netstd_http::HTTPStatus::OK == 200);
/// ```
impl PartialEq<u16> for HTTPStatus {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

/// Python's `404 == status`.
///
/// ```
/// assert!(200 == netstd_http::HTTPStatus::OK);
/// ```
impl PartialEq<HTTPStatus> for u16 {
    fn eq(&self, other: &HTTPStatus) -> bool {
        *self == other.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixty_two_members_in_value_order() {
        let all: Vec<HTTPStatus> = HTTPStatus::iter().collect();
        assert_eq!(all.len(), 62);
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(all.first(), Some(&HTTPStatus::CONTINUE));
        assert_eq!(
            all.last(),
            Some(&HTTPStatus::NETWORK_AUTHENTICATION_REQUIRED)
        );
        assert_eq!(ALIASES.len(), 4);
    }

    #[test]
    fn aliases_are_their_canonical_members() {
        assert_eq!(
            HTTPStatus::REQUEST_ENTITY_TOO_LARGE,
            HTTPStatus::CONTENT_TOO_LARGE
        );
        assert_eq!(HTTPStatus::REQUEST_URI_TOO_LONG, HTTPStatus::URI_TOO_LONG);
        assert_eq!(
            HTTPStatus::REQUESTED_RANGE_NOT_SATISFIABLE,
            HTTPStatus::RANGE_NOT_SATISFIABLE
        );
        assert_eq!(
            HTTPStatus::UNPROCESSABLE_ENTITY,
            HTTPStatus::UNPROCESSABLE_CONTENT
        );
        for (alias, value) in ALIASES {
            let s = HTTPStatus::from_name(alias).unwrap();
            assert_eq!(s, *value);
            assert_ne!(s.name(), *alias);
            assert_eq!(HTTPStatus::from_name(s.name()), Some(s));
        }
        assert_eq!(
            HTTPStatus::REQUEST_ENTITY_TOO_LARGE.name(),
            "CONTENT_TOO_LARGE"
        );
        assert_eq!(HTTPStatus::REQUEST_URI_TOO_LONG.phrase(), "URI Too Long");
    }

    #[test]
    fn unknown_codes_are_value_errors() {
        for code in [
            0, 99, 104, 209, 299, 306, 419, 420, 427, 509, 512, 599, 600, 1000,
        ] {
            let e = HTTPStatus::new(code).unwrap_err();
            assert_eq!(
                e,
                Error::ValueError(format!("{code} is not a valid HTTPStatus"))
            );
            assert_eq!(e.python_name(), "ValueError");
            assert!(HTTPStatus::try_from(code).is_err());
        }
    }

    #[test]
    fn names_round_trip() {
        for s in HTTPStatus::iter() {
            assert_eq!(HTTPStatus::from_name(s.name()), Some(s));
            assert_eq!(HTTPStatus::new(s.value()), Ok(s));
            assert_eq!(u16::from(s), s.value());
            assert_eq!(s.to_string(), s.value().to_string());
            assert!(!s.phrase().is_empty() && !s.description().is_empty());
        }
        assert_eq!(HTTPStatus::from_name(""), None);
        assert_eq!(HTTPStatus::from_name("Not_Found"), None);
    }

    #[test]
    fn spot_checks() {
        let s = HTTPStatus::TOO_MANY_REQUESTS;
        assert_eq!(
            (s.value(), s.name(), s.phrase()),
            (429, "TOO_MANY_REQUESTS", "Too Many Requests")
        );
        assert_eq!(
            s.description(),
            "The user has sent too many requests in a given amount of time (\"rate limiting\")"
        );
        assert_eq!(
            HTTPStatus::HTTP_VERSION_NOT_SUPPORTED.phrase(),
            "HTTP Version Not Supported"
        );
        assert_eq!(HTTPStatus::new(226).unwrap().name(), "IM_USED");
        let classes = |s: HTTPStatus| {
            [
                s.is_informational(),
                s.is_success(),
                s.is_redirection(),
                s.is_client_error(),
                s.is_server_error(),
            ]
        };
        for s in HTTPStatus::iter() {
            let c = classes(s);
            assert_eq!(c.iter().filter(|b| **b).count(), 1);
            assert!(c[usize::from(s.value() / 100 - 1)]);
        }
    }
}
