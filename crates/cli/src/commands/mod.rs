//! One module per subcommand, named after the Python module it mirrors.

pub(crate) mod uuid;
