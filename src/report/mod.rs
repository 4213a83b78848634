//! Printing the diagnostics of a run in the format the user chose.

mod concise;
mod github;
mod human;
mod json;
mod junit;
mod sarif;

use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::Rule;
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
    /// One JSON object per line.
    JsonLines,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// JUnit XML: one test suite per post.
    Junit,
}

/// A diagnostic with its positions worked out, as the machine formats need them.
pub struct Placed<'a> {
    pub path: &'a str,
    pub diagnostic: &'a Diagnostic,
    /// 1-based start line and column (in characters).
    pub start: (usize, usize),
    /// 1-based end line and column, exclusive.
    pub end: (usize, usize),
    /// Bytes before the text in the file (a byte order mark), to add to byte offsets.
    pub bom: usize,
}

/// Every diagnostic of `reports`, placed, in order.
pub fn placed(reports: &[FileReport]) -> impl Iterator<Item = Placed<'_>> {
    reports.iter().flat_map(|report| {
        let source = &report.source;
        report.diagnostics.iter().map(move |d| Placed {
            path: &source.name,
            diagnostic: d,
            start: source.line_column(d.range.start),
            end: source.line_column(d.range.end),
            bom: source.bom_len(),
        })
    })
}

/// A checked post and what was found in it.
pub struct FileReport {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
}

/// What a run did, beyond its diagnostics.
pub struct Summary<'a> {
    /// Every rule loaded (for SARIF's rule descriptors).
    pub rules: &'a [Rule],
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
        Format::JsonLines => json::write_lines(reports, out),
        Format::Github => github::write(reports, out),
        Format::Sarif => sarif::write(reports, summary.rules, out),
        Format::Junit => junit::write(reports, out),
    }
}

/// The I/O error inside a rendering error, so that a closed pipe stays recognisable.
pub fn into_io(error: codespan_reporting::files::Error) -> io::Error {
    match error {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other),
    }
}
