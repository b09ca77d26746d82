//! Conversions between [`HTTPMessage`] and the `http` crate's `HeaderMap`.

use crate::{Error, HTTPMessage};

impl TryFrom<&HTTPMessage> for http::HeaderMap {
    type Error = Error;

    /// The fields in order, repeated names kept. Fails with `ValueError` on a name
    /// or value the `http` crate refuses (folded values with CR LF, for one).
    ///
    /// ```
    /// let msg = netstd_http::parse_headers(b"Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n")?;
    /// let map = http::HeaderMap::try_from(&msg)?;
    /// assert_eq!(map.get_all("set-cookie").iter().count(), 2);
    /// # Ok::<(), netstd_http::Error>(())
    /// ```
    fn try_from(msg: &HTTPMessage) -> Result<Self, Error> {
        let mut map = http::HeaderMap::with_capacity(msg.len());
        for (name, value) in msg.items() {
            let name = http::HeaderName::from_bytes(name.as_bytes())
                .map_err(|e| Error::ValueError(format!("header name {name:?}: {e}")))?;
            let bytes: Vec<u8> = value.chars().map(|c| c as u32 as u8).collect();
            let value = http::HeaderValue::from_bytes(&bytes)
                .map_err(|e| Error::ValueError(format!("header value {value:?}: {e}")))?;
            map.append(name, value);
        }
        Ok(map)
    }
}

impl From<&http::HeaderMap> for HTTPMessage {
    /// The fields of a `HeaderMap` (names lower-case, as the `http` crate keeps
    /// them; values decoded as Latin-1, as `http.client` decodes them).
    ///
    /// ```
    /// let mut map = http::HeaderMap::new();
    /// map.insert(http::header::HOST, "example.org".parse().unwrap());
    /// let msg = netstd_http::HTTPMessage::from(&map);
    /// assert_eq!(msg.get("Host"), Some("example.org"));
    /// ```
    fn from(map: &http::HeaderMap) -> Self {
        let mut msg = HTTPMessage::new();
        for (name, value) in map {
            msg.set_item(name.as_str(), crate::message::latin1(value.as_bytes()));
        }
        msg
    }
}
