//! `line-start` — lines that begin with one of the listed phrases: wrapper text a chatbot put
//! around the post ("Here's an article…", "Would you like me to…", "Certo! Ecco…").
//!
//! **What it catches:** a line whose first words (after spaces and Markdown markers) are one
//! of `any`, matched like every phrase list (case, apostrophes and spacing do not matter), or
//! that one of `patterns` (regular expressions) matches from its start: openers with the topic
//! in the middle (`İşte … hakkında genel bilgiler`). A phrase in the middle of a line never fires. **Example:** `Sure! Here is a post about BTC:`.
//! **Fix:** delete the whole line.

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
            let start = line.start + (prose.len() - prose.trim_start().len());
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
                let edit = Edit::delete(doc.whole_line(index));
                out.push(Finding::at(found).fix("delete the line", vec![edit]));
            }
        }
    }
}
