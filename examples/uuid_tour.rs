//! Python's `uuid` module through the facade:
//!
//!     cargo run --example uuid_tour

use netstd::uuid::{NAMESPACE_DNS, UUID, uuid1, uuid3, uuid4, uuid5, uuid6, uuid7, uuid8};

fn main() {
    let u = UUID::new("{12345678-1234-5678-1234-567812345678}").expect("a valid UUID");
    println!(
        "{u:?} hex={} urn={} fields={:?}",
        u.hex(),
        u.urn(),
        u.fields()
    );
    println!(
        "uuid1 {}",
        uuid1(None, None).expect("getnode() fits 48 bits")
    );
    println!("uuid3 {}", uuid3(&NAMESPACE_DNS, "python.org"));
    println!("uuid4 {}", uuid4());
    println!("uuid5 {}", uuid5(&NAMESPACE_DNS, "python.org"));
    println!("uuid6 {}", uuid6(None, None));
    let v7 = uuid7();
    println!("uuid7 {v7} (unix ms {})", v7.time());
    println!("uuid8 {}", uuid8(Some(1), Some(2), Some(3)));
}
