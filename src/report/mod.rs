//! Printing the problems of a run in the format the user chose, post by post as they are
//! checked, so that memory does not grow with the number of posts.

mod concise;
mod github;
mod human;
mod json;
mod junit;
mod sarif;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::fix::is_applicable;
use crate::rules::Rule;
use crate::source::Source;
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use std::collections::BTreeMap;
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

/// A checked post and what was found in it.
pub struct FileReport {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
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

/// The diagnostics of `report`, placed, in order.
pub fn placed(report: &FileReport) -> impl Iterator<Item = Placed<'_>> {
    let source = &report.source;
    let (mut starts, mut ends) = (source.columns(), source.columns());
    report.diagnostics.iter().map(move |d| Placed {
        path: &source.name,
        diagnostic: d,
        start: starts.line_column(d.range.start),
        end: ends.line_column(d.range.end),
        bom: source.bom_len(),
    })
}

/// How a run reports.
pub struct Settings<'a> {
    pub format: Format,
    /// Print the count per rule instead of the problems.
    pub statistics: bool,
    /// Every rule loaded (for SARIF's rule descriptors).
    pub rules: &'a [Rule],
    /// Which fixes count as available: safe ones, or unsafe ones too.
    pub level: Applicability,
    /// Whether this run applies fixes (`--fix`).
    pub fixing: bool,
    /// Print only the problems, without a summary.
    pub quiet: bool,
    /// Whether the output is coloured.
    pub color: bool,
}

/// Totals kept while posts are reported, for the summary and the statistics.
#[derive(Default)]
pub struct Totals {
    pub by_severity: BTreeMap<Severity, usize>,
    /// Problems that the run's fix level would fix, and those that only unsafe fixes would.
    pub fixable: usize,
    pub unsafe_only: usize,
    /// Problems per rule, and whether some of them are fixable.
    pub by_rule: BTreeMap<String, (usize, bool)>,
}

/// Writes posts' problems as they come, then the closing part of the format.
pub struct Reporter<'a> {
    settings: Settings<'a>,
    totals: Totals,
    /// Posts reported so far.
    posts: usize,
    /// Where the SARIF log stands.
    sarif: sarif::Stream,
    /// Whether the JSON array has its first object.
    json_open: bool,
}

impl<'a> Reporter<'a> {
    pub fn new(settings: Settings<'a>) -> Self {
        Self {
            settings,
            totals: Totals::default(),
            posts: 0,
            sarif: sarif::Stream::default(),
            json_open: false,
        }
    }

    /// Whether any problem reported so far is at least `severity`.
    pub fn has_at_least(&self, severity: Severity) -> bool {
        self.totals.by_severity.range(severity..).any(|(_, &n)| n > 0)
    }

    /// The post's output rendered ahead, for the formats where it depends on nothing but the
    /// post: called on the worker threads, so that the writing thread only copies bytes.
    pub fn prerender(&self, report: &FileReport) -> Option<Buffer> {
        let mut buffer = if self.settings.color { Buffer::ansi() } else { Buffer::no_color() };
        let written = match (self.settings.statistics, self.settings.format) {
            (true, _) => return None,
            (_, Format::Human) => human::file(report, self.settings.level, &mut buffer),
            (_, Format::Concise) => concise::file(report, &mut buffer),
            (_, Format::JsonLines) => json::file_lines(report, &mut buffer),
            (_, Format::Github) => github::file(report, &mut buffer),
            _ => return None,
        };
        written.ok().map(|()| buffer)
    }

    /// Reports one post, with its `prerender`ed output if any.
    pub fn file(
        &mut self,
        report: &FileReport,
        prerendered: Option<&Buffer>,
        out: &mut dyn WriteColor,
    ) -> io::Result<()> {
        let level = self.settings.level;
        for d in &report.diagnostics {
            *self.totals.by_severity.entry(d.severity).or_default() += 1;
            let fixable = d.fix.as_ref().is_some_and(|f| is_applicable(f, level));
            let fixable_unsafe = d.fix.as_ref().is_some_and(|f| is_applicable(f, Applicability::Unsafe));
            self.totals.fixable += usize::from(fixable);
            self.totals.unsafe_only += usize::from(fixable_unsafe && !fixable);
            let entry = self.totals.by_rule.entry(d.rule.clone()).or_default();
            entry.0 += 1;
            entry.1 |= fixable;
        }
        let first = self.posts == 0;
        self.posts += 1;
        if self.settings.statistics {
            return Ok(());
        }
        if let Some(buffer) = prerendered {
            return out.write_all(buffer.as_slice());
        }
        match self.settings.format {
            Format::Human => human::file(report, level, out),
            Format::Concise => concise::file(report, out),
            Format::Json => json::file(report, &mut self.json_open, out),
            Format::JsonLines => json::file_lines(report, out),
            Format::Github => github::file(report, out),
            Format::Sarif => sarif::file(report, self.settings.rules, &mut self.sarif, out),
            Format::Junit => junit::file(report, first, out),
        }
    }

    /// Writes what closes the output: `files` posts were checked and `fixed` fixes applied.
    pub fn finish(&mut self, files: usize, fixed: usize, out: &mut dyn WriteColor) -> io::Result<()> {
        if self.settings.statistics {
            return statistics(&self.totals, out);
        }
        match self.settings.format {
            Format::Human if !self.settings.quiet => {
                human::summary(&self.totals, &self.settings, files, fixed, out)
            }
            Format::Json => json::finish(self.json_open, out),
            Format::Sarif => sarif::finish(self.settings.rules, &mut self.sarif, out),
            Format::Junit => junit::finish(self.posts == 0, out),
            _ => Ok(()),
        }
    }
}

/// Writes how many problems each rule found, most first, marking with `[*]` the rules whose
/// problems the run's fix level can fix.
fn statistics(totals: &Totals, out: &mut dyn WriteColor) -> io::Result<()> {
    let mut rows: Vec<(&str, usize, bool)> =
        totals.by_rule.iter().map(|(rule, &(n, fixable))| (rule.as_str(), n, fixable)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let width = rows.iter().map(|r| r.1.to_string().len()).max().unwrap_or(1);
    for (rule, n, fixable) in rows {
        writeln!(out, "{n:>width$}  {rule}{}", if fixable { " [*]" } else { "" })?;
    }
    Ok(())
}

/// The I/O error inside a rendering error, so that a closed pipe stays recognisable.
pub fn into_io(error: codespan_reporting::files::Error) -> io::Error {
    match error {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other),
    }
}
