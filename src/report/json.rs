//! `--format json` and `json-lines`: problems as JSON objects, for scripts. The schema is
//! documented in the README.

use super::{FileReport, placed};
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

/// One post's problems as JSON objects.
fn problems(report: &FileReport) -> impl Iterator<Item = Problem<'_>> {
    placed(report).map(|p| {
        let d = p.diagnostic;
        Problem {
            path: p.path,
            rule: &d.rule,
            severity: d.severity.as_str(),
            message: &d.message,
            line: p.start.0,
            column: p.start.1,
            end_line: p.end.0,
            end_column: p.end.1,
            byte_start: p.bom + d.range.start,
            byte_end: p.bom + d.range.end,
            fix: d.fix.as_ref().map(|f| Fix {
                applicability: f.applicability,
                edits: f
                    .edits
                    .iter()
                    .map(|e| Edit {
                        byte_start: p.bom + e.range.start,
                        byte_end: p.bom + e.range.end,
                        replacement: &e.replacement,
                    })
                    .collect(),
            }),
        }
    })
}

/// `--format json`: one array, written object by object; `open` says whether the array's
/// first object has been written.
pub fn file(report: &FileReport, open: &mut bool, out: &mut dyn Write) -> io::Result<()> {
    for problem in problems(report) {
        let text = crate::escape::json(serde_json::to_string_pretty(&problem)?);
        let separator = if *open { ",\n" } else { "[\n" };
        write!(out, "{separator}  {}", text.replace('\n', "\n  "))?;
        *open = true;
    }
    Ok(())
}

/// Closes the array (an empty one if nothing was written).
pub fn finish(open: bool, out: &mut dyn Write) -> io::Result<()> {
    if open { writeln!(out, "\n]") } else { writeln!(out, "[]") }
}

/// `--format json-lines`: one object per line.
pub fn file_lines(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for problem in problems(report) {
        writeln!(out, "{}", crate::escape::json(serde_json::to_string(&problem)?))?;
    }
    Ok(())
}
