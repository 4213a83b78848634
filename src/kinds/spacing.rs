//! `spacing` — spaces around punctuation. A rule gives either `after` or `before`.
//!
//! **`after`: a missing space after a mark** (`Disclaimer:Non`, `prezzo,che`, `records.The`):
//! one of the marks directly followed by a letter (or `.`, `!`, `?` by a hashtag: `ist.#Binance`),
//! where the mark follows a letter, a digit or a closing bracket or quote. **Never fires on:** URLs, e-mail addresses and @mentions; numbers
//! (`1,000`, `3.5`, `12:30`); a full stop before a lowercase letter (`binance.com`, `e.g.`,
//! `node.js`) or before a capital that starts an abbreviation or an all-capitals word (`U.S.`,
//! `Binance.US`); a full stop among others in a run with no space (`SCT.암호화폐.Crypto`); a colon between two all-capitals words (`BTC:USDT`); an ellipsis before a small
//! letter (`wait...what`; before a capital it is reported: `домой...А`); marks next to
//! Chinese, Japanese or Thai script, or anywhere in a Chinese or Japanese line
//! (`货币,Steem,SP`), which write no space there; `!` or `?` before a Korean ending (`가즈아!네요`); names listed in `except`
//! (`Read.Cash`, `Blockchain.Info`). **Example:** `Diclaimaer:Non`
//! → `Diclaimaer: Non`. **Fix:** insert one space.
//!
//! **`before`: a space before a mark** (`sessions .`, `parola ,`): spaces between a word (or a
//! closing bracket or quote, or Markdown that closes after a word: `**Bitcoin** .`) and one of
//! the marks, where the mark ends the word run (a space, a line end or a closing quote
//! follows). **Never fires on:** the marks that `spaced` lists for the line's language (French
//! puts a space before `: ; ! ?`), or for any language where the language cannot be told; a no-break or thin space before the mark, which is always
//! deliberate; `.NET`, `:)`, `:'(`, ` ...` and `?!`, where the mark starts something else; spaces at
//! the start of a line; a lone `.` typed for the Arabic zero (`بين . و ١٠٠`). **Fix:** delete the
//! spaces.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::words::{is_hangul, is_unspaced_script};
use std::collections::BTreeMap;

struct Spacing {
    marks: Vec<char>,
    side: Side,
    /// Names written with a mark inside (`Read.Cash`), by key, that are never two words.
    names: rustc_hash::FxHashSet<u64>,
}

enum Side {
    After,
    /// With the marks that take a space before them, by language.
    Before {
        spaced: BTreeMap<String, Vec<char>>,
    },
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let (marks, side) = match (rule.after.take(), rule.before.take()) {
        (Some(after), None) => (after, Side::After),
        (None, Some(before)) => {
            let spaced = rule.spaced.take().map(|s| s.into_inner()).unwrap_or_default();
            let spaced = spaced.into_iter().map(|(lang, marks)| (lang, marks.chars().collect())).collect();
            (before, Side::Before { spaced })
        }
        _ => return Err(cx.error(cx.kind.span(), "kind `spacing` needs one of `after` or `before`")),
    };
    let span = marks.span();
    let marks: Vec<char> = marks.into_inner().chars().filter(|c| !c.is_whitespace()).collect();
    if marks.is_empty() || marks.iter().any(|c| c.is_alphanumeric()) {
        return Err(cx.error(span, "the marks must be punctuation, e.g. \",;:.!?\""));
    }
    let names = rule.except.take().map(|e| e.into_inner()).unwrap_or_default();
    let names = names.iter().map(|n| crate::words::key(n)).collect();
    Ok(Compiled { check: Box::new(Spacing { marks, side, names }), vars: &["found", "mark"] })
}

impl Check for Spacing {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        match &self.side {
            Side::After => self.after(doc, out),
            Side::Before { spaced } => self.before(doc, spaced, out),
        }
    }
}

impl Spacing {
    fn after(&self, doc: &Document, out: &mut Vec<Finding>) {
        let prose = &doc.prose;
        // A mark is a punctuation token of its own; only one that a word follows at once counts.
        for pair in doc.tokens.windows(2) {
            let (mark_token, next_token) = (&pair[0], &pair[1]);
            // Cheapest first: most tokens are words, and most marks are followed by a space.
            if mark_token.is_word || next_token.range.start != mark_token.range.end {
                continue;
            }
            // A hashtag glued to the end of a sentence (`ist.#Binance`) counts as a word.
            let hashtag = !next_token.is_word
                && &prose[next_token.range.clone()] == "#"
                && prose[next_token.range.end..].starts_with(char::is_alphabetic)
                && matches!(&prose[mark_token.range.clone()], "." | "!" | "?");
            if !(next_token.is_word || hashtag) {
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
            // An ellipsis before a capital runs two sentences together (`домой...А`); before a
            // small letter it is a pause inside one (`wait...what`).
            let dots = prose[..end].len() - prose[..end].trim_end_matches('.').len();
            if mark == '.' && dots >= 3 {
                let head = &prose[..end - dots];
                if next.is_uppercase()
                    && head.ends_with(char::is_alphanumeric)
                    && !is_unspaced_script(next)
                    && !in_address(prose, i)
                {
                    out.push(
                        Finding::at(end - dots..end).fix("insert a space", vec![Edit::insert(end, " ")]),
                    );
                }
                continue;
            }
            if !(next.is_alphabetic() || hashtag)
                || !(before.is_alphanumeric() || ")]\"'’”»".contains(before))
                || is_unspaced_script(before)
                || is_unspaced_script(next)
                || in_address(prose, i)
                || (mark == '.' && is_dotted_name(prose, i))
                || matches!(doc.language_at(i), Some("zh" | "ja"))
                || (matches!(mark, '!' | '?') && is_hangul(before) && is_korean_ending(&prose[end..]))
                || is_exception(mark, word_before(prose, i), word_after(prose, end))
                || self.is_name(prose, i, end)
            {
                continue;
            }
            out.push(Finding::at(i..end).fix("insert a space", vec![Edit::insert(end, " ")]));
        }
    }

    /// Whether the mark at `i..end` is inside a name listed in `except` (`Read.Cash`).
    fn is_name(&self, prose: &str, i: usize, end: usize) -> bool {
        let name = &prose[i - word_before(prose, i).len()..end + word_after(prose, end).len()];
        !self.names.is_empty() && self.names.contains(&crate::words::key(name))
    }

    fn before(&self, doc: &Document, spaced: &BTreeMap<String, Vec<char>>, out: &mut Vec<Finding>) {
        let (prose, text) = (doc.prose.as_str(), doc.text());
        for (index, token) in doc.tokens.iter().enumerate() {
            if token.is_word
                || token.range.start == 0
                || !matches!(prose.as_bytes()[token.range.start - 1], b' ' | b'\t')
            {
                continue;
            }
            let mark_text = &prose[token.range.clone()];
            let Some(mark) = mark_text.chars().next().filter(|c| !token.is_word && self.marks.contains(c))
            else {
                continue;
            };
            let spaces = prose[..token.range.start].len()
                - prose[..token.range.start].trim_end_matches([' ', '\t']).len();
            if spaces == 0 {
                continue;
            }
            let start = token.range.start - spaces;
            // The spaces the writer typed: the end of the run. Before them may be Markdown syntax
            // the prose blanked (`**Bitcoin** .`), never other whitespace.
            let run = &text[start..token.range.start];
            let typed = run.len() - run.trim_end_matches([' ', '\t']).len();
            let syntax = &run[..run.len() - typed];
            let real = typed > 0 && !syntax.contains(char::is_whitespace);
            let before = prose[..start].chars().next_back();
            let follows_word = before.is_some_and(|c| c.is_alphanumeric() || ")]\"'’”»".contains(c));
            let next = prose[token.range.end..].chars().next();
            // Not before `)`: ` :)` is a smiley, and so is ` :'(` (its tear is no closing quote).
            let tear = ["'(", "')", "’(", "’)"].iter().any(|t| prose[token.range.end..].starts_with(t));
            let ends_run = !tear && next.is_none_or(|c| c.is_whitespace() || "\"'’”»".contains(c));
            // A ratio is spaced on both sides (`1 : 3`): it is no colon of a sentence.
            let ratio = mark == ':'
                && before.is_some_and(|c| c.is_ascii_digit())
                && prose[token.range.end..]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            if !(real && follows_word && ends_run)
                || index == 0
                || ratio
                || is_arabic_zero(prose, mark, token.range.end)
            {
                continue;
            }
            // In the line's language; where it cannot be told, any language's spacing is
            // taken to be meant (a short French post is not “fixed” into English spacing).
            let exempt = match doc.language_at(token.range.start) {
                Some(lang) => spaced.get(lang).is_some_and(|marks| marks.contains(&mark)),
                None => spaced.values().any(|marks| marks.contains(&mark)),
            };
            if exempt {
                continue;
            }
            let range = token.range.start - typed..token.range.start;
            out.push(
                Finding::at(range.clone())
                    .var("mark", mark)
                    .fix("delete the space", vec![Edit::delete(range)]),
            );
        }
    }
}

/// Whether offset `i` is inside an address-like run: an @mention, an e-mail, a path or an
/// entity. (Full URLs are already blanked out of the prose.)
fn in_address(prose: &str, i: usize) -> bool {
    run_at(prose, i).contains(['@', '/', '\\', '&', '='])
}

/// The run of text with no whitespace around offset `i`.
fn run_at(prose: &str, i: usize) -> &str {
    // After the whitespace character, which may be longer than a byte (a no-break space).
    let start =
        prose[..i].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(s, c)| s + c.len_utf8());
    let end = prose[i..].find(char::is_whitespace).map_or(prose.len(), |e| i + e);
    &prose[start..end]
}

/// Whether a `.` standing alone before `after` is a zero typed as the dot that the Arabic
/// digit zero (٠) looks like: `بين . و ١٠٠` (between 0 and 100), before the word for “and” or
/// a digit.
fn is_arabic_zero(prose: &str, mark: char, after: usize) -> bool {
    let next = prose[after..].trim_start_matches([' ', '\t']);
    let next_word = next.split(char::is_whitespace).next().unwrap_or_default();
    mark == '.' && (next_word == "و" || next.starts_with(|c: char| ('\u{660}'..='\u{669}').contains(&c)))
}

/// Whether `after` starts with a Korean ending of one or two syllables that the writer attaches
/// to an exclamation (`가즈아!네요`, `대박!이다`), not a word that starts a sentence.
fn is_korean_ending(after: &str) -> bool {
    let syllables = after.chars().take_while(|&c| is_hangul(c)).count();
    (1..=2).contains(&syllables)
}

/// Whether the full stop at `i` is one of several inside a run with no space (`SCT.암호화폐.Crypto`,
/// `a.b.Com`): the dots of a name, not two sentences run together.
fn is_dotted_name(prose: &str, i: usize) -> bool {
    run_at(prose, i).trim_end_matches(|c: char| !c.is_alphanumeric()).matches('.').count() >= 2
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
        // `TL;DR`, `tl;dr`: an abbreviation, not two clauses.
        ';' => before.eq_ignore_ascii_case("tl") && after.eq_ignore_ascii_case("dr"),
        _ => false,
    }
}
