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
use crate::words::{fold, key, match_case, tokenize};
use rustc_hash::{FxHashMap, FxHashSet};

struct Term {
    text: String,
    folded: Vec<char>,
    max_distance: usize,
}

struct NearMiss {
    terms: Vec<Term>,
    /// Term indexes by their first folded letter.
    by_first: FxHashMap<char, Vec<usize>>,
    /// Keys of words that are never misspellings: the terms and the words of `allow`.
    known: FxHashSet<u64>,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let listed = cx.required(rule.terms.take(), "terms")?;
    let mut check =
        NearMiss { terms: Vec::new(), by_first: FxHashMap::default(), known: FxHashSet::default() };
    for text in listed.as_ref() {
        let folded: Vec<char> = fold(text).collect();
        if folded.len() < 4 || !folded.iter().all(|c| c.is_alphabetic()) {
            return Err(
                cx.error(listed.span(), format!("term “{text}” must be one word of at least 4 letters"))
            );
        }
        check.known.insert(key(text));
        check.by_first.entry(folded[0]).or_default().push(check.terms.len());
        let max_distance = if folded.len() >= 7 { 2 } else { 1 };
        check.terms.push(Term { text: text.clone(), folded, max_distance });
    }
    for allowed in &rule.allow {
        check.known.extend(tokenize(allowed.as_ref()).into_iter().flat_map(|t| {
            let word = &allowed.as_ref()[t.range];
            std::iter::once(key(word)).chain(apostrophe_parts(word).map(|part| key(&word[part])))
        }));
    }
    Ok(Compiled { check: Box::new(check), vars: &["found", "term"] })
}

/// The ranges of `word` on each side of its apostrophes (`dell'IA` → `dell`, `IA`).
fn apostrophe_parts(word: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    word.char_indices()
        .filter(|&(_, c)| matches!(c, '\'' | '\u{2019}'))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain(std::iter::once((word.len(), word.len())))
        .map(move |(end, next)| {
            let part = start..end;
            start = next;
            part
        })
}

impl Check for NearMiss {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let text = doc.text();
        for token in doc.tokens.iter().filter(|t| t.is_word) {
            let base = token.range.start;
            for part in apostrophe_parts(&text[token.range.clone()]) {
                let range = base + part.start..base + part.end;
                let part = &text[range.clone()];
                if let Some(term) = self.misspelled(part) {
                    let replacement = match_case(part, &term.text, term.text.chars().all(char::is_lowercase));
                    out.push(Finding::at(range.clone()).var("term", &term.text).fix(
                        format!("replace with “{replacement}”"),
                        vec![Edit::replace(range, replacement)],
                    ));
                }
            }
        }
    }
}

impl NearMiss {
    /// The term `word` is a misspelling of, if any.
    fn misspelled(&self, word: &str) -> Option<&Term> {
        if word.len() < 4 || !word.chars().all(char::is_alphabetic) || self.known.contains(&key(word)) {
            return None;
        }
        let folded: Vec<char> = fold(word).collect();
        let candidates = self.by_first.get(&folded[0])?;
        candidates
            .iter()
            .map(|&i| &self.terms[i])
            .filter(|term| !folded.starts_with(&term.folded))
            .filter_map(|term| distance(&folded, &term.folded, term.max_distance).map(|d| (d, term)))
            .min_by_key(|&(d, _)| d)
            .map(|(_, term)| term)
    }
}

/// The optimal-string-alignment (Damerau–Levenshtein) distance of `a` and `b`, if at most `max`.
fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; width * (a.len() + 1)];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
    }
    Some(rows[a.len() * width + b.len()]).filter(|&d| d <= max)
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
