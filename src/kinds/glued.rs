//! `glued` — two words run together when a line break or a space was lost: a lowercase word
//! directly followed by a capitalised one (`explainersEducational`, `analisiEthereum`).
//!
//! **What it catches:** inside one word, three or more lowercase letters and then a capital
//! followed by two or more lowercase letters. **Never fires on:** names written in camel case,
//! which start with a capital (`BlackRock`, `OpenAI`, `DeFi`, `YouTube`) or with one or two small
//! letters (`iPhone`, `eToro`, `zkSync`), or end in capitals (`macOS`, `stETH`); words listed in
//! `except`; one word with a stray capital, which the dictionary of its language (or
//! English's) knows in small letters (`copyWriting`); hashtags, cashtags, @mentions, URLs and
//! code; words with digits.
//! **Example:** `explainersEducational`. **Fix** (unsafe: it may have been a line break):
//! insert a space.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::words::key;
use rustc_hash::FxHashSet;

struct Glued {
    except: FxHashSet<u64>,
}

pub fn compile(rule: &mut RawRule, _cx: &Context) -> Result<Compiled, ConfigError> {
    let except = rule.except.take().map(|e| e.into_inner()).unwrap_or_default();
    let except = except.iter().map(|w| key(w)).collect();
    Ok(Compiled { check: Box::new(Glued { except }), vars: &["found", "first", "second"] })
}

impl Check for Glued {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let prose = doc.prose.as_str();
        for token in doc.tokens.iter().filter(|t| t.is_word && t.has_capital && t.range.len() >= 6) {
            let word = &prose[token.range.clone()];
            // Glue needs three small letters first (and, as the token has one, a capital after).
            if word.as_bytes()[..3].iter().any(|b| b.is_ascii() && !b.is_ascii_lowercase()) {
                continue;
            }
            if doc.is_tagged(token.range.start)
                || word.chars().any(|c| c.is_numeric())
                || self.except.contains(&token.key)
            {
                continue;
            }
            let Some(split) = glue_point(word) else { continue };
            // One word with a stray capital (`copyWriting`) is a word the dictionary knows.
            let lang = doc.language_at(token.range.start).unwrap_or("en");
            if super::spelling::knows(lang, &word.to_lowercase()) == Some(true) {
                continue;
            }
            let at = token.range.start + split;
            out.push(
                Finding::at(token.range.clone())
                    .var("first", &word[..split])
                    .var("second", &word[split..])
                    .fix("insert a space", vec![Edit::insert(at, " ")]),
            );
        }
    }
}

/// Where a capitalised word starts after three or more lowercase letters, with two or more
/// lowercase letters after its capital.
fn glue_point(word: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let leading_lowercase = chars.iter().take_while(|(_, c)| c.is_lowercase()).count();
    if leading_lowercase < 3 {
        return None;
    }
    let (at, capital) = *chars.get(leading_lowercase)?;
    let rest = &chars[leading_lowercase + 1..];
    let lowercase_after = rest.iter().take_while(|(_, c)| c.is_lowercase()).count();
    (capital.is_uppercase() && lowercase_after >= 2).then_some(at)
}
