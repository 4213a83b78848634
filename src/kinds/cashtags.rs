//! `cashtags` — coin tickers written `$BTC`, which Binance Square turns into price widgets.
//!
//! A cashtag is `$` followed by a letter and one to nine more ASCII letters or digits (`$BTC`;
//! `$100` is a price). One `check` per rule:
//! - `glued`: a cashtag stuck to the word or mark before it (`income$BNB`, `techo?$BCH`), which
//!   the platform does not link; not after Chinese, Japanese or Thai text, which puts no space
//!   between words (`如$BTC`). **Fix:** insert a space before `$`.
//! - `case`: a ticker in small letters (`$btc`). Only all-lowercase tags of 2 to 6 letters fire,
//!   so `$Bitcoin` or `$myVar` do not. **Fix:** capitals (`$BTC`).

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use std::ops::Range;

enum Cashtags {
    Glued,
    Case,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let compiled = match cx.check_name(rule, &["glued", "case"])? {
        "glued" => Cashtags::Glued,
        _ => Cashtags::Case,
    };
    Ok(Compiled { check: Box::new(compiled), vars: &["found", "replacement"] })
}

impl Check for Cashtags {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for tag in find_cashtags(&doc.prose) {
            let text = &doc.prose[tag.clone()];
            match self {
                Self::Glued => {
                    let before = doc.prose[..tag.start].chars().next_back();
                    // Chinese, Japanese and Thai put no space between words (`如$BTC`).
                    let glued = before.is_some_and(|c| {
                        !(c.is_whitespace()
                            || "([{\"'“‘«/".contains(c)
                            || crate::words::is_unspaced_script(c))
                    });
                    if glued {
                        let replacement = format!(" {text}");
                        out.push(
                            Finding::at(tag.clone())
                                .var("replacement", replacement)
                                .fix("insert a space before it", vec![Edit::insert(tag.start, " ")]),
                        );
                    }
                }
                Self::Case => {
                    let letters = text[1..].chars().filter(char::is_ascii_alphabetic).count();
                    let lowercase = text[1..].chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
                    if lowercase && (2..=6).contains(&letters) {
                        let replacement = text.to_ascii_uppercase();
                        out.push(
                            Finding::at(tag.clone())
                                .var("replacement", &replacement)
                                .fix(format!("write “{replacement}”"), vec![Edit::replace(tag, replacement)]),
                        );
                    }
                }
            }
        }
    }
}

/// The byte ranges of the cashtags in `prose`, `$` included.
pub fn find_cashtags(prose: &str) -> Vec<Range<usize>> {
    let bytes = prose.as_bytes();
    let mut tags = Vec::new();
    for i in memchr::memchr_iter(b'$', bytes) {
        let name = bytes[i + 1..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let after = prose[i + 1 + name..].chars().next();
        let starts_with_letter = bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        let whole = !after.is_some_and(|c| c.is_alphanumeric() || c == '_');
        if starts_with_letter
            && (2..=10).contains(&name)
            && whole
            && bytes.get(i.wrapping_sub(1)) != Some(&b'$')
        {
            tags.push(i..i + 1 + name);
        }
    }
    tags
}
