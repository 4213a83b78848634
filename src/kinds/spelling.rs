//! `spelling` — words that the Hunspell dictionary of the post's language does not know.
//!
//! **What it checks:** words in small letters, and each part of such a word with an apostrophe
//! (`dell'acqua`: `dell'` is a listed elision). A word passes if the post's dictionary knows
//! it (an English post's also the other region's: British or American), if the English one
//! does (posts in every language borrow English words), or if a word
//! list has it (`rules/words/*.txt`, the team's `words` files).
//! **Never checks:** words with a capital anywhere (names: `Nvidia`, `Hyperliquid`, `dell'IA`;
//! tickers: `BTC`), words with digits, words of one or two letters, short words right after a number (units
//! and abbreviations: `34 mln`), endings hyphenated to capitals or digits (`DCA-ing`),
//! letters in brackets inside a word (`INS(oev)IDE`, `(re)start`),
//! hashtags, cashtags, @mentions, URLs and code, bylines (`Written by cryptoanna`), unknown
//! words the post also writes with a capital inside a sentence (`on Ecency` … `ecency`), quoted
//! words (in a block quote or quotation marks: a quotation keeps its author's spelling), and
//! unknown words that come thick (three of five words, or two in five of a line's): a phrase in
//! another language (`semua orang ada blog` in an English line), not slips.
//! **Yields** to other rules: a word another rule reports (`Diclaimaer`, a misspelling of
//! “Disclaimer”) is not reported again. Without a dictionary for the post's language, posts in
//! it are not checked and the run ends with one note naming the package to install.
//! A word is reported once, where it first occurs.
//! **Reported** only when the dictionary knows a word near it (at most three letters apart, or
//! the word split in two: `ref-feral` for `refferal`): a slip is near the word meant, while a
//! word derived from a name (`fantozziana`) or a new word of the trade is near none. A split is
//! never offered as a suggestion.
//! **Fix** (unsafe): the dictionary's suggestion, when it has exactly one and it is clearly the
//! word meant: one slip away, the same first letter, in a word of five letters or more. A word
//! is never replaced by nothing.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::spelling::{self, Dictionary, Lexicon, Verdict};
use crate::words::{Token, key};
use rustc_hash::FxHashSet;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;

struct Spelling {
    /// Languages left unchecked: their dictionaries do not know enough of the words posts use.
    quiet: Vec<String>,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let quiet = rule.quiet.take();
    if let Some(quiet) = &quiet
        && let Some(unknown) = quiet.as_ref().iter().find(|l| !crate::lang::is_checked(l))
    {
        return Err(cx.error(quiet.span(), format!("unknown language `{unknown}`")));
    }
    let quiet = quiet.map(Spanned::into_inner).unwrap_or_default();
    Ok(Compiled { check: Box::new(Spelling { quiet }), vars: &["found", "lang", "suggestions"] })
}

impl Check for Spelling {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Line by line, each in its own language: a paragraph in another language is checked
        // with that language's dictionary, one in a language postlint does not check not at all.
        // The lexicons of the languages met so far: a mixed post goes back and forth.
        let mut lexicons: Vec<(String, Option<Arc<Lexicon>>)> = Vec::new();
        let mut lexicon_of = |lang: &str| match lexicons.iter().position(|(l, _)| l == lang) {
            Some(slot) => lexicons[slot].1.clone(),
            None => {
                let lexicon = self.lexicon(lang);
                lexicons.push((lang.to_owned(), lexicon.clone()));
                lexicon
            }
        };
        let mut found = Vec::new();
        // The post's languages with their lexicons, and its names, found the first time a line
        // needs them.
        let mut post_lexicons: Option<Vec<(&str, Arc<Lexicon>)>> = None;
        let mut names: Option<FxHashSet<u64>> = None;
        for line in doc.lines() {
            if doc.is_blank(line.clone()) {
                continue;
            }
            let Some(lang) = doc.language_at(line.start) else { continue };
            let Some(lexicon) = lexicon_of(lang) else { continue };
            if doc.is_byline(line.clone()) {
                continue;
            }
            let tokens = &doc.tokens[doc.token_at(line.start)..doc.token_at(line.end)];
            let from = found.len();
            check_words(doc, tokens, lang, &lexicon, &mut found);
            // A line may quote words of the post's other languages (an Italian post's English
            // title with `ufficiale della`, a bilingual title): those pass. A language left quiet
            // still vouches for its words.
            if found.len() > from {
                let post = post_lexicons.get_or_insert_with(|| {
                    languages(doc).into_iter().filter_map(|l| Some((l, spelling::lexicon(l)?))).collect()
                });
                let names = names.get_or_insert_with(|| names_in(doc));
                let mut kept = found.split_off(from);
                kept.retain(|f| {
                    let word = &doc.prose[f.range.clone()];
                    !doc.is_quoted(f.range.start)
                        && !names.contains(&key(word))
                        && !post
                            .iter()
                            .any(|(l, other)| *l != lang && remembered_verdict(other, word) == Verdict::Known)
                });
                found.extend(kept);
            }
        }
        out.extend(once_per_word(doc, found));
    }

    fn yields(&self) -> bool {
        true
    }
}

impl Spelling {
    /// The lexicon to check `lang` with, if postlint checks its spelling and has a dictionary.
    fn lexicon(&self, lang: &str) -> Option<Arc<Lexicon>> {
        if !is_spelled(lang) {
            return None;
        }
        if self.quiet.iter().any(|q| q == lang) {
            crate::notes::gather("quiet spelling", quiet_note, lang);
            return None;
        }
        lexicon(lang)
    }
}

/// The note on the languages whose spelling was left quiet.
fn quiet_note(langs: &[String]) -> String {
    let codes: Vec<String> = langs.iter().map(|l| format!("`{l}`")).collect();
    format!(
        "posts in {} were not spell-checked: the dictionary reports too many correct words of real \
         posts as unknown; to check them anyway, set `quiet = []` under `[rules.spelling]` in \
         postlint.toml",
        codes.join(", ")
    )
}

/// Whether postlint checks the spelling of `lang`: a language it knows, written with spaces
/// between words (not Chinese or Japanese).
fn is_spelled(lang: &str) -> bool {
    crate::lang::is_checked(lang) && !matches!(lang, "zh" | "ja")
}

/// The languages of `doc` whose spelling postlint checks: the post's, and its lines'.
fn languages<'d>(doc: &'d Document) -> Vec<&'d str> {
    let mut found: Vec<&str> = Vec::new();
    let lines =
        doc.lines().filter(|line| !doc.is_blank(line.clone())).map(|line| doc.language_at(line.start));
    for lang in std::iter::once(doc.language()).chain(lines).flatten() {
        if is_spelled(lang) && !found.contains(&lang) {
            found.push(lang);
        }
    }
    found
}

/// The keys of the words the post writes with a capital inside a sentence: names, which it may
/// also write in small letters (`on Readcash` … `readcash pays`, `Ecency`, `ecency`). A
/// capital after a full stop or at a line start says nothing.
fn names_in(doc: &Document) -> FxHashSet<u64> {
    let tokens = &doc.tokens;
    (1..tokens.len())
        .filter(|&i| tokens[i].is_word && tokens[i].has_capital)
        .filter(|&i| {
            let gap = &doc.prose[tokens[i - 1].range.end..tokens[i].range.start];
            let previous = &doc.prose[tokens[i - 1].range.clone()];
            !gap.contains('\n') && !matches!(previous, "." | "!" | "?" | ":" | "…" | "-" | "•" | "#")
        })
        .map(|i| tokens[i].key)
        .collect()
}

/// The findings with each unknown word reported once, where it first occurs: a word the
/// dictionary lacks (`apalancamiento`) comes back in post after post of a topic, and one report
/// tells the writer all there is to know. Its fix, if any, replaces every occurrence.
fn once_per_word(doc: &Document, found: Vec<Slip>) -> Vec<Finding> {
    let prose = doc.prose.as_str();
    let mut first: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let mut words: Vec<(Slip, Vec<Range<usize>>)> = Vec::new();
    for slip in found {
        let word = &prose[slip.range.clone()];
        match first.get(word) {
            Some(&at) => words[at].1.push(slip.range),
            None => {
                first.insert(word, words.len());
                let range = slip.range.clone();
                words.push((slip, vec![range]));
            }
        }
    }
    words.iter().filter_map(|(slip, ranges)| finding(prose, slip, ranges)).collect()
}

/// Reports the unknown words among `tokens`, a line in `lang`, unless they come so thick that
/// the text is in another language (see `is_foreign`).
fn check_words<'d>(
    doc: &'d Document,
    tokens: &'d [Token],
    lang: &'d str,
    lexicon: &Arc<Lexicon>,
    out: &mut Vec<Slip<'d>>,
) {
    // One allocation of the right size, not one per doubling.
    let mut words: Vec<&Token> = Vec::with_capacity(tokens.len());
    words.extend(tokens.iter().filter(|t| t.is_word));
    let (mut unknown, mut foreign): (Vec<(usize, Slip)>, Vec<usize>) = Default::default();
    unknown_words(doc, &words, lang, lexicon, &mut unknown, &mut foreign);
    if unknown.is_empty() {
        return;
    }
    // Words in letters the language does not write (`różnicami` in an English line) are not
    // reported, but they are unknown words for telling a phrase in another language.
    let mut positions: Vec<usize> = unknown.iter().map(|(position, _)| *position).collect();
    if !foreign.is_empty() {
        positions.extend(foreign);
        positions.sort_unstable();
    }
    // The sentence each word is in: a sentence in another language inside a line (`Podobnie jak
    // dolar czy euro…` in an English paragraph) makes two in five of its words unknown or more.
    // (Counted once per sentence, so that a long line costs no more than its length.)
    let mut sentences: Vec<usize> = Vec::with_capacity(words.len());
    let mut words_in: Vec<usize> = vec![0];
    for token in tokens {
        if token.is_word {
            sentences.push(words_in.len() - 1);
            *words_in.last_mut().expect("one sentence at least") += 1;
        } else if matches!(&doc.prose[token.range.clone()], "." | "!" | "?" | "…") {
            words_in.push(0);
        }
    }
    let mut unknown_in = vec![0; words_in.len()];
    for &position in &positions {
        unknown_in[sentences[position]] += 1;
    }
    let in_foreign_sentence = |position: usize| {
        let sentence = sentences[position];
        unknown_in[sentence] >= 3 && unknown_in[sentence] * 5 >= words_in[sentence] * 2
    };
    out.extend(
        unknown
            .into_iter()
            .filter(|(p, _)| !is_foreign(&positions, words.len(), *p) && !in_foreign_sentence(*p))
            .map(|(_, f)| f),
    );
}

/// Whether the unknown word at `position` (among a line's `count` words, the unknown ones at
/// `unknown`, in order) is part of text in another language rather than a slip: typing slips
/// are sparse, while a phrase in a language the line was not identified as (`semua orang ada
/// blog` in an English line, Catalan read as Spanish) makes most of its words unknown. So it
/// is when it is one of three unknown words within five, or two in five of the line's are (or,
/// in `check_words`, two in five of its sentence's, three at least).
fn is_foreign(unknown: &[usize], count: usize, position: usize) -> bool {
    let from = |start: usize| unknown.partition_point(|&p| p < start);
    let dense = (position.saturating_sub(4)..=position).any(|start| from(start + 5) - from(start) >= 3);
    dense || (count >= 5 && unknown.len() * 5 >= count * 2)
}

/// The unknown words among `words`, a line's, with their position among them; and in
/// `foreign`, the positions of unknown words in letters `lang` does not write.
fn unknown_words<'d>(
    doc: &'d Document,
    words: &[&Token],
    lang: &'d str,
    lexicon: &Arc<Lexicon>,
    out: &mut Vec<(usize, Slip<'d>)>,
    foreign: &mut Vec<usize>,
) {
    let prose = doc.prose.as_str();
    let salt = key(lang);
    // A capital anywhere makes a name or a ticker. Otherwise the token's key is its text
    // folded to small letters, which it already is: the verdict table's key.
    // This thread's recent verdicts, borrowed once for the line.
    let unknown: Vec<(usize, &Token)> = KNOWN.with_borrow_mut(|known| {
        words
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.has_capital)
            .filter(|(_, t)| {
                matches!(verdict(known, lexicon, t.key ^ salt, prose, &t.range), Verdict::Unknown(_))
            })
            .map(|(position, t)| (position, *t))
            .collect()
    });
    for (position, token) in unknown {
        let word = &prose[token.range.clone()];
        // Most words are known; these cases are looked at only for the rest. A short word
        // right after a number is a unit or an abbreviation (`34 mln`, `5 mld`); an ending
        // hyphenated to capitals or digits belongs to them (`DCA-ing`, `L2-based`).
        let head = &prose[..token.range.start];
        let after = &prose[token.range.end..];
        let after_number = head.strip_suffix(' ').is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()));
        let hyphenated =
            head.strip_suffix('-').is_some_and(|h| h.ends_with(|c: char| c.is_uppercase() || c.is_numeric()));
        // `name.png`, `site.io`, `a@b`: parts of a file name or an address.
        let address = after.starts_with('@')
            || (after.starts_with('.') && after[1..].starts_with(char::is_alphanumeric))
            || head.strip_suffix('.').is_some_and(|h| h.ends_with(char::is_alphanumeric));
        // A short part of a hyphenated compound (`sci-fi`, `weekly-ish`).
        let joined = (head.strip_suffix('-').is_some_and(|h| h.ends_with(char::is_alphabetic))
            || after.strip_prefix('-').is_some_and(|a| a.starts_with(char::is_alphabetic)))
            && word.chars().count() <= 3;
        // Half of a word split by an accent typed for its apostrophe (`doesn´t`), which
        // `accent-for-apostrophe` reports.
        let accent_split = after.starts_with(['´', '`']) || head.ends_with(['´', '`']);
        // Letters in brackets inside a word (`INS(oev)IDE`, `(re)start`): a stylised name or
        // a word with optional letters, not a word of its own.
        let bracketed = (head.strip_suffix(['(', '[']).is_some_and(|h| h.ends_with(char::is_alphanumeric)))
            || (after.strip_prefix([')', ']']).is_some_and(|a| a.starts_with(char::is_alphanumeric)));
        // A listed abbreviation with its full stop (`bzw.`, `ecc.`).
        let abbreviation =
            after.starts_with('.') && remembered_verdict(lexicon, &format!("{word}.")) == Verdict::Known;
        if !is_in_script_of(word, lang) {
            foreign.push(position);
            continue;
        }
        if !word.starts_with(char::is_lowercase)
            || word.contains('_')
            || doc.is_tagged(token.range.start)
            || doc.in_hashtag(token.range.start)
            || word.chars().count() <= 2
            || (word.len() <= 4 && after_number)
            || hyphenated
            || joined
            || address
            || accent_split
            || bracketed
            || abbreviation
        {
            continue;
        }
        // A function word of another language (`della` in an English line) is quoted, not a slip.
        if crate::lang::is_function_word_of_another(token.key, lang) {
            continue;
        }
        out.push((position, Slip { range: token.range.clone(), lang, lexicon: lexicon.clone() }));
    }
}

/// An unknown word found in a line, before its suggestions are looked up (only for the words
/// finally reported: looking up is the slow part).
struct Slip<'d> {
    range: Range<usize>,
    lang: &'d str,
    lexicon: Arc<Lexicon>,
}

/// The finding for an unknown word at `ranges` (where it occurs, the first reported), with the
/// dictionary's suggestions and, when one is clearly meant, the fix of every occurrence. None
/// when the dictionary has no word near it: a slip is near the word meant, while a coinage, a
/// derived name or a new word of the trade is near nothing. The word split in two is no
/// suggestion either: on real posts such words were closed compounds and slang (`marketcap`,
/// `lightspeed`, `reblogging`, `amirite`) five times in seven, and a slip (`eventhough`) twice.
fn finding(prose: &str, slip: &Slip, ranges: &[Range<usize>]) -> Option<Finding> {
    let word = &prose[slip.range.clone()];
    let suggestions = slip.lexicon.suggestions(word);
    let near: Option<Vec<&str>> = suggestions
        .as_deref()
        .map(|all| all.iter().map(String::as_str).filter(|s| !is_split(word, s)).collect());
    let listed = match (near.as_deref(), suggestions.as_deref()) {
        (None, _) => "not looked up this time (run again)".to_owned(),
        (Some([]), _) => return None,
        (Some(some), _) => some.iter().take(3).map(|s| format!("“{s}”")).collect::<Vec<_>>().join(", "),
    };
    let finding = Finding::at(slip.range.clone()).var("lang", slip.lang).var("suggestions", listed);
    let Some(&[only]) = near.as_deref() else { return Some(finding) };
    if !is_clearly_meant(word, only) {
        return Some(finding);
    }
    let edits = ranges.iter().map(|range| Edit::replace(range.start..accent_end(prose, range, only), only));
    let mut title = format!("replace with “{only}”");
    if ranges.len() > 1 {
        title.push_str(&format!(" ({} times)", ranges.len()));
    }
    Some(finding.fix(title, edits.collect()))
}

/// Whether `suggestion` is only `word` with a hyphen, an apostrophe or a space put in.
fn is_split(word: &str, suggestion: &str) -> bool {
    let letters = |w: &str| w.chars().filter(|c| !matches!(c, '-' | '\'' | '’' | ' ')).collect::<String>();
    suggestion.len() > word.len() && letters(suggestion) == letters(word)
}

/// Where the fix of the word at `range` ends: an apostrophe typed for the accent the
/// suggestion has goes with it (`qualita'` is `qualità`, not `qualità'`).
fn accent_end(prose: &str, range: &Range<usize>, suggestion: &str) -> usize {
    let word = &prose[range.clone()];
    let after = &prose[range.end..];
    let accent = after.starts_with(['\'', '’'])
        && suggestion.chars().last().is_some_and(|c| !c.is_ascii())
        && suggestion
            .strip_suffix(|c: char| !c.is_ascii())
            .is_some_and(|stem| word.strip_suffix(|c: char| c.is_ascii()) == Some(stem));
    if accent { range.end + after.chars().next().map_or(0, char::len_utf8) } else { range.end }
}

/// Whether every letter of `word` is in the script `lang` is written in: a Cyrillic word in an
/// English line, or `coin에` in a Korean one, is not that language's to judge.
fn is_in_script_of(word: &str, lang: &str) -> bool {
    let latin = |c: char| (c as u32) < 0x250 || (0x1E00..=0x1EFF).contains(&(c as u32));
    let script: fn(char) -> bool = match lang {
        "ru" => |c| ('\u{400}'..='\u{4FF}').contains(&c),
        "ar" | "ur" => |c| ('\u{600}'..='\u{6FF}').contains(&c),
        "ko" => |c| crate::words::is_hangul(c) || ('\u{1100}'..='\u{11FF}').contains(&c),
        _ => latin,
    };
    word.chars().filter(|c| c.is_alphabetic()).all(script)
}

/// Whether `suggestion`, the dictionary's only one, is clearly the word the writer meant, so
/// that it may be offered as a fix: one typing slip away (a letter added, dropped, changed or
/// two swapped), not in the first letter (`cashtag` is no slip for `hashtag`), in a word long
/// enough that one slip does not reach another real word by chance.
fn is_clearly_meant(word: &str, suggestion: &str) -> bool {
    let mut first = (word.chars().next(), suggestion.chars().next());
    first.0 = first.0.map(|c| c.to_lowercase().next().unwrap_or(c));
    first.1 = first.1.map(|c| c.to_lowercase().next().unwrap_or(c));
    !suggestion.is_empty()
        && first.0 == first.1
        && word.chars().count() >= 5
        && crate::words::one_edit_apart(word, suggestion)
}

/// The lexicon for `lang`; if it has no dictionary, the run's note on missing dictionaries
/// names it.
fn lexicon(lang: &str) -> Option<Arc<Lexicon>> {
    let found = spelling::lexicon(lang);
    if found.is_none() {
        crate::notes::gather("missing dictionaries", missing_note, lang);
    }
    found
}

/// The note on the languages that have no dictionary, with the packages that have them.
fn missing_note(langs: &[String]) -> String {
    let codes: Vec<String> = langs.iter().map(|l| format!("`{l}`")).collect();
    let packages: Vec<&str> = langs.iter().filter_map(|l| spelling::package(l)).collect();
    let install = match packages.as_slice() {
        [] => String::new(),
        some => format!("install (Debian, Ubuntu) `apt install {}`, or ", some.join(" ")),
    };
    format!(
        "no Hunspell dictionary for {}, so posts in {} were not spell-checked: {install}name a folder \
         with LANG_*.aff and .dic files in `dictionaries` (postlint.toml) or DICPATH",
        codes.join(", "),
        if langs.len() == 1 { "it" } else { "them" }
    )
}

thread_local! {
    /// Words recently found known, as tags (a hash of the language and the word) in a
    /// direct-mapped table: the same words come back in post after post. All zeros when empty,
    /// so the memory is only touched where used (a one-post run uses a few slots).
    static KNOWN: RefCell<Vec<u64>> = RefCell::new(vec![0; 1 << 14]);
}

/// What the word at `range` of `prose` is: from this thread's recent verdicts (`known`, by
/// `tag`, a hash of the language and the word), else the lexicon's memory, else judged with the dictionaries
/// (then remembered). The word is only read when it is not among the recent verdicts.
fn verdict(known: &mut [u64], lexicon: &Lexicon, tag: u64, prose: &str, range: &Range<usize>) -> Verdict {
    let tag = tag | 1;
    let slot = (tag >> 7) as usize & (known.len() - 1);
    if known[slot] == tag {
        return Verdict::Known;
    }
    let verdict = remembered_verdict(lexicon, &prose[range.clone()]);
    if verdict == Verdict::Known {
        known[slot] = tag;
    }
    verdict
}

/// What `word` is: from the lexicon's memory, else judged with the dictionaries (then
/// remembered, for this run and the next ones).
fn remembered_verdict(lexicon: &Lexicon, word: &str) -> Verdict {
    lexicon.recall(word).unwrap_or_else(|| {
        let judged = judge(word, lexicon);
        lexicon.learn(word, judged.clone());
        judged
    })
}

/// Judges `word` with the dictionaries; an unknown word comes with suggestions.
fn judge(word: &str, lexicon: &Lexicon) -> Verdict {
    // A dictionary that cannot be read checks nothing (a note said so).
    if lexicon.dictionary().is_none() {
        return Verdict::Known;
    }
    let word = word.replace(['’', 'ʼ'], "'");
    let known = part_is_known(&word, lexicon) || {
        let known_words = spelling::known_words();
        word.rsplit_once('\'').is_some_and(|(heads, last)| {
            heads
                .split('\'')
                .all(|head| known_words.contains(&key(&format!("{head}'"))) || part_is_known(head, lexicon))
                && part_is_known(last, lexicon)
        })
    };
    if known { Verdict::Known } else { Verdict::Unknown(None) }
}

/// Whether `lang`'s dictionary (or English's, or a word list) knows `word` as it is written:
/// `saylor` is not a word, `mercado` is. `None` when there is no dictionary for `lang`.
/// The verdict is `spelling`'s, remembered between runs: a word judged before answers without
/// reading the dictionary (reading one costs tens of milliseconds).
pub fn knows(lang: &str, word: &str) -> Option<bool> {
    let lexicon = spelling::lexicon(lang)?;
    if lexicon.recall(word).is_none() {
        lexicon.dictionary()?;
    }
    Some(remembered_verdict(&lexicon, word) == Verdict::Known)
}

/// Whether English's dictionary knows `word` and `lang`'s does not (`look`, `back` for `es`):
/// a word of an English title in a post in `lang`. `None` without both dictionaries.
pub fn is_english_only(lang: &str, word: &str) -> Option<bool> {
    let lexicon = spelling::lexicon(lang)?;
    let (own, english) = (lexicon.dictionary()?, lexicon.english()?);
    Some(english.words.check(word) && !own.words.check(word))
}

/// Whether one part of a word passes: skipped (a capital, a digit, one letter), listed, or in
/// a dictionary (an English one also in its American form).
fn part_is_known(part: &str, lexicon: &Lexicon) -> bool {
    let knows = |d: &Dictionary| {
        d.words.check(part) || (d.is_english() && american(part).is_some_and(|us| d.words.check(&us)))
    };
    part.chars().count() < 2
        || part.chars().any(|c| c.is_uppercase() || c.is_numeric())
        || spelling::known_words().contains(&key(part))
        || lexicon.dictionary().is_some_and(knows)
        || lexicon.english().is_some_and(knows)
        || spelling::has_known_stem(part)
        || other_tone_placement(part)
            .is_some_and(|other| lexicon.dictionary().is_some_and(|d| d.words.check(&other)))
        || swiss_spelling(part, lexicon)
}

/// Whether `word`, written with `ss` for `ß` as Swiss German does (`heisst`), is known with `ß`.
fn swiss_spelling(word: &str, lexicon: &Lexicon) -> bool {
    let Some(dictionary) = lexicon.dictionary().filter(|d| d.is_language("de")) else { return false };
    word.match_indices("ss")
        .any(|(i, _)| dictionary.words.check(&format!("{}ß{}", &word[..i], &word[i + 2..])))
}

/// A Vietnamese word with its tone mark on the other vowel of `oa`, `oe` or `uy`: both
/// placements are in use (`hóa` and `hoá`), and a dictionary may know only one.
fn other_tone_placement(word: &str) -> Option<String> {
    const PAIRS: &[(&str, &str)] = &[
        ("óa", "oá"),
        ("òa", "oà"),
        ("ỏa", "oả"),
        ("õa", "oã"),
        ("ọa", "oạ"),
        ("óe", "oé"),
        ("òe", "oè"),
        ("ỏe", "oẻ"),
        ("õe", "oẽ"),
        ("ọe", "oẹ"),
        ("úy", "uý"),
        ("ùy", "uỳ"),
        ("ủy", "uỷ"),
        ("ũy", "uỹ"),
        ("ụy", "uỵ"),
    ];
    PAIRS.iter().find_map(|(a, b)| {
        if word.contains(a) {
            Some(word.replacen(a, b, 1))
        } else if word.contains(b) {
            Some(word.replacen(b, a, 1))
        } else {
            None
        }
    })
}

/// The American spelling of a British one (`favourite`, `organise`, `analyse`, `centre`,
/// `travelled`), for English dictionaries that know only the American forms.
fn american(word: &str) -> Option<String> {
    const ENDINGS: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ence", "ense"),
        ("ogue", "og"),
    ];
    if word.contains("our") {
        return Some(word.replacen("our", "or", 1));
    }
    ENDINGS.iter().find_map(|(gb, us)| word.strip_suffix(gb).map(|stem| format!("{stem}{us}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_missing_dictionary_note_names_the_packages_that_have_them() {
        let note = missing_note(&["vi".to_owned(), "ur".to_owned()]);
        assert!(
            note.starts_with("no Hunspell dictionary for `vi`, `ur`, so posts in them were not"),
            "{note}"
        );
        assert!(
            note.contains("install (Debian, Ubuntu) `apt install hunspell-vi`, or name a folder"),
            "{note}"
        );
    }
}
