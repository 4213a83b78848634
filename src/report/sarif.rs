//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning and others).
//! One run; a rule descriptor for every rule that was loaded, with its help; each result with its
//! region (start and end, columns in Unicode code points) and its fix, if any.

use super::{FileReport, placed};
use crate::diagnostic::Severity;
use crate::rules::Rule;
use crate::suppress::UNUSED;
use serde_json::{Value, json};
use std::io::{self, Write};

/// The rule descriptors: every rule loaded, and the engine's own.
fn descriptors(rules: &[Rule]) -> Vec<Value> {
    let mut descriptors: Vec<Value> = rules
        .iter()
        .map(|rule| {
            let why = rule.why.as_deref().unwrap_or(&rule.message_text);
            let help = rule.help.as_deref().unwrap_or(why);
            json!({
                "id": rule.id,
                "shortDescription": { "text": rule.message_text },
                "fullDescription": { "text": why },
                "help": { "text": help },
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": { "kind": rule.kind },
            })
        })
        .collect();
    descriptors.push(json!({
        "id": UNUSED,
        "shortDescription": { "text": "a suppression comment that suppresses nothing" },
        "help": { "text": "remove it, or the rule id that no longer fires" },
        "defaultConfiguration": { "level": "warning" },
    }));
    descriptors
}

/// One post's results.
fn results(report: &FileReport, rules: &[Rule]) -> Vec<Value> {
    let index = |id: &str| rules.iter().position(|r| r.id == id).or((id == UNUSED).then_some(rules.len()));
    placed(report)
        .map(|p| {
            let d = p.diagnostic;
            let uri = uri(p.path);
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": p.start.0,
                            "startColumn": p.start.1,
                            "endLine": p.end.0,
                            "endColumn": p.end.1,
                            "byteOffset": p.bom + d.range.start,
                            "byteLength": d.range.len(),
                        }
                    }
                }],
            });
            if let Some(i) = index(&d.rule) {
                result["ruleIndex"] = json!(i);
            }
            if let Some(fix) = &d.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": { "byteOffset": p.bom + e.range.start, "byteLength": e.range.len() },
                            "insertedContent": { "text": e.replacement },
                        })
                    })
                    .collect();
                result["fixes"] = json!([{
                    "description": { "text": fix.title },
                    "artifactChanges": [{ "artifactLocation": { "uri": uri }, "replacements": replacements }],
                }]);
            }
            result
        })
        .collect()
}

/// Where the streamed log stands.
#[derive(Default)]
pub struct Stream {
    /// The text after the results array, once the part before it is written.
    tail: Option<String>,
    /// Whether a result has been written.
    any: bool,
}

/// The log's text around its results: everything before the results array's items, and
/// everything after them.
fn skeleton(rules: &[Rule]) -> io::Result<(String, String)> {
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "postlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors(rules),
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    });
    let text = crate::escape::json(serde_json::to_string_pretty(&log)?);
    let (head, tail) = text.split_once(RESULTS).ok_or_else(|| io::Error::other("no results array"))?;
    Ok((head.to_owned(), tail.to_owned()))
}

const RESULTS: &str = "\"results\": []";

/// Writes one post's results into the log, opening the log first if needed; results are written
/// as they come so that a large run does not hold them all.
pub fn file(report: &FileReport, rules: &[Rule], stream: &mut Stream, out: &mut dyn Write) -> io::Result<()> {
    if stream.tail.is_none() {
        let (head, tail) = skeleton(rules)?;
        write!(out, "{head}\"results\": [")?;
        stream.tail = Some(tail);
    }
    for result in results(report, rules) {
        let text = crate::escape::json(serde_json::to_string_pretty(&result)?);
        let separator = if stream.any { "," } else { "" };
        write!(out, "{separator}\n        {}", text.replace('\n', "\n        "))?;
        stream.any = true;
    }
    Ok(())
}

/// Closes the log (writing all of it if no post was checked).
pub fn finish(rules: &[Rule], stream: &mut Stream, out: &mut dyn Write) -> io::Result<()> {
    match (stream.tail.take(), stream.any) {
        (None, _) => {
            let (head, tail) = skeleton(rules)?;
            writeln!(out, "{head}{RESULTS}{tail}")
        }
        (Some(tail), true) => writeln!(out, "\n      ]{tail}"),
        (Some(tail), false) => writeln!(out, "]{tail}"),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: forward slashes, and the characters URIs reserve
/// percent-encoded.
fn uri(path: &str) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'\\' => out.push('/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
