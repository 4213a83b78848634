//! `sentence-start` — a sentence, a paragraph or the post that starts with a small letter.
//!
//! **What it catches:** the first word of the post, of a paragraph (after a blank line), or
//! after `.` and a space, when it starts with a lowercase letter. After `?` and `!` posts go on
//! in small letters on purpose (`¿Sube? y ¿baja?`), as after a paragraph that ends with `,` or
//! `:`.
//! **Never fires on:** words with a capital inside (`iPhone`, `eToro`); after an ellipsis (`...`,
//! `…`), a single letter or a number (`e.g.`, `1.`), or an abbreviation listed in `except`
//! (`etc.`, `ecc.`); hashtags, cashtags, @mentions and domain names (`binance.com`) and file names (`bitcoin_1280.jpg`, a short line `my guide.png`); list items
//! and table rows, roman and letter list markers (`iv.`, `b)`), bylines (`di Marco Rossi`); a word after the code, URL or HTML tag that starts its sentence (`` `npm`
//! runs ``); words with digits (`yasu24`) and chat words (`lol`, `haha`); scripts without
//! capitals, and lines in a language written in one (a Latin brand opening a Japanese line); a post that starts most of its sentences in lowercase
//! (three or more, more than those with a capital): that is the writer's style, not a slip.
//! **Yields** to a more specific rule on the same word (`lowercase-pronoun` on `i think`).
//! **Fix** (unsafe): a capital first letter.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::words::{self, key};
use rustc_hash::FxHashSet;

struct SentenceStart {
    /// Keys of the abbreviations after which a sentence goes on.
    except: FxHashSet<u64>,
}

pub fn compile(rule: &mut RawRule, _cx: &Context) -> Result<Compiled, ConfigError> {
    let except = rule.except.take().map(|e| e.into_inner()).unwrap_or_default();
    let except = except.iter().map(|w| key(w.trim_end_matches('.'))).collect();
    Ok(Compiled { check: Box::new(SentenceStart { except }), vars: &["found", "replacement"] })
}

impl Check for SentenceStart {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let (prose, text) = (doc.prose.as_str(), doc.text());
        let tokens = &doc.tokens;
        let mut found = Vec::new();
        for (index, token) in tokens.iter().enumerate() {
            // Cheapest first: most words follow another word, or a mark that ends no sentence.
            if !token.is_word || token.has_capital || !self.starts_sentence(doc, index) {
                continue;
            }
            let word = &prose[token.range.clone()];
            let Some(first) = word.chars().next() else { continue };
            // Names with digits (`yasu24`, `tv3`) and chat words (`lol`) are written so.
            if !first.is_lowercase() || word.contains(|c: char| c.is_numeric()) || CHAT_WORDS.contains(&word)
            {
                continue;
            }
            let line = doc.source.line_range(doc.source.line_index(token.range.start));
            let tagged = doc.is_tagged(token.range.start);
            let domain = prose[token.range.end..].starts_with('.')
                && prose[token.range.end + 1..].starts_with(char::is_alphanumeric);
            // A file name left where a picture was (`bitcoin-3024279_1280.jpg`, `my guide.png`).
            let file_name = is_file_name(&text[token.range.start..line.end]);
            // Code, a URL or an HTML tag right before the word (blanked out of the prose) starts
            // the sentence instead: `` `npm` runs ``, `https://x.io is down`.
            let previous_end = index.checked_sub(1).map_or(0, |i| tokens[i].range.end);
            let after_blanked = text[previous_end..token.range.start].contains(char::is_alphanumeric);
            // A list marker: `i.`, `iv)`, `b.`; a byline: `di Marco Rossi`, `by Anna`.
            let marker = (word.chars().count() == 1 || is_roman_numeral(word))
                && prose[token.range.end..].starts_with(['.', ')']);
            let marker = marker || doc.is_byline(line.clone());
            if tagged
                || domain
                || file_name
                || after_blanked
                || marker
                || is_list_item_or_cell(&text[line.start..token.range.start])
                || doc.language_at(token.range.start).is_some_and(is_uncased)
            {
                continue;
            }
            let capital: String = first.to_uppercase().collect();
            let range = token.range.start..token.range.start + first.len_utf8();
            let replacement = format!("{capital}{}", &word[first.len_utf8()..]);
            found.push(
                Finding::at(token.range.clone())
                    .var("replacement", &replacement)
                    .fix(format!("write “{replacement}”"), vec![Edit::replace(range, capital)]),
            );
        }
        if found.len() < 3 || found.len() <= self.capitalised_starts(doc) {
            out.extend(found);
        }
    }

    /// A more specific rule on the same word (`i think`: the pronoun) says it better.
    fn yields(&self) -> bool {
        true
    }
}

/// Chat words that are written in small letters wherever they stand.
const CHAT_WORDS: &[&str] =
    &["lol", "haha", "hahaha", "hehe", "jaja", "jajaja", "kkk", "xd", "omg", "btw", "imo", "imho"];

/// Whether `lang` is written in a script without capitals, where a Latin name in small letters
/// (`steemit`, `note`) starts a sentence as it is.
fn is_uncased(lang: &str) -> bool {
    matches!(lang, "zh" | "ja" | "ko" | "th" | "ar" | "ur" | "fa" | "he" | "hi" | "bn")
}

/// Whether `word` is a small roman numeral (`i` to `xii`), as list items are numbered.
fn is_roman_numeral(word: &str) -> bool {
    matches!(word, "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x" | "xi" | "xii")
}

impl SentenceStart {
    /// How many sentences of the post start with a capital.
    fn capitalised_starts(&self, doc: &Document) -> usize {
        let prose = doc.prose.as_str();
        let capitalised = |(index, token): &(usize, &crate::words::Token)| {
            token.is_word
                && prose[token.range.clone()].starts_with(char::is_uppercase)
                && self.starts_sentence(doc, *index)
        };
        doc.tokens.iter().enumerate().filter(capitalised).count()
    }

    /// Whether token `index` starts the post, a paragraph or a sentence.
    fn starts_sentence(&self, doc: &Document, index: usize) -> bool {
        let prose = doc.prose.as_str();
        let start = doc.tokens[index].range.start;
        let Some(previous) = index.checked_sub(1).map(|i| &doc.tokens[i]) else { return true };
        // Only a full stop: after `?` and `!` real posts go on in small letters on purpose
        // (`¿Sube? y ¿baja?`, `when moon? when lambo?`).
        let ends_sentence =
            !previous.is_word && previous.range.len() == 1 && prose.as_bytes()[previous.range.start] == b'.';
        if !ends_sentence {
            // A paragraph after a greeting that ends with a comma (`Un saluto a tutti,`) or
            // after a colon (`Ecco il punto:`) goes on with the same sentence.
            let goes_on =
                !previous.is_word && matches!(&prose[previous.range.clone()], "," | ":" | "!" | "?");
            return !goes_on && doc.is_paragraph_break(previous.range.end..start);
        }
        if previous.range.end == start {
            return false;
        }
        let Some(before) = index.checked_sub(2).map(|i| &doc.tokens[i]) else { return true };
        let before_text = &prose[before.range.clone()];
        let single = before_text.chars().count() == 1 && before.is_word;
        let number = before_text.chars().all(|c| c.is_numeric());
        let ellipsis = before.range.end == previous.range.start && matches!(before_text, "." | "…");
        !(single || number || ellipsis || (before.is_word && self.except.contains(&before.key)))
    }
}

/// Whether `head`, a line's text before a word, opens a list item (`- `, `1. `) or a table cell.
fn is_list_item_or_cell(head: &str) -> bool {
    let head = head.trim_start();
    words::list_marker_len(head).is_some() || head.starts_with('|')
}

/// Whether `text`, the rest of a line from a word on, starts with a file name: a run with no
/// space, or the whole rest of a short line (`steemit guide.png`), that ends in a picture's,
/// a video's or a document's extension.
fn is_file_name(text: &str) -> bool {
    let has_extension = |run: &str| {
        let run = run.trim_end_matches([',', ';', ')']);
        run.rsplit_once('.').is_some_and(|(_, extension)| {
            ["png", "jpg", "jpeg", "gif", "webp", "svg", "pdf", "mp4"]
                .contains(&extension.to_ascii_lowercase().as_str())
        })
    };
    let line = text.trim_end();
    has_extension(&line[..line.find(char::is_whitespace).unwrap_or(line.len())])
        || (line.split_whitespace().count() <= 6 && has_extension(line))
}
