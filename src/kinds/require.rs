//! `require` — at least one of the listed phrases or patterns must occur in the post.
//!
//! **What it catches:** a post without something every post needs, such as a financial
//! disclaimer. **Example:** `any = ["not financial advice", "NFA"]` fires on a post that says
//! neither. **Where:** one diagnostic at the first word of the post's last non-blank line. **Fix:** with
//! `append = { en = "Not financial advice.", it = "Non è un consiglio finanziario." }`, the text
//! in the post's language (guessed from its function words; no fix if it cannot be told) as a
//! line of its own after the last line of prose (before it if it holds only hashtags); after a blank line if the
//! post separates paragraphs with blank lines. Line endings and a missing final newline are kept.
//! With `when = [...]` the requirement applies only to posts that say one of those phrases, and
//! is reported at the first of them: "referral code" without "#ad".
//! Phrases match case-insensitively, whole words only, with any whitespace between words and
//! either apostrophe (`'` or `’`); `patterns` are regular expressions over the prose.

use super::hashtags::is_hashtag_line;
use super::{Check, Compiled, Context, Finding, compile_patterns};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::phrases::PhraseSet;
use crate::rule_file::RawRule;
use regex::Regex;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

struct Require {
    phrases: PhraseSet,
    patterns: Vec<Regex>,
    /// Text to append, by language code.
    append: BTreeMap<String, String>,
    /// Phrases that make the requirement apply; empty: it always does.
    when: Option<PhraseSet>,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let any = rule.any.take().map(Spanned::into_inner).unwrap_or_default();
    let patterns = compile_patterns(rule.patterns.take(), cx)?;
    if any.is_empty() && patterns.is_empty() {
        return Err(cx.error(cx.kind.span(), "kind `require` needs a non-empty `any` or `patterns`"));
    }
    let phrases = PhraseSet::new(any.iter().map(String::as_str));
    let append = rule.append.take().map(Spanned::into_inner).unwrap_or_default();
    let when = rule.when.take().map(|w| PhraseSet::new(w.as_ref().iter().map(String::as_str)));
    Ok(Compiled { check: Box::new(Require { phrases, patterns, append, when }), vars: &["found"] })
}

impl Check for Require {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let present = self.phrases.find_all(doc).next().is_some()
            || self.patterns.iter().any(|p| p.is_match(&doc.prose));
        if present {
            return;
        }
        if let Some(when) = &self.when {
            if let Some(trigger) = when.find_all(doc).next() {
                out.push(Finding::at(trigger.range));
            }
            return;
        }
        let last = doc.lines().rfind(|line| !doc.is_blank(line.clone()));
        let mut finding = Finding::at(last.clone().map_or(0..0, |line| doc.first_word(line)));
        let text = doc.language().and_then(|language| self.append.get(language));
        if let (Some(text), Some(last)) = (text, last) {
            finding = finding.fix(format!("add “{text}”"), vec![append(doc, last, text)]);
        }
        out.push(finding);
    }
}

/// The edit that adds `text` as a line of its own after `last`, the post's last line with prose
/// (before it if it holds only hashtags). What follows that line in the source (a code block, a
/// comment) stays after the new line, so the new line is prose too.
fn append(doc: &Document, last: Range<usize>, text: &str) -> Edit {
    let newline = doc.source.line_ending();
    let gap = if doc.text().contains(&format!("{newline}{newline}")) { newline } else { "" };
    let full = doc.source.full_line_range(doc.source.line_index(last.start));
    if is_hashtag_line(&doc.prose[last.clone()]) {
        Edit::insert(last.start, format!("{text}{newline}{gap}"))
    } else if doc.text()[..full.end].ends_with('\n') {
        Edit::insert(full.end, format!("{gap}{text}{newline}"))
    } else {
        Edit::insert(full.end, format!("{newline}{gap}{text}"))
    }
}
