//! `spacing` — a missing space after punctuation: `Disclaimer:Non`, `prezzo,che`, `records.The`.
//!
//! **What it catches:** one of the `after` marks directly followed by a letter, where the mark
//! follows a letter, a digit or a closing bracket or quote. **Never fires on:** URLs, e-mail
//! addresses and @mentions; numbers (`1,000`, `3.5`, `12:30`); a full stop before a lowercase
//! letter (`binance.com`, `e.g.`, `node.js`) or before a capital that starts an abbreviation or
//! an all-capitals word (`U.S.`, `Binance.US`); a colon between two all-capitals words
//! (`BTC:USDT`); ellipses; marks next to Chinese, Japanese or Thai script, which write no
//! space there. **Example:** `Diclaimaer:Non` → `Diclaimaer: Non`. **Fix:** insert one space.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;

struct Spacing {
    marks: Vec<char>,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let after = cx.required(rule.after.take(), "after")?;
    let marks: Vec<char> = after.as_ref().chars().filter(|c| !c.is_whitespace()).collect();
    if marks.is_empty() || marks.iter().any(|c| c.is_alphanumeric()) {
        return Err(cx.error(after.span(), "`after` must list punctuation marks, e.g. \",;:.!?\""));
    }
    Ok(Compiled { check: Box::new(Spacing { marks }), vars: &["found"] })
}

impl Check for Spacing {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let prose = &doc.prose;
        // A mark is a punctuation token of its own; only one that a word follows at once counts.
        for pair in doc.tokens.windows(2) {
            let (mark_token, next_token) = (&pair[0], &pair[1]);
            if mark_token.is_word || !next_token.is_word || next_token.range.start != mark_token.range.end {
                continue;
            }
            let i = mark_token.range.start;
            let Some(mark) = prose[i..].chars().next().filter(|c| self.marks.contains(c)) else { continue };
            let end = i + mark.len_utf8();
            if end != mark_token.range.end {
                continue;
            }
            let (Some(before), Some(next)) = (prose[..i].chars().next_back(), prose[end..].chars().next())
            else {
                continue;
            };
            if !next.is_alphabetic()
                || !(before.is_alphanumeric() || ")]\"'’”»".contains(before))
                || is_unspaced_script(before)
                || is_unspaced_script(next)
                || in_address(prose, i)
                || is_exception(mark, word_before(prose, i), word_after(prose, end))
            {
                continue;
            }
            out.push(Finding::at(i..end).fix("insert a space", vec![Edit::insert(end, " ")]));
        }
    }
}

/// Scripts that put no space after punctuation: Han, kana, Thai.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

/// Whether offset `i` is inside an address-like run: an @mention, an e-mail, a path or an
/// entity. (Full URLs are already blanked out of the prose.)
fn in_address(prose: &str, i: usize) -> bool {
    let start = prose[..i].rfind(char::is_whitespace).map_or(0, |s| s + 1);
    let end = prose[i..].find(char::is_whitespace).map_or(prose.len(), |e| i + e);
    prose[start..end].contains(['@', '/', '\\', '&', '='])
}

fn word_before(prose: &str, i: usize) -> &str {
    let start = prose[..i].char_indices().rev().take_while(|(_, c)| c.is_alphanumeric()).last();
    &prose[start.map_or(i, |(s, _)| s)..i]
}

fn word_after(prose: &str, end: usize) -> &str {
    let len = prose[end..].find(|c: char| !c.is_alphanumeric()).unwrap_or(prose.len() - end);
    &prose[end..end + len]
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

fn is_exception(mark: char, before: &str, after: &str) -> bool {
    match mark {
        '.' => {
            let first = after.chars().next();
            first.is_some_and(char::is_lowercase)
                || after.chars().count() == 1
                || is_all_caps(after)
                || before.chars().count() == 1
        }
        ':' => is_all_caps(before) && is_all_caps(after),
        _ => false,
    }
}
