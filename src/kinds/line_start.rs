//! `line-start` — lines that begin with one of the listed phrases: wrapper text a chatbot put
//! around the post ("Here's an article…", "Would you like me to…", "Certo! Ecco…").
//!
//! **What it catches:** a line whose first words (after spaces, Markdown markers and hashtags) are one
//! of `any`, matched like every phrase list (case, apostrophes and spacing do not matter), or
//! that one of `patterns` (regular expressions) matches from its start: openers with the topic
//! in the middle (`İşte … hakkında genel bilgiler`). A phrase in the middle of a line never fires. **Example:** `Sure! Here is a post about BTC:`.
//! **Fix:** delete the whole line; after hashtags that open it, only the text after them.

use super::{Check, Compiled, Context, Finding, read_patterns};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::phrases::Phrases;
use crate::rule_file::RawRule;

struct LineStart {
    phrases: Phrases,
    patterns: Vec<crate::pattern::Pattern>,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let any = cx.required(rule.any.take(), "any")?;
    if any.as_ref().is_empty() {
        return Err(cx.error(any.span(), "`any` needs at least one phrase"));
    }
    let phrases = super::compile_phrases(&Some(any), cx)?;
    let patterns = read_patterns(rule.patterns.take(), cx)?;
    Ok(Compiled { check: Box::new(LineStart { phrases, patterns }), vars: &["found"] })
}

impl Check for LineStart {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        // The patterns the post could match, asked once instead of once per line.
        let patterns: Vec<&crate::pattern::Pattern> =
            self.patterns.iter().filter(|p| p.may_match(doc)).collect();
        for (index, line) in doc.lines().enumerate() {
            let prose = &doc.prose[line.clone()];
            let mut start = line.start + (prose.len() - prose.trim_start().len());
            // Hashtags that open the line come before the wrapper text (`#Topic Certo! Ecco…`).
            let mut tags_end = None;
            // (Most lines start with no `#`: the post's hashtags are not asked for.)
            let tag_at =
                |start: usize| doc.prose[start..].starts_with('#').then(|| doc.hashtag_at(start)).flatten();
            while let Some(tag) = tag_at(start).filter(|t| t.start == start && t.end < line.end) {
                tags_end = Some(tag.end);
                let rest = &doc.prose[tag.end..line.end];
                start = tag.end + (rest.len() - rest.trim_start().len());
            }
            let token = doc.token_at(start);
            let phrase = self.phrases.match_at(doc, token).map(|found| found.range);
            let pattern = || {
                patterns
                    .iter()
                    .find_map(|p| p.regex().find_at(&doc.prose[..line.end], start))
                    .map(|m| m.range())
            };
            let Some(found) = phrase.filter(|r| r.start == start).or_else(pattern) else { continue };
            if found.start == start && found.end <= line.end {
                let fix = match tags_end {
                    // The hashtags stay: only the text after them goes.
                    Some(end) => ("delete the text after the hashtags", Edit::delete(end..line.end)),
                    None => ("delete the line", Edit::delete(doc.whole_line(index))),
                };
                out.push(Finding::at(found).fix(fix.0, vec![fix.1]));
            }
        }
    }
}
