//! `title-case` — an English-style Title Case first line (“Quando i Giganti dell'IA si
//! Scontrano”) in a language that writes titles in sentence case (give the rule
//! `lang = ["it", "es", "fr", "pt"]`).
//!
//! **What it catches:** a title — the first line, or the second when the first has under four
//! words (a label such as `Titolo`) — or a heading (`## …`, a line in bold alone, or a line
//! that ends no sentence: `2. Volatilidade e Sentimento de Mercado`) of at most 20 words in which, after the first word, at
//! least three words of four letters or more start with a capital and they outnumber such words
//! in small letters at least two to one. Words that are proper nouns do not count: words in
//! `keep`, words in capitals or mixed case (`IA`, `OpenAI`), and words written with a capital
//! elsewhere in the post and never in small letters (`Nvidia`), and, where the language has a
//! dictionary, words it does not know in small letters (`Saylor`). A word after `?`, `!`, `.` or
//! `|` starts a part of the title and keeps its capital. Each side of an apostrophe is a word
//! (`l'Accordo`). **Never fires on** an English title over a post in the language (`Return,
//! Look Back - [ESP/ENG]`): most of its capitalised words are known to English's dictionary
//! and not to the language's. **Fix (unsafe):** sentence case: those capitals become small
//! letters.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::words::{apostrophe_parts, key};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use toml::Spanned;

struct TitleCase {
    /// Keys of proper nouns that keep their capital.
    keep: FxHashSet<u64>,
}

pub fn compile(rule: &mut RawRule, _cx: &Context) -> Result<Compiled, ConfigError> {
    let keep = rule.keep.take().map(Spanned::into_inner).unwrap_or_default();
    let keep = keep.iter().map(|w| key(w)).collect();
    Ok(Compiled { check: Box::new(TitleCase { keep }), vars: &["found", "lang"] })
}

/// How a word is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `Giganti`: a capital, then small letters.
    Capitalised,
    /// `giganti`.
    Small,
    /// `IA`, `OpenAI`, `Web3`: a proper noun or an acronym.
    Other,
}

fn shape(word: &str) -> Shape {
    let mut chars = word.chars();
    let first = chars.next();
    let rest_small = chars.clone().all(|c| !c.is_uppercase());
    // A single capital is a letter (`Plan B`), unless it is an accented word (`É`, `À`).
    let long_enough = word.chars().count() > 1 || !word.is_ascii();
    match first {
        Some(c) if c.is_uppercase() && rest_small && long_enough => Shape::Capitalised,
        Some(c) if c.is_lowercase() && rest_small => Shape::Small,
        _ => Shape::Other,
    }
}

/// The words of `text[range]`, apostrophe parts apart, with their ranges.
fn words<'d>(doc: &'d Document, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + 'd {
    let first = doc.token_at(range.start);
    doc.tokens[first..].iter().take_while(move |t| t.range.end <= range.end).filter(|t| t.is_word).flat_map(
        move |t| {
            let base = t.range.start;
            apostrophe_parts(&doc.text()[t.range.clone()]).map(move |p| base + p.start..base + p.end)
        },
    )
}

impl Check for TitleCase {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let text = doc.text();
        // The title is the first line; a first line of one to three words is a label or a
        // kicker ("Titolo", "Breaking"), and then the title is the next one.
        let mut lines = doc.lines().filter(|l| !doc.is_blank(l.clone())).take(2);
        let Some(first) = lines.next() else { return };
        let title = if words(doc, first.clone()).count() < 4 { lines.next().unwrap_or(first) } else { first };
        self.check_line(doc, title.clone(), out);
        // Headings are titles too: a Markdown heading (`## Il Prezzo Sale`, typed literally in
        // plain text as well), a line in bold alone, a short line that ends no sentence.
        for line in doc.lines().filter(|l| l.start > title.start && is_heading(&text[l.clone()])) {
            self.check_line(doc, line, out);
        }
    }
}

impl TitleCase {
    /// Reports `title`, a title or a heading, if it is in Title Case.
    fn check_line(&self, doc: &Document, title: Range<usize>, out: &mut Vec<Finding>) {
        let text = doc.text();
        let title_words: Vec<Range<usize>> = words(doc, title.clone()).collect();
        if title_words.len() > 20 || title_words.len() < 4 {
            return;
        }
        // Candidates first, from the title alone: most titles stop here. A word that starts a
        // sentence or a part of the title (after `?`, `!`, `.`, `|`) keeps its capital.
        let starts_part = |w: &Range<usize>| {
            text[title.start..w.start].trim_end().ends_with(['?', '!', '.', '|', '¿', '¡', '–', '—'])
        };
        let candidates: Vec<&Range<usize>> = title_words
            .iter()
            .skip(1)
            .filter(|w| {
                shape(&text[(*w).clone()]) == Shape::Capitalised
                    && !self.keep.contains(&key(&text[(*w).clone()]))
                    && !starts_part(w)
            })
            .collect();
        let small = title_words
            .iter()
            .skip(1)
            .filter(|w| shape(&text[(*w).clone()]) == Shape::Small && text[(*w).clone()].chars().count() >= 4)
            .count();
        let content = |w: &Range<usize>| text[w.clone()].chars().count() >= 4;
        if candidates.iter().filter(|w| content(w)).count() < 3.max(2 * small) {
            return;
        }
        // How the candidates are written in the rest of the post: a word written with a capital
        // there and never in small letters is a proper noun.
        let wanted: FxHashSet<u64> = candidates.iter().map(|w| key(&text[(*w).clone()])).collect();
        let mut elsewhere: FxHashMap<u64, (bool, bool)> = FxHashMap::default();
        for word in words(doc, 0..title.start).chain(words(doc, title.end..text.len())) {
            let k = key(&text[word.clone()]);
            if wanted.contains(&k) {
                let entry = elsewhere.entry(k).or_default();
                match shape(&text[word]) {
                    Shape::Capitalised => entry.0 = true,
                    Shape::Small => entry.1 = true,
                    Shape::Other => {}
                }
            }
        }
        // So is one that the language's dictionary knows only with its capital (`Saylor`).
        let lang = doc.language().unwrap_or_default().to_owned();
        let unknown_in_small_letters =
            |word: &str| super::spelling::knows(&lang, &word.to_lowercase()) == Some(false);
        let proper = |word: &str| {
            elsewhere.get(&key(word)).is_some_and(|&(capital, small)| capital && !small)
                || unknown_in_small_letters(word)
        };
        let capitalised: Vec<Range<usize>> =
            candidates.into_iter().filter(|w| !proper(&text[(*w).clone()])).cloned().collect();
        let counted = capitalised.iter().filter(|w| content(w)).count();
        if counted < 3 || counted < 2 * small {
            return;
        }
        // An English title over a post in another language (`Return, Look Back - [ESP/ENG]`)
        // is in Title Case as English writes it: most of its words are English's alone. Asked
        // only of a title in ASCII letters whose own words do not tell its language (reading
        // the dictionaries costs tens of milliseconds).
        let english_only = |w: &&Range<usize>| {
            super::spelling::is_english_only(&lang, &text[(*w).clone()].to_lowercase()) == Some(true)
        };
        if text[title.clone()].chars().all(|c| c.is_ascii() || !c.is_alphabetic())
            && crate::lang::of_line(doc, title.clone()).is_none()
            && capitalised.iter().filter(english_only).count() * 2 > capitalised.len()
        {
            return;
        }
        let edits = capitalised
            .into_iter()
            .map(|w| {
                let first = text[w.clone()].chars().next().expect("a word");
                let end = w.start + first.len_utf8();
                Edit::replace(w.start..end, first.to_lowercase().collect::<String>())
            })
            .collect();
        out.push(Finding::at(title).var("lang", lang).fix("write the title in sentence case", edits));
    }
}

/// Whether a line of the source may be a heading: `#` to `######` and a space, a line in bold
/// alone (`**Il Prezzo Sale**`), or a line that does not end as a sentence or a clause does
/// (`2. Volatilidade e Sentimento de Mercado`); `check_line` then wants 4 to 20 words.
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    let hashes = line.len() - line.trim_start_matches('#').len();
    let atx = (1..=6).contains(&hashes) && line[hashes..].starts_with(' ');
    let bold = line.len() > 4
        && line.starts_with("**")
        && line.ends_with("**")
        && !line[2..line.len() - 2].contains("**");
    atx || bold || !line.ends_with(['.', ',', ';', '!', '?', '…', '。'])
}
