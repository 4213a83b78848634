//! `require` — at least one of the listed phrases or patterns must occur in the post.
//!
//! **What it catches:** a post without something every post needs, such as a financial
//! disclaimer. **Example:** `any = ["not financial advice", "NFA"]` fires on a post that says
//! neither. **Where:** one diagnostic on the post's last non-blank line. **Fix:** none yet.
//! Phrases match case-insensitively, whole words only, with any whitespace between words and
//! either apostrophe (`'` or `’`); `patterns` are regular expressions over the prose.

use super::{Check, Compiled, Context, Finding, compile_patterns};
use crate::document::Document;
use crate::error::ConfigError;
use crate::phrases::PhraseSet;
use crate::rule_file::RawRule;
use regex::Regex;

struct Require {
    phrases: PhraseSet,
    patterns: Vec<Regex>,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let any = rule.any.take().map(|a| a.into_inner()).unwrap_or_default();
    let patterns = compile_patterns(rule.patterns.take(), cx)?;
    if any.is_empty() && patterns.is_empty() {
        return Err(cx.error(
            cx.kind.span(),
            "kind `require` needs a non-empty `any` or `patterns`",
        ));
    }
    let phrases = PhraseSet::new(any.iter().map(String::as_str));
    Ok(Compiled {
        check: Box::new(Require { phrases, patterns }),
        vars: &["found"],
    })
}

impl Check for Require {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let present = self.phrases.find_all(doc).next().is_some()
            || self.patterns.iter().any(|p| p.is_match(&doc.prose));
        if !present {
            let last = doc
                .lines()
                .filter(|line| !doc.is_blank(line.clone()))
                .last();
            out.push(Finding::at(last.unwrap_or(0..0)));
        }
    }
}
