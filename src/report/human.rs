//! `--format human`: rustc-style code frames through codespan-reporting, and a summary line.

use super::{FileReport, Settings, Totals, into_io};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::escape::{self, ShownText};
use crate::fix::is_applicable;
use codespan_reporting::diagnostic::{Diagnostic as Frame, Label, Severity as FrameSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};
use std::io;

/// The code frames of one post's problems.
pub fn file(report: &FileReport, level: Applicability, out: &mut dyn WriteColor) -> io::Result<()> {
    let config = term::Config::default();
    let shown = ShownText::new(&report.source.text);
    let file = SimpleFile::new(escape::one_line(&report.source.name), &*shown.text);
    for d in &report.diagnostics {
        let fixable = d.fix.as_ref().is_some_and(|f| is_applicable(f, level));
        let range = shown.offset(d.range.start)..shown.offset(d.range.end);
        term::emit_to_write_style(out, &config, &file, &frame(d, range, fixable)).map_err(into_io)?;
    }
    Ok(())
}

/// The closing lines: what was fixed, what remains, and what `--fix` could do.
pub fn summary(
    totals: &Totals,
    settings: &Settings,
    files: usize,
    fixed: usize,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    if settings.fixing && fixed > 0 {
        writeln!(out, "Fixed {}.", plural(fixed, "problem"))?;
    }
    let count = |s| totals.by_severity.get(&s).copied().unwrap_or(0);
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let total = errors + warnings + infos;
    let files = plural(files, "file");
    if total == 0 {
        return writeln!(out, "No problems in {files}.");
    }
    let mut kinds = format!("{}, {}", plural(errors, "error"), plural(warnings, "warning"));
    if infos > 0 {
        kinds.push_str(&format!(", {infos} info"));
    }
    let remaining = if settings.fixing && fixed > 0 { " remain" } else { "" };
    writeln!(out, "{}{remaining} ({kinds}) in {files}.", plural(total, "problem"))?;
    let command = if settings.level == Applicability::Unsafe { "--fix --unsafe-fixes" } else { "--fix" };
    match (totals.fixable, totals.unsafe_only) {
        (0, 0) => Ok(()),
        (0, more) => writeln!(out, "{} fixable with `--fix --unsafe-fixes`.", plural(more, "more problem")),
        (n, 0) => writeln!(out, "[*] {n} fixable with `{command}`."),
        (n, more) => {
            writeln!(out, "[*] {n} fixable with `{command}` ({more} more with `--fix --unsafe-fixes`).")
        }
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// A code frame for `d` at `range` of the shown text; `[*]` marks a problem the current fix
/// level would fix.
fn frame(d: &Diagnostic, range: std::ops::Range<usize>, fixable: bool) -> Frame<()> {
    let severity = match d.severity {
        Severity::Error => FrameSeverity::Error,
        Severity::Warning => FrameSeverity::Warning,
        Severity::Info => FrameSeverity::Note,
    };
    let title = d.fix.as_ref().map_or("", |f| f.title.as_str());
    let label = Label::primary((), range).with_message(escape::one_line(title));
    let message = escape::one_line(&d.message);
    Frame::new(severity)
        .with_code(&d.rule)
        .with_message(if fixable { format!("[*] {message}") } else { message.into_owned() })
        .with_labels(vec![label])
        .with_notes(d.help.iter().map(|h| format!("help: {}", escape::one_line(h))).collect())
}
