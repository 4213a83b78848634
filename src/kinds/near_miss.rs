//! `near-miss` — a word a typo or two away from a listed term is a misspelling of that term.
//!
//! **What it catches:** `Diclaimaer`, `Etherium`, `Bitcon`. A word is compared
//! case-insensitively with each term of the same first letter: within Damerau–Levenshtein
//! distance 1 of a 4–6 letter term, or 2 of a longer one. **Never fires on:** a term itself,
//! a term with an ending (`Bitcoins`, `Binance's`), a word with digits, a word shorter than
//! 4 letters, or any word that appears in the rule's `allow` texts — list real words that
//! happen to lie near a term there (`balance` near `Binance`). Each side of an apostrophe is a
//! word of its own (`dell'Etherium`). **Example:** `Diclaimaer: NFA` → `Disclaimer: NFA`.
//! **Fix:** the term, in the found word's case style for lowercase terms, all capitals for an
//! all-capitals word.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::words::{apostrophe_parts, fold, key, match_case, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

/// The longest term, in characters; longer words are not compared at all.
const MAX_TERM: usize = 30;

struct Term {
    text: String,
    folded: Vec<char>,
    max_distance: usize,
    /// Letter counts in 32 buckets, for a cheap lower bound of the edit distance.
    histogram: [u8; 32],
}

struct NearMiss {
    /// Unique per compiled rule (see `VERDICTS`).
    id: u64,
    terms: Vec<Term>,
    /// Term indexes by their first folded letter.
    by_first: FxHashMap<char, Vec<usize>>,
    /// Keys of words that are never misspellings: the terms and the words of `allow`.
    known: FxHashSet<u64>,
    /// For words that start with an ASCII byte: bit `n` is set if an `n`-letter word starting
    /// with it is within reach of a term. Most words fail this test and cost nothing more.
    ascii_reach: [u64; 128],
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let listed = cx.required(rule.terms.take(), "terms")?;
    let mut check = NearMiss {
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        terms: Vec::new(),
        by_first: FxHashMap::default(),
        known: FxHashSet::default(),
        ascii_reach: [0; 128],
    };
    for text in listed.as_ref() {
        let folded: Vec<char> = fold(text).collect();
        if !(4..=MAX_TERM).contains(&folded.len()) || !folded.iter().all(|c| c.is_alphabetic()) {
            let message = format!("term “{text}” must be one word of 4 to {MAX_TERM} letters");
            return Err(cx.error(listed.span(), message));
        }
        check.known.insert(key(text));
        check.by_first.entry(folded[0]).or_default().push(check.terms.len());
        let max_distance = if folded.len() >= 7 { 2 } else { 1 };
        let histogram = histogram(&folded);
        if folded[0].is_ascii() {
            for length in folded.len() - max_distance..=folded.len() + max_distance {
                let bit = 1u64 << length.min(63);
                check.ascii_reach[folded[0] as usize] |= bit;
                check.ascii_reach[folded[0].to_ascii_uppercase() as usize] |= bit;
            }
        }
        check.terms.push(Term { text: text.clone(), folded, max_distance, histogram });
    }
    for allowed in &rule.allow {
        check.known.extend(tokenize(allowed.as_ref()).into_iter().flat_map(|t| {
            let word = &allowed.as_ref()[t.range];
            std::iter::once(key(word)).chain(apostrophe_parts(word).map(|part| key(&word[part])))
        }));
    }
    Ok(Compiled { check: Box::new(check), vars: &["found", "term"] })
}

impl Check for NearMiss {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let text = doc.text();
        let bytes = text.as_bytes();
        for token in doc.tokens.iter().filter(|t| t.is_word) {
            let first = bytes[token.range.start];
            if first < 0x80 {
                // No term starts with this letter: the commonest case, one lookup.
                let reach = self.ascii_reach[usize::from(first)];
                if reach == 0 {
                    continue;
                }
                let len = token.range.len();
                let short = len < 63 && reach & (1 << len) == 0;
                if short && token.plain {
                    continue;
                }
            }
            let word = &bytes[token.range.clone()];
            let base = token.range.start;
            let whole = &text[token.range.clone()];
            // Most words have no apostrophe (`'`, or `’` = E2 80 99): one part, the token's key.
            if token.plain || !word.iter().any(|&b| b == b'\'' || b == 0xE2) {
                if let Some(term) = self.misspelled_cached(whole, token.key) {
                    out.push(self.finding(whole, token.range.clone(), term));
                }
                continue;
            }
            for part in apostrophe_parts(whole) {
                let range = base + part.start..base + part.end;
                let part = &text[range.clone()];
                let part_key = if part.len() == whole.len() { token.key } else { key(part) };
                if let Some(term) = self.misspelled_cached(part, part_key) {
                    out.push(self.finding(part, range, term));
                }
            }
        }
    }
}

/// Gives each compiled near-miss rule its own id, for its entries in `VERDICTS`.
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// Verdicts on words already seen, in a direct-mapped table indexed by (rule id, word key):
    /// each slot holds the pair's tag and `NONE` or the term's index + 1. Posts share most of
    /// their words, so almost every word is answered here with one comparison; a collision
    /// only means computing the verdict again. All zeros when empty, so the memory is only
    /// touched where used (a one-post run uses a few slots).
    static VERDICTS: RefCell<Vec<(u64, u32)>> = RefCell::new(vec![(EMPTY, NONE); SLOTS]);
}

/// No term (in `VERDICTS`).
const NONE: u32 = 0;

/// A tag no (rule, word) pair gets (see `tag`).
const EMPTY: u64 = 0;

/// Slots in each thread's table (a power of two).
const SLOTS: usize = 1 << 13;

/// The tag of a (rule, word) pair: never `EMPTY`.
fn tag(rule: u64, word_key: u64) -> u64 {
    (word_key ^ rule.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1
}

impl NearMiss {
    /// The finding for `word` at `range`, a misspelling of `term`, with the term in its case.
    fn finding(&self, word: &str, range: Range<usize>, term: &Term) -> Finding {
        let replacement = match_case(word, &term.text, term.text.chars().all(char::is_lowercase));
        Finding::at(range.clone())
            .var("term", &term.text)
            .fix(format!("replace with “{replacement}”"), vec![Edit::replace(range, replacement)])
    }

    /// `misspelled`, remembered per thread by the word's key.
    fn misspelled_cached(&self, word: &str, word_key: u64) -> Option<&Term> {
        let tag = tag(self.id, word_key);
        let slot = (tag >> 7) as usize & (SLOTS - 1);
        let verdict = VERDICTS.with_borrow_mut(|verdicts| {
            let (seen, verdict) = verdicts[slot];
            if seen == tag {
                return verdict;
            }
            let verdict = self.misspelled(word).map_or(NONE, |t| u32::try_from(t + 1).unwrap_or(NONE));
            verdicts[slot] = (tag, verdict);
            verdict
        });
        (verdict != NONE).then(|| &self.terms[verdict as usize - 1])
    }

    /// The index of the term `word` is a misspelling of, if any.
    fn misspelled(&self, word: &str) -> Option<usize> {
        // Cheap tests first: most words share no first letter and length with any term.
        let first = word.chars().next()?.to_lowercase().next()?;
        let candidates = self.by_first.get(&first)?;
        let length = word.chars().count();
        if !(4..=MAX_TERM + 2).contains(&length) {
            return None;
        }
        let near = |term: &&Term| term.folded.len().abs_diff(length) <= term.max_distance;
        if !candidates.iter().map(|&i| &self.terms[i]).any(|t| near(&t)) {
            return None;
        }
        if !word.chars().all(char::is_alphabetic) || self.known.contains(&key(word)) {
            return None;
        }
        let mut buffer = ['\0'; MAX_TERM + 2];
        let mut folded_len = 0;
        for c in fold(word) {
            if folded_len == buffer.len() {
                return None;
            }
            buffer[folded_len] = c;
            folded_len += 1;
        }
        let folded = &buffer[..folded_len];
        let word_histogram = histogram(folded);
        candidates
            .iter()
            .map(|&i| (i, &self.terms[i]))
            .filter(|(_, term)| near(term))
            .filter(|(_, term)| !folded.starts_with(&term.folded))
            .filter(|(_, term)| lower_bound(&word_histogram, &term.histogram) <= term.max_distance)
            .filter_map(|(i, term)| distance(folded, &term.folded, term.max_distance).map(|d| (d, i)))
            .min_by_key(|&(d, _)| d)
            .map(|(_, i)| i)
    }
}

/// Counts of the letters of `word` in 32 buckets.
fn histogram(word: &[char]) -> [u8; 32] {
    let mut counts = [0u8; 32];
    for &c in word {
        counts[(c as usize) & 31] = counts[(c as usize) & 31].saturating_add(1);
    }
    counts
}

/// A lower bound of the edit distance of two words from their letter histograms: an insertion
/// or deletion changes the counts by one, a substitution by two.
fn lower_bound(a: &[u8; 32], b: &[u8; 32]) -> usize {
    let difference: usize = a.iter().zip(b).map(|(&x, &y)| usize::from(x.abs_diff(y))).sum();
    difference.div_ceil(2)
}

/// The optimal-string-alignment (Damerau–Levenshtein) distance of `a` and `b`, if at most `max`.
/// `b` is at most `MAX_TERM` long; the rows live on the stack.
fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max || b.len() > MAX_TERM {
        return None;
    }
    const WIDTH: usize = MAX_TERM + 1;
    let (mut before, mut previous, mut current) = ([0usize; WIDTH], [0usize; WIDTH], [0usize; WIDTH]);
    for (j, cell) in previous.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        before = previous;
        previous = current;
    }
    Some(previous[b.len()]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::distance;

    fn d(a: &str, b: &str) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        distance(&a, &b, 2)
    }

    #[test]
    fn counts_transpositions_as_one_edit() {
        assert_eq!(d("diclaimaer", "disclaimer"), Some(2));
        assert_eq!(d("bitocin", "bitcoin"), Some(1));
        assert_eq!(d("ethereum", "ethereum"), Some(0));
        assert_eq!(d("binance", "bonanza"), None);
    }
}
