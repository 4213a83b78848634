//! `--format concise`: one line per problem, for editors and grep.

use super::FileReport;
use std::io::{self, Write};

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports {
        for d in &report.diagnostics {
            let (line, column) = report.source.line_column(d.range.start);
            writeln!(
                out,
                "{}:{line}:{column}: {}[{}] {}",
                report.source.name,
                d.severity.as_str(),
                d.rule,
                d.message
            )?;
        }
    }
    Ok(())
}
