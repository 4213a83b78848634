//! `repetition` — the same mark or word twice in a row. One `check` per rule:
//! - `punctuation`: `,,` and `;;` after a word — slips of the keyboard, **fixed** to one mark.
//!   Never `..` (an informal pause in posts of every language: `So.. we've`, `vabbè..`), three
//!   or more commas (`그런데,,,`: a pause written so, not a slip), runs of `!` or `?` (the
//!   writer's tone), or marks that are part of an emoticon (`-_-;;`).
//! - `words`: a word repeated with only spaces between (`the the`, `il il`), compared without
//!   case. Words that may stand twice (`had had`, `that that`, French `nous nous`) are listed in
//!   `except`; three or more in a row (`go go go`), numbers, hashtags, cashtags and mentions
//!   never fire, nor do marks without a letter (a kaomoji's combining marks), nor words across a paragraph break (in plain text, any line break: a
//!   heading's last word may open the next line; in Markdown, a line break before a capital:
//!   `**Binance**` then `Binance launched…`). **Fix:** delete the second.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::words::key;
use rustc_hash::FxHashSet;

enum Repetition {
    Punctuation,
    /// With the keys of the words that may be doubled.
    Words(FxHashSet<u64>),
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let compiled = match cx.check_name(rule, &["punctuation", "words"])? {
        "punctuation" => Repetition::Punctuation,
        _ => {
            let except = rule.except.take().map(|e| e.into_inner()).unwrap_or_default();
            Repetition::Words(except.iter().map(|w| key(w)).collect())
        }
    };
    Ok(Compiled { check: Box::new(compiled), vars: &["found", "word"] })
}

impl Check for Repetition {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        match self {
            Self::Punctuation => punctuation(doc, out),
            Self::Words(except) => words(doc, except, out),
        }
    }
}

fn punctuation(doc: &Document, out: &mut Vec<Finding>) {
    let prose = doc.prose.as_str();
    // Every mark is a token of its own; a run is marks that touch.
    let mut index = 0;
    let tokens = &doc.tokens;
    while index < tokens.len() {
        let token = &tokens[index];
        index += 1;
        let mark = prose.as_bytes()[token.range.start];
        if token.is_word || token.range.len() != 1 || !matches!(mark, b',' | b';') {
            continue;
        }
        let (start, mut end) = (token.range.start, token.range.end);
        while let Some(next) =
            tokens.get(index).filter(|t| t.range.start == end && prose.as_bytes()[t.range.start] == mark)
        {
            end = next.range.end;
            index += 1;
        }
        // After a word, and before a space, a word or the end: not an emoticon's marks.
        let after_word = prose[..start].ends_with(char::is_alphanumeric);
        let before_word =
            prose[end..].chars().next().is_none_or(|c| c.is_whitespace() || c.is_alphanumeric());
        // Exactly two: a run of three or more is typed on purpose, as an ellipsis.
        if end - start != 2 || !after_word || !before_word {
            continue;
        }
        let one = char::from(mark).to_string();
        let edit = Edit::replace(start..end, &one);
        out.push(Finding::at(start..end).fix(format!("replace with “{one}”"), vec![edit]));
    }
}

fn words(doc: &Document, except: &FxHashSet<u64>, out: &mut Vec<Finding>) {
    let prose = doc.prose.as_str();
    let tokens = &doc.tokens;
    for (index, pair) in tokens.windows(2).enumerate() {
        let (first, second) = (&pair[0], &pair[1]);
        if !first.is_word || !second.is_word || first.key != second.key || except.contains(&first.key) {
            continue;
        }
        // Three or more in a row are said on purpose (`go go go`).
        let same = |i: Option<usize>| i.and_then(|i| tokens.get(i)).is_some_and(|t| t.key == first.key);
        if same(index.checked_sub(1)) || same(Some(index + 2)) {
            continue;
        }
        let gap = &prose[first.range.end..second.range.start];
        let spaced = !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\n' || c == '\r');
        let word = &prose[first.range.clone()];
        let tagged = doc.is_tagged(first.range.start);
        // A plain-text post's lines are its paragraphs: a heading's last word may open the next
        // line. In Markdown a single line break is inside a paragraph, unless a capital opens
        // the next line: a bold heading's last word (`**Binance**`) opening the paragraph under it.
        let capital = prose[second.range.clone()].starts_with(char::is_uppercase);
        let paragraph_break = doc.is_paragraph_break(first.range.end..second.range.start)
            || (gap.contains('\n') && (!doc.source.is_markdown() || capital));
        // A word needs a letter: lone combining marks are parts of a kaomoji (`▀̿ ̿`).
        let letterless = !word.chars().any(char::is_alphabetic);
        if !spaced || paragraph_break || tagged || letterless || word.chars().any(|c| c.is_numeric()) {
            continue;
        }
        let range = first.range.start..second.range.end;
        let edit = Edit::delete(first.range.end..second.range.end);
        out.push(Finding::at(range).var("word", word).fix("delete the second one", vec![edit]));
    }
}
