//! Lists of phrases matched as token sequences by hash: case-insensitive, Unicode-aware,
//! tolerant of apostrophe style and of extra whitespace between words.

use crate::document::Document;
use crate::words::{KeyFilter, tokenize};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// A compiled list of phrases.
#[derive(Debug, Default)]
pub struct PhraseSet {
    /// Token keys of each phrase.
    phrases: Vec<Vec<u64>>,
    /// Phrase indexes by the key of their first token, longest phrase first.
    by_first: FxHashMap<u64, Vec<usize>>,
    /// The keys of the phrases' first tokens: most tokens start no phrase, and are turned
    /// away here without a map lookup.
    first_keys: KeyFilter,
    /// The last word of each phrase that ends in a Korean word: Korean writes its particles and
    /// endings onto the word (`매수는`, `조언이`), so that word matches a token it begins.
    hangul_last: Vec<Option<Box<str>>>,
    /// The phrases of one Korean word, longest first, with their text.
    hangul_single: Vec<(Box<str>, usize)>,
    /// The key of the longest word each phrase must contain: a post that has none of them
    /// holds no phrase of the list, told by 64 ANDs instead of a look at every phrase.
    longest_keys: KeyFilter,
}

/// One phrase found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the phrase in the list it was compiled from.
    pub phrase: usize,
    /// Byte range from the first token's start to the last token's end.
    pub range: Range<usize>,
    /// Index of the token after the match.
    pub next_token: usize,
}

impl PhraseSet {
    /// Compiles `phrases`; a phrase with no token (empty or only spaces) matches nothing.
    pub fn new<'s>(phrases: impl IntoIterator<Item = &'s str>) -> Self {
        let mut set = Self::default();
        for (index, phrase) in phrases.into_iter().enumerate() {
            let tokens = tokenize(phrase);
            let keys: Vec<u64> = tokens.iter().map(|t| t.key).collect();
            let last = tokens.last().map(|t| &phrase[t.range.clone()]).filter(|w| is_hangul_word(w));
            if let (Some(word), 1) = (last, keys.len()) {
                set.hangul_single.push((word.into(), index));
            }
            if let Some(&first) = keys.first() {
                set.by_first.entry(first).or_default().push(index);
                set.first_keys.insert(first);
            }
            // The word of the phrase that a post must hold (a Korean last word may carry an
            // ending, so it is not asked), longest being the likeliest to be rare.
            let asked = tokens.len() - usize::from(last.is_some());
            if let Some(longest) = tokens[..asked].iter().max_by_key(|t| t.range.len()) {
                set.longest_keys.insert(longest.key);
            }
            set.phrases.push(keys);
            set.hangul_last.push(last.map(Into::into));
        }
        for candidates in set.by_first.values_mut() {
            candidates.sort_by_key(|&i| std::cmp::Reverse(set.phrases[i].len()));
        }
        set.hangul_single.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
        set
    }

    /// Whether phrase `phrase` is at token `start`: its words in order, the last one also as
    /// the beginning of a Korean word.
    fn phrase_at(&self, doc: &Document, start: usize, phrase: usize) -> Option<PhraseMatch> {
        let keys = &self.phrases[phrase];
        let tokens = doc.tokens.get(start..start + keys.len())?;
        let last = keys.len() - 1;
        let same = tokens.iter().zip(keys).enumerate().all(|(i, (t, &k))| {
            t.key == k
                || (i == last
                    && self.hangul_last[phrase]
                        .as_deref()
                        .is_some_and(|word| t.is_word && doc.prose[t.range.clone()].starts_with(word)))
        }) && tokens.windows(2).all(|w| doc.is_blank(w[0].range.end..w[1].range.start));
        same.then(|| PhraseMatch {
            phrase,
            range: tokens[0].range.start..tokens[last].range.end,
            next_token: start + keys.len(),
        })
    }

    /// Whether a phrase may start with a token of `key` (no means certainly not).
    #[inline]
    fn may_start(&self, key: u64) -> bool {
        self.first_keys.may_contain(key)
    }

    /// Whether the list holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The longest phrase that starts at token `start`, if any.
    pub fn match_at(&self, doc: &Document, start: usize) -> Option<PhraseMatch> {
        let first = doc.tokens.get(start)?;
        let exact = self.may_start(first.key).then(|| self.by_first.get(&first.key)).flatten();
        if let Some(found) =
            exact.and_then(|c| c.iter().find_map(|&phrase| self.phrase_at(doc, start, phrase)))
        {
            return Some(found);
        }
        // A Korean word with a particle or an ending: the one-word phrase it begins with.
        let text = &doc.prose[first.range.clone()];
        if self.hangul_single.is_empty() || !first.is_word || !is_hangul_word(text) {
            return None;
        }
        let &(_, phrase) = self.hangul_single.iter().find(|(word, _)| text.starts_with(&**word))?;
        Some(PhraseMatch { phrase, range: first.range.clone(), next_token: start + 1 })
    }

    /// Every match in the document, leftmost-longest, not overlapping.
    pub fn find_all<'d>(&'d self, doc: &'d Document) -> impl Iterator<Item = PhraseMatch> + 'd {
        // Most posts hold no phrase of a list: if for every phrase some word is missing from the
        // post, there is nothing to scan.
        // (A Korean last word may carry an ending, so it is not asked of the filter.)
        let possible = (doc.may_have_any(&self.longest_keys) || !self.hangul_single.is_empty())
            && self.phrases.iter().zip(&self.hangul_last).any(|(keys, korean)| {
                let asked = keys.len() - usize::from(korean.is_some());
                !keys.is_empty()
                    && keys[..asked].iter().all(|&k| doc.may_have(k))
                    && (korean.is_none() || doc.has_hangul())
            });
        let korean = !self.hangul_single.is_empty() && doc.has_hangul();
        let mut next = if possible { 0 } else { doc.tokens.len() };
        std::iter::from_fn(move || {
            while next < doc.tokens.len() {
                // The filter inline, so that most tokens cost a bit test.
                let token = &doc.tokens[next];
                if (self.may_start(token.key) || (korean && token.is_word && !token.plain))
                    && let Some(found) = self.match_at(doc, next)
                {
                    next = found.next_token;
                    return Some(found);
                }
                next += 1;
            }
            None
        })
    }
}

/// Whether `word` is written in Hangul syllables.
fn is_hangul_word(word: &str) -> bool {
    word.chars().next().is_some_and(crate::words::is_hangul)
}

/// A phrase list whose phrases may belong to languages: a phrase of a language is found only
/// where the text is in that language, or in a language that cannot be told (a Spanish
/// template label does not fire in an English line). The same phrase listed for several
/// languages is one phrase of all of them.
#[derive(Debug, Default)]
pub struct Phrases {
    set: PhraseSet,
    /// Each distinct phrase's languages; empty: every language.
    languages: Vec<Vec<String>>,
    /// Each distinct phrase's index in the list it was compiled from (its first listing).
    first_index: Vec<usize>,
}

impl Phrases {
    /// Compiles `(language, phrase)` pairs, `None` for a phrase of every language.
    pub fn new<'s>(entries: impl IntoIterator<Item = (Option<&'s str>, &'s str)>) -> Self {
        let mut by_keys: FxHashMap<Vec<u64>, usize> = FxHashMap::default();
        let (mut texts, mut languages, mut first_index): (Vec<&str>, Vec<Vec<String>>, Vec<usize>) =
            Default::default();
        let mut every_language: Vec<bool> = Vec::new();
        for (index, (lang, phrase)) in entries.into_iter().enumerate() {
            let keys: Vec<u64> = tokenize(phrase).into_iter().map(|t| t.key).collect();
            let slot = *by_keys.entry(keys).or_insert_with(|| {
                texts.push(phrase);
                languages.push(Vec::new());
                every_language.push(false);
                first_index.push(index);
                texts.len() - 1
            });
            match lang {
                Some(lang) => languages[slot].push(lang.to_owned()),
                None => every_language[slot] = true,
            }
        }
        for (langs, all) in languages.iter_mut().zip(every_language) {
            if all {
                langs.clear();
            }
        }
        Self { set: PhraseSet::new(texts), languages, first_index }
    }

    /// Whether the list holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// Whether phrase `found` (of this list's set) may stand where it was found.
    fn in_its_language(&self, doc: &Document, found: &PhraseMatch) -> bool {
        let langs = &self.languages[found.phrase];
        langs.is_empty() || doc.language_at(found.range.start).is_none_or(|l| langs.iter().any(|x| x == l))
    }

    /// The longest phrase that starts at token `start`, if any stands there in its language.
    pub fn match_at(&self, doc: &Document, start: usize) -> Option<PhraseMatch> {
        let found = self.set.match_at(doc, start)?;
        self.in_its_language(doc, &found)
            .then(|| PhraseMatch { phrase: self.first_index[found.phrase], ..found })
    }

    /// Every match in the document that stands in its language, leftmost-longest, not
    /// overlapping; `phrase` is the index of its first listing.
    pub fn find_all<'d>(&'d self, doc: &'d Document) -> impl Iterator<Item = PhraseMatch> + 'd {
        self.set
            .find_all(doc)
            .filter(|found| self.in_its_language(doc, found))
            .map(|found| PhraseMatch { phrase: self.first_index[found.phrase], ..found })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn find(phrases: &[&str], text: &str) -> Vec<(usize, String)> {
        let source = Source::new("a.txt", text.into());
        let doc = Document::new(&source, None);
        let set = PhraseSet::new(phrases.iter().copied());
        set.find_all(&doc).map(|m| (m.phrase, text[m.range].to_owned())).collect()
    }

    #[test]
    fn matches_case_apostrophes_and_spacing_loosely_but_whole_words_only() {
        assert_eq!(
            find(&["non è un consiglio finanziario", "NFA"], "NON È  un\nconsiglio finanziario. #nfa NFAs"),
            [(0, "NON È  un\nconsiglio finanziario".into()), (1, "nfa".into())]
        );
        assert_eq!(find(&["can't lose"], "You CAN’T lose"), [(0, "CAN’T lose".into())]);
    }

    #[test]
    fn a_korean_word_matches_with_its_particle_or_ending() {
        assert_eq!(
            find(&["매수", "투자 조언", "목표가"], "지금 매수는 이르고, 투자 조언이 아닙니다. 목표 가격"),
            [(0, "매수는".into()), (1, "투자 조언이".into())]
        );
        assert_eq!(find(&["매수"], "매도 후 재매수"), [], "a word it does not begin is not it");
    }

    #[test]
    fn prefers_the_longest_phrase() {
        assert_eq!(
            find(&["not", "not financial advice"], "not financial advice"),
            [(1, "not financial advice".into())]
        );
    }

    #[test]
    fn a_phrase_of_a_language_is_found_only_in_text_of_that_language_or_of_none() {
        let phrases = Phrases::new([(Some("es"), "cuerpo"), (Some("en"), "body"), (None, "cta")]);
        let found = |text: &str| -> Vec<String> {
            let source = Source::new("a.txt", text.into());
            let doc = Document::new(&source, None);
            phrases.find_all(&doc).map(|m| text[m.range].to_owned()).collect()
        };
        assert_eq!(
            found("Cuerpo y body: el precio de los tokens sube con la demanda y la CTA"),
            ["Cuerpo", "CTA"]
        );
        assert_eq!(
            found("Body and cuerpo: the price of the tokens rises with the demand, CTA"),
            ["Body", "CTA"]
        );
        assert_eq!(found("Cuerpo body CTA"), ["Cuerpo", "body", "CTA"], "no language: every list");
    }
}
