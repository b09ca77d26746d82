//! `netstd uuid`: `python -m uuid` (CPython 3.12's command line with 3.14's
//! generators and `--count`).

use std::io::Write;

use clap::{CommandFactory, ValueEnum};
use netstd_uuid::{
    NAMESPACE_DNS, NAMESPACE_OID, NAMESPACE_URL, NAMESPACE_X500, UUID, uuid1, uuid3, uuid4, uuid5,
    uuid6, uuid7, uuid8,
};

/// Which generator to use (`-u`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Function {
    Uuid1,
    Uuid3,
    Uuid4,
    Uuid5,
    Uuid6,
    Uuid7,
    Uuid8,
}

/// Generates a uuid using the selected uuid function.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The function to use to generate the uuid. By default uuid4 function is used.
    #[arg(short = 'u', long = "uuid", value_enum, default_value = "uuid4")]
    function: Function,
    /// The namespace is a UUID, or '@ns' where 'ns' is a well-known predefined UUID
    /// addressed by namespace name, such as @dns, @url, @oid, and @x500. Only
    /// required for uuid3/uuid5 functions.
    #[arg(short = 'n', long)]
    namespace: Option<String>,
    /// The name used as part of generating the uuid. Only required for uuid3/uuid5
    /// functions.
    #[arg(short = 'N', long)]
    name: Option<String>,
    /// Generate NUM fresh UUIDs.
    #[arg(short = 'C', long, value_name = "NUM", default_value_t = 1)]
    count: u64,
}

/// Prints the UUIDs; usage errors come back as clap errors (exit status 2).
pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<(), clap::Error> {
    let usage = |msg: String| {
        let mut cmd = crate::Cli::command();
        let sub = cmd
            .find_subcommand_mut("uuid")
            .expect("uuid subcommand")
            .clone();
        sub.bin_name("netstd uuid")
            .error(clap::error::ErrorKind::ArgumentConflict, msg)
    };
    let namespaced = matches!(args.function, Function::Uuid3 | Function::Uuid5);
    let namespace = if namespaced {
        let (Some(ns), Some(name)) = (args.namespace.as_deref(), args.name.as_deref()) else {
            return Err(usage(format!(
                "Incorrect number of arguments. {} requires a namespace and a name. \
                 Run 'netstd uuid -h' for more information.",
                args.function.to_possible_value().expect("named").get_name()
            )));
        };
        let ns = match ns {
            "@dns" => NAMESPACE_DNS,
            "@url" => NAMESPACE_URL,
            "@oid" => NAMESPACE_OID,
            "@x500" => NAMESPACE_X500,
            other => {
                UUID::new(other).map_err(|e| usage(format!("bad namespace {other:?}: {e}")))?
            }
        };
        Some((ns, name))
    } else {
        None
    };
    for _ in 0..args.count {
        let u = match (args.function, namespace) {
            (Function::Uuid3, Some((ns, name))) => uuid3(&ns, name),
            (Function::Uuid5, Some((ns, name))) => uuid5(&ns, name),
            (Function::Uuid1, _) => uuid1(None, None).map_err(|e| usage(e.to_string()))?,
            (Function::Uuid6, _) => uuid6(None, None),
            (Function::Uuid7, _) => uuid7(),
            (Function::Uuid8, _) => uuid8(None, None, None),
            _ => uuid4(),
        };
        writeln!(out, "{u}").map_err(|e| usage(format!("cannot write: {e}")))?;
    }
    Ok(())
}
