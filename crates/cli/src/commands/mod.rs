//! One module per subcommand, named after the Python module it mirrors.

pub(crate) mod http_server;
pub(crate) mod urlopen;
pub(crate) mod uuid;
