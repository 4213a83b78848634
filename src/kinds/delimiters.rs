//! `delimiters` — a bracket or quotation mark opened and never closed within its paragraph:
//! `(`, `[`, `{`, `«`, `“`, `„` or a straight `"`.
//!
//! **What it catches:** `Il prezzo (in dollari è salito.` **Never fires on:** a closing mark with
//! no opening one (`1)` in a list); emoticons (`:(`, `:-(`, `:'(`) and kaomoji (`(´・ω・`)`);
//! inch marks (`27"`); a `"` between two Hebrew letters (a gershayim: `ט"ו`); a quotation over
//! several paragraphs, which opens each again (`“…\n\n“…”`) or closes early in the next one
//! (`“…\n\n…”`); German `„…“`,
//! Danish `»…«` and French `« … »` quotes, each closed its own way; brackets in code, link
//! syntax and URLs, which are not prose. **Fix:** none — only the writer knows where it closes.

use super::{Check, Compiled, Context, Finding};
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;

struct Delimiters;

pub fn compile(_rule: &mut RawRule, _cx: &Context) -> Result<Compiled, ConfigError> {
    Ok(Compiled { check: Box::new(Delimiters), vars: &["found", "closing"] })
}

impl Check for Delimiters {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let prose = doc.prose.as_str();
        let bytes = prose.as_bytes();
        let mut open: Vec<(usize, char)> = Vec::new();
        // Quotation marks left open by the paragraph before: closed early in this one, the
        // quote ran over the break (“…\n\n…”); otherwise they are reported with it.
        let mut carried: Vec<(usize, char)> = Vec::new();
        let mut previous_end = 0;
        // Every bracket and quotation mark is a token of its own.
        for token in &doc.tokens {
            let i = token.range.start;
            // A blank line ends the paragraph: what is still open there is unclosed.
            if i > previous_end + 1 && doc.is_paragraph_break(previous_end..i) {
                // A quotation that runs on opens each of its paragraphs again and closes only
                // at its end: the quote still open continues, it is not unclosed.
                let continued = prose[i..].chars().next();
                open.retain(|&(_, c)| Some(c) != continued || !is_quotation_mark(c));
                report(&mut carried, out);
                let quotes;
                (quotes, open) = open.drain(..).partition(|&(_, c)| matches!(c, '“' | '«' | '„'));
                report(&mut open, out);
                carried = quotes;
            }
            previous_end = token.range.end;
            if token.is_word {
                continue;
            }
            let Some(c) = prose[i..].chars().next() else { continue };
            let previous = if i == 0 { b'\n' } else { bytes[i - 1] };
            match c {
                '(' | '[' | '{' if !is_emoticon(&bytes[..i]) && !in_kaomoji(prose, i) => open.push((i, c)),
                ')' | ']' | '}' => {
                    close(&mut open, opening_of(c));
                }
                '„' => open.push((i, c)),
                '”' => {
                    let _ = close(&mut open, '“')
                        || close(&mut open, '„')
                        || close(&mut carried, '“')
                        || close(&mut carried, '„');
                }
                // Each closes the one it pairs with if that is open, else opens: `«…»` and
                // `»…«`, `„…“` and `“…”`, `"…"` (not after a digit: `27"` is inches).
                '«' | '»' | '“' | '"' => {
                    let pairs_with = match c {
                        '«' => '»',
                        '»' => '«',
                        '“' => '„',
                        _ => '"',
                    };
                    let inches = c == '"' && previous.is_ascii_digit();
                    if c == '"' && is_gershayim(prose, i) {
                        continue;
                    }
                    let closed =
                        close(&mut open, pairs_with) || (c != '"' && close(&mut carried, pairs_with));
                    if !closed && !inches {
                        open.push((i, c));
                    }
                }
                _ => {}
            }
        }
        report(&mut carried, out);
        report(&mut open, out);
    }
}

/// Whether a bracket after `before` is the mouth of an emoticon: `:(`, `;(`, `=(`, `-(`,
/// `:-(`, `:'(` (tears).
fn is_emoticon(before: &[u8]) -> bool {
    let face = before.strip_suffix(b"'").unwrap_or(before);
    matches!(face.last(), Some(b':' | b';' | b'=' | b'-'))
}

/// Opening marks of quotations, which a quotation of several paragraphs repeats at each one.
fn is_quotation_mark(c: char) -> bool {
    matches!(c, '“' | '"' | '«' | '»' | '„')
}

/// Whether the bracket at `i` is part of a kaomoji (`((〆( `Д´ )`, `(´・ω・`)`): one of the
/// signs only kaomoji use stands within a few characters after it.
fn in_kaomoji(prose: &str, i: usize) -> bool {
    prose[i..].chars().skip(1).take(4).any(|c| "´`Д∀ω・＾◕‿≧≦︶ಠ͡°゜〆ﾟ".contains(c))
}

/// Whether the `"` at `i` is a Hebrew gershayim: between two Hebrew letters (`ט"ו`), in a word
/// that does not go on to a closing one (`ה"אושפיזין"` is a prefix before a quotation).
fn is_gershayim(prose: &str, i: usize) -> bool {
    let hebrew = |c: char| ('\u{5D0}'..='\u{5EA}').contains(&c);
    let rest = &prose[i + 1..];
    let word = &rest[..rest.find(|c: char| !hebrew(c)).unwrap_or(rest.len())];
    prose[..i].chars().next_back().is_some_and(hebrew)
        && !word.is_empty()
        && !rest[word.len()..].starts_with('"')
}

fn opening_of(c: char) -> char {
    match c {
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}

/// Closes the innermost open `opening`; says whether there was one.
fn close(open: &mut Vec<(usize, char)>, opening: char) -> bool {
    match open.iter().rposition(|&(_, c)| c == opening) {
        Some(at) => {
            open.remove(at);
            true
        }
        None => false,
    }
}

fn report(open: &mut Vec<(usize, char)>, out: &mut Vec<Finding>) {
    for (i, c) in open.drain(..) {
        let closing = match c {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            '«' => '»',
            '»' => '«',
            '„' => '“',
            '“' => '”',
            _ => '"',
        };
        out.push(Finding::at(i..i + c.len_utf8()).var("closing", closing));
    }
}
