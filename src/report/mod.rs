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
