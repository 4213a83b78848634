//! `--format concise`: one line per problem, for editors and grep.

use super::{FileReport, placed};
use crate::escape::one_line;
use std::io::{self, Write};

/// One post's problems, a line each; control characters in the path or a message are shown
/// visibly, so that a line is always one problem.
pub fn file(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for p in placed(report) {
        let d = p.diagnostic;
        let (line, column) = p.start;
        let (path, message) = (one_line(p.path), one_line(&d.message));
        writeln!(out, "{path}:{line}:{column}: {}[{}] {message}", d.severity.as_str(), d.rule)?;
    }
    Ok(())
}
