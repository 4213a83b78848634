//! Printing the diagnostics of a run in the format the user chose.

mod concise;
mod human;
mod json;

use crate::diagnostic::{Applicability, Diagnostic};
use crate::source::Source;
use codespan_reporting::term::termcolor::WriteColor;
use std::io;

/// The output formats of `postlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// rustc-style code frames with the offending text underlined, and a summary.
    #[default]
    Human,
    /// One line per problem: `path:line:col: severity[rule] message`.
    Concise,
    /// A JSON array of problems (schema in the README).
    Json,
}

/// A checked post and what was found in it.
pub struct FileReport {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
}

/// Totals of a run, for the human summary.
pub struct Summary {
    /// How many posts were checked.
    pub files: usize,
    /// How many fixes were applied.
    pub fixed: usize,
    /// Which fixes count as available: safe ones, or unsafe ones too.
    pub level: Applicability,
    /// Whether this run applied fixes (`--fix`).
    pub fixing: bool,
    /// Whether to print only the problems, without a summary.
    pub quiet: bool,
}

/// Writes how many problems each rule found, most first, marking rules whose problems the
/// current fix level can fix with `[*]`.
pub fn statistics(reports: &[FileReport], level: Applicability, out: &mut dyn WriteColor) -> io::Result<()> {
    let mut counts: std::collections::BTreeMap<&str, (usize, bool)> = Default::default();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let entry = counts.entry(&d.rule).or_default();
        entry.0 += 1;
        entry.1 |= d.fix.as_ref().is_some_and(|f| crate::fix::is_applicable(f, level));
    }
    let mut rows: Vec<(&str, usize, bool)> =
        counts.into_iter().map(|(rule, (n, fixable))| (rule, n, fixable)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let width = rows.iter().map(|r| r.1.to_string().len()).max().unwrap_or(1);
    for (rule, n, fixable) in rows {
        writeln!(out, "{n:>width$}  {rule}{}", if fixable { " [*]" } else { "" })?;
    }
    Ok(())
}

/// Writes `reports` to `out` in `format`.
pub fn write(
    format: Format,
    reports: &[FileReport],
    summary: &Summary,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(reports, summary, out),
        Format::Concise => concise::write(reports, out),
        Format::Json => json::write(reports, out),
    }
}

/// The I/O error inside a rendering error, so that a closed pipe stays recognisable.
pub fn into_io(error: codespan_reporting::files::Error) -> io::Error {
    match error {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other),
    }
}
