//! `--format github`: GitHub Actions workflow commands, which annotate the pull request.

use super::{FileReport, placed};
use crate::diagnostic::Severity;
use std::io::{self, Write};

pub fn file(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for p in placed(report) {
        let d = p.diagnostic;
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(p.path),
            p.start.0,
            p.start.1,
            p.end.0,
            p.end.1,
            property(&format!("postlint ({})", d.rule)),
            data(&d.message),
        )?;
    }
    Ok(())
}

/// Escapes a command's message (control characters shown visibly first: ESC and the like
/// have no place in a log).
fn data(text: &str) -> String {
    crate::escape::one_line(text).replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
