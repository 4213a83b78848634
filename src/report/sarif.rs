//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning and others).
//! One run; a rule descriptor for every rule that was loaded, with its help; each result with its
//! region (start and end, columns in Unicode code points) and its fix, if any.

use super::{FileReport, placed};
use crate::diagnostic::Severity;
use crate::rules::Rule;
use crate::suppress::UNUSED;
use serde_json::{Value, json};
use std::io::{self, Write};

pub fn write(reports: &[FileReport], rules: &[Rule], out: &mut dyn Write) -> io::Result<()> {
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
    let index = |id: &str| descriptors.iter().position(|d| d["id"] == id);
    let results: Vec<Value> = placed(reports)
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
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "postlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
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
