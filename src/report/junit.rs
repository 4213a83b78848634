//! `--format junit`: JUnit XML, one test suite per post and one failing test case per problem,
//! for CI systems that show test reports.

use super::FileReport;
use std::io::{self, Write};

const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"postlint\">\n";

/// One post's test suite; the document's header comes before the run's first post.
pub fn file(report: &FileReport, first: bool, out: &mut dyn Write) -> io::Result<()> {
    if first {
        out.write_all(HEADER.as_bytes())?;
    }
    let path = escape(&report.source.name);
    let count = report.diagnostics.len();
    writeln!(out, r#"  <testsuite name="{path}" tests="{}" failures="{count}" errors="0">"#, count.max(1))?;
    if count == 0 {
        writeln!(out, r#"    <testcase name="no problems" classname="{path}"/>"#)?;
    }
    let mut columns = report.source.columns();
    for d in &report.diagnostics {
        let (line, column) = columns.line_column(d.range.start);
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
    writeln!(out, "  </testsuite>")
}

/// Closes the document (writing its header first if no post was checked).
pub fn finish(no_posts: bool, out: &mut dyn Write) -> io::Result<()> {
    if no_posts {
        out.write_all(HEADER.as_bytes())?;
    }
    writeln!(out, "</testsuites>")
}

/// Escapes text for an XML attribute or element, dropping characters XML cannot hold.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::escape::one_line(text).chars() {
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
