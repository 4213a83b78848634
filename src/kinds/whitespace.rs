//! `whitespace` — spaces that should not be there. One `check` per rule:
//! - `double`: two or more spaces in a row between two words or marks on a line. Indentation,
//!   the gap after a list marker (`•   First`), letters spaced out for emphasis (`뻘  글  주`),
//!   spaces inside code and the spaces Markdown syntax leaves behind never fire.
//!   **Example:** `Bitcoin  rose`. **Fix:** one space. **Yields** to a more specific rule on
//!   the same spaces (`space-before-punctuation` on `#btcusd  ,`).
//! - `trailing`: spaces or tabs at the end of a line. A Markdown hard line break (two or more
//!   spaces at the end of a line that the paragraph continues on) and code never fire.
//!   **Example:** `Bitcoin rose.␠␠` at the end of a paragraph. **Fix:** delete them.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::words;

enum Whitespace {
    Double,
    Trailing,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let compiled = match cx.check_name(rule, &["double", "trailing"])? {
        "double" => Whitespace::Double,
        _ => Whitespace::Trailing,
    };
    Ok(Compiled { check: Box::new(compiled), vars: &["found", "count"] })
}

impl Check for Whitespace {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        match self {
            Self::Double => double(doc, out),
            Self::Trailing => trailing(doc, out),
        }
    }

    /// Spaces before a mark (`#btcusd  ,`) are one problem, which `space-before-punctuation`
    /// reports and fixes: `double` says nothing more there.
    fn yields(&self) -> bool {
        matches!(self, Self::Double)
    }
}

fn double(doc: &Document, out: &mut Vec<Finding>) {
    let (prose, text) = (doc.prose.as_str(), doc.text());
    let mut from = 0;
    let finder = memchr::memmem::Finder::new("  ");
    while let Some(found) = finder.find(&prose.as_bytes()[from..]) {
        let start = from + found;
        let end = start + prose[start..].bytes().take_while(|&b| b == b' ').count();
        from = end;
        // Spaces in the writer's text (not blanked syntax), with prose on both sides.
        let real = text.as_bytes()[start..end].iter().all(|&b| b == b' ');
        let before = prose[..start].chars().next_back().is_some_and(|c| !c.is_whitespace());
        let after = prose[end..].chars().next().is_some_and(|c| !c.is_whitespace());
        // After a list marker at a line start, the gap aligns the items (`•   First`); between
        // single letters it spaces a word out for emphasis (`뻘  글  주  의`).
        let line_start = prose[..start].rfind('\n').map_or(0, |n| n + 1);
        let head = prose[line_start..start].trim_start();
        let marker = words::list_marker_len(head) == Some(head.len());
        let single = |word: Option<&str>| word.is_some_and(|w| w.chars().count() == 1);
        let spaced_out = single(prose[line_start..start].split(' ').next_back())
            && single(prose[end..].split(char::is_whitespace).next());
        if real && before && after && !marker && !spaced_out {
            let finding = Finding::at(start..end).var("count", (end - start).to_string());
            out.push(finding.fix("replace with one space", vec![Edit::replace(start..end, " ")]));
        }
    }
}

fn trailing(doc: &Document, out: &mut Vec<Finding>) {
    let markdown = doc.source.is_markdown();
    let lines: Vec<_> = doc.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        let text = &doc.text()[line.clone()];
        let kept = text.trim_end_matches([' ', '\t']).len();
        if kept == text.len() {
            continue;
        }
        let has_prose = !doc.prose[line.clone()].trim().is_empty();
        // In Markdown a line without prose is code, or blank, where spaces do no harm.
        if markdown && !has_prose {
            continue;
        }
        let spaces = &text[kept..];
        let continues = lines.get(index + 1).is_some_and(|next| !doc.prose[next.clone()].trim().is_empty());
        if markdown && spaces.len() >= 2 && !spaces.contains('\t') && continues {
            continue;
        }
        let range = line.start + kept..line.end;
        out.push(Finding::at(range.clone()).fix("delete them", vec![Edit::delete(range)]));
    }
}
