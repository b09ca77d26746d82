//! What Python code does most with `http.cookies`, through the facade:
//!
//!     cargo run --example cookies_tour -- 'session="a b\"c"; theme=dark; $Path=/'
//!
//! Reads a `Cookie` header (the argument, or a sample), prints each cookie's value,
//! then answers with `Set-Cookie` headers carrying attributes, and shows that a
//! value with CR/LF is refused instead of splitting the header.

use netstd::http::cookies::{Error, OutputOptions, SimpleCookie};

fn main() -> Result<(), Error> {
    let header = std::env::args()
        .nth(1)
        .unwrap_or_else(|| r#"session="a b\"c"; theme=dark; lang=en-US"#.to_owned());

    // A server reading the request's Cookie header
    let mut request = SimpleCookie::new();
    request.load(&header)?;
    println!("Cookie: {header}");
    for (key, morsel) in request.items() {
        println!(
            "  {key} = {:?} (on the wire: {})",
            morsel.value().unwrap_or_default(),
            morsel.coded_value().unwrap_or_default()
        );
    }

    // ... and answering with Set-Cookie headers
    let mut response = SimpleCookie::new();
    response.set_item("session", "new value; with a semicolon")?;
    let m = response.get_mut("session").expect("just set");
    m.set_item("path", "/")?;
    m.set_item("max-age", 3600)?;
    m.set_item("secure", true)?;
    m.set_item("httponly", true)?;
    m.set_item("samesite", "Lax")?;
    response.set_item("theme", "light")?;
    println!("\n{}", response.output()?);
    // a client sending them back: key=value pairs only, one Cookie header
    let pairs: Vec<String> = response
        .items()
        .map(|(_, m)| m.OutputString_with(&[]))
        .collect();
    println!("\nCookie: {}", pairs.join("; "));
    println!(
        "\nonly Path: {}",
        response.output_with(&OutputOptions::new().attrs(&["path"]).sep(" | "))?
    );

    // Header injection is refused (CPython gh-143919)
    let refused = response.set_item("evil", "x\r\nSet-Cookie: admin=1");
    println!("\nvalue with CR/LF: {}", refused.unwrap_err());
    Ok(())
}
