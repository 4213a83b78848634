//! `--format human`: rustc-style code frames through codespan-reporting, and a summary line.

use super::{FileReport, into_io};
use crate::diagnostic::{Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as Frame, Label, Severity as FrameSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};
use std::io;

pub fn write(reports: &[FileReport], files: usize, out: &mut dyn WriteColor) -> io::Result<()> {
    let config = term::Config::default();
    for report in reports {
        let file = SimpleFile::new(&report.source.name, &report.source.text);
        for d in &report.diagnostics {
            term::emit_to_write_style(out, &config, &file, &frame(d)).map_err(into_io)?;
        }
    }
    let count = |s| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let total = errors + warnings + infos;
    let files = plural(files, "file");
    if total == 0 {
        return writeln!(out, "No problems in {files}.");
    }
    let mut kinds = format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if infos > 0 {
        kinds.push_str(&format!(", {infos} info"));
    }
    writeln!(out, "{} ({kinds}) in {files}.", plural(total, "problem"))
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn frame(d: &Diagnostic) -> Frame<()> {
    let severity = match d.severity {
        Severity::Error => FrameSeverity::Error,
        Severity::Warning => FrameSeverity::Warning,
        Severity::Info => FrameSeverity::Note,
    };
    let label = Label::primary((), d.range.clone())
        .with_message(d.fix.as_ref().map_or("", |f| f.title.as_str()));
    Frame::new(severity)
        .with_code(&d.rule)
        .with_message(&d.message)
        .with_labels(vec![label])
        .with_notes(d.help.iter().map(|h| format!("help: {h}")).collect())
}
