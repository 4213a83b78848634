//! `--format junit`: JUnit XML, one test suite per post and one failing test case per problem,
//! for CI systems that show test reports.

use super::FileReport;
use std::io::{self, Write};

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let problems: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    let tests: usize = reports.iter().map(|r| r.diagnostics.len().max(1)).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="postlint" tests="{tests}" failures="{problems}" errors="0">"#)?;
    for report in reports {
        let path = escape(&report.source.name);
        let count = report.diagnostics.len();
        writeln!(
            out,
            r#"  <testsuite name="{path}" tests="{}" failures="{count}" errors="0">"#,
            count.max(1)
        )?;
        if count == 0 {
            writeln!(out, r#"    <testcase name="no problems" classname="{path}"/>"#)?;
        }
        for d in &report.diagnostics {
            let (line, column) = report.source.line_column(d.range.start);
            let message = escape(&d.message);
            writeln!(out, r#"    <testcase name="{} at {line}:{column}" classname="{path}">"#, d.rule)?;
            writeln!(
                out,
                r#"      <failure type="{}" message="{message}">{path}:{line}:{column}: {}[{}] {message}</failure>"#,
                d.rule,
                d.severity.as_str(),
                d.rule,
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Escapes text for an XML attribute or element, dropping characters XML cannot hold.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
