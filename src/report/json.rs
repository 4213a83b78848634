//! `--format json`: an array of problems, for scripts. The schema is documented in the README.

use super::FileReport;
use crate::diagnostic::Applicability;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Problem<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    fix: Option<Fix<'a>>,
}

#[derive(Serialize)]
struct Fix<'a> {
    applicability: Applicability,
    edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
struct Edit<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
}

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let mut problems = Vec::new();
    for report in reports {
        let source = &report.source;
        // Byte offsets count from the start of the file, byte order mark included.
        let bom = source.bom_len();
        for d in &report.diagnostics {
            let (line, column) = source.line_column(d.range.start);
            let (end_line, end_column) = source.line_column(d.range.end);
            problems.push(Problem {
                path: &source.name,
                rule: &d.rule,
                severity: d.severity.as_str(),
                message: &d.message,
                line,
                column,
                end_line,
                end_column,
                byte_start: bom + d.range.start,
                byte_end: bom + d.range.end,
                fix: d.fix.as_ref().map(|f| Fix {
                    applicability: f.applicability,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| Edit {
                            byte_start: bom + e.range.start,
                            byte_end: bom + e.range.end,
                            replacement: &e.replacement,
                        })
                        .collect(),
                }),
            });
        }
    }
    serde_json::to_writer_pretty(&mut *out, &problems)?;
    writeln!(out)
}
