//! Helpers shared by netcore's integration tests.
#![allow(dead_code)]

use netstd_core::ssl::{PROTOCOL_TLS_CLIENT, PROTOCOL_TLS_SERVER, SSLContext, VerifyLocations};
use netstd_testsupport::{Issued, TestCa};

/// A server context presenting `leaf`.
pub(crate) fn server_ctx(leaf: &Issued) -> SSLContext {
    let mut ctx = SSLContext::new(PROTOCOL_TLS_SERVER);
    ctx.load_cert_chain_pem(leaf.cert_pem.as_bytes(), leaf.key_pem.as_bytes())
        .unwrap();
    ctx
}

/// A verifying client context that trusts `ca` only.
pub(crate) fn client_ctx(ca: &TestCa) -> SSLContext {
    let mut ctx = SSLContext::new(PROTOCOL_TLS_CLIENT);
    ctx.load_verify_locations_with(VerifyLocations::new().cadata(ca.cert_pem()))
        .unwrap();
    ctx
}
