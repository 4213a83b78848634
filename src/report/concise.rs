//! `--format concise`: one line per problem, for editors and grep.

use super::{FileReport, placed};
use std::io::{self, Write};

pub fn file(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for p in placed(report) {
        let d = p.diagnostic;
        let (line, column) = p.start;
        writeln!(out, "{}:{line}:{column}: {}[{}] {}", p.path, d.severity.as_str(), d.rule, d.message)?;
    }
    Ok(())
}
