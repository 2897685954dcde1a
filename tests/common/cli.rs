//! Runs the `bersih` binary: for the tests of the `bersih-cli` crate, whose binary it is.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the `bersih` binary with `args`, feeding `stdin`.
pub fn bersih(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bersih"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run bersih");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("bersih output")
}
