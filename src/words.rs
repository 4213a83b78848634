//! Splitting prose into words and punctuation (Unicode word segmentation), and the
//! case- and apostrophe-insensitive keys that phrase lists are matched by.

use rustc_hash::FxHasher;
use std::hash::Hasher;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A word or a punctuation mark in the prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    /// `key` of the token's text.
    pub key: u64,
    /// Whether the token holds a letter or digit (else it is punctuation or a symbol).
    pub is_word: bool,
}

/// Splits `text` into tokens. Unicode word segmentation (UAX #29) keeps `dell'IA` and `l’acqua`
/// whole; unlike UAX #29, a `.` or `:` between letters splits (`records.The`, `Nota:il`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    for (start, segment) in text.split_word_bound_indices() {
        if segment.chars().all(char::is_whitespace) {
            continue;
        }
        if !segment.chars().any(char::is_alphanumeric) {
            tokens.push(token(text, start..start + segment.len(), false));
            continue;
        }
        let mut piece_start = start;
        for (i, c) in segment.char_indices() {
            if c == '.' || c == ':' {
                let at = start + i;
                if piece_start < at {
                    tokens.push(token(text, piece_start..at, true));
                }
                tokens.push(token(text, at..at + 1, false));
                piece_start = at + 1;
            }
        }
        if piece_start < start + segment.len() {
            tokens.push(token(text, piece_start..start + segment.len(), true));
        }
    }
    tokens
}

fn token(text: &str, range: Range<usize>, is_word: bool) -> Token {
    Token { key: key(&text[range.clone()]), range, is_word }
}

/// The characters of `text` lowercased, with typographic apostrophes folded to `'`.
pub fn fold(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase).map(|c| match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' => '\'',
        c => c,
    })
}

/// A hash of `fold(text)`: equal for `L’IA` and `l'ia`.
pub fn key(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    if text.is_ascii() {
        for b in text.bytes() {
            hasher.write_u8(if b == b'`' { b'\'' } else { b.to_ascii_lowercase() });
        }
    } else {
        let mut buf = [0u8; 4];
        for c in fold(text) {
            for b in c.encode_utf8(&mut buf).bytes() {
                hasher.write_u8(b);
            }
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.range]).collect()
    }

    #[test]
    fn splits_like_uax29_but_at_colons_and_full_stops() {
        assert_eq!(
            texts("Diclaimaer:Non dell'IA records.The 3.5 #Tag"),
            ["Diclaimaer", ":", "Non", "dell'IA", "records", ".", "The", "3", ".", "5", "#", "Tag"]
        );
    }

    #[test]
    fn keys_ignore_case_and_apostrophe_style() {
        assert_eq!(key("L’IA"), key("l'ia"));
        assert_eq!(key("NON"), key("non"));
        assert_ne!(key("non"), key("nona"));
    }
}

/// `replacement` written in the case style of `found`: all capitals if `found` is (`DICLAIMAER`
/// → `DISCLAIMER`), else with the first letter's case of `found` when `first_letter` is set.
pub fn match_case(found: &str, replacement: &str, first_letter: bool) -> String {
    let letters = found.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 1 && found.chars().all(|c| !c.is_lowercase()) {
        return replacement.to_uppercase();
    }
    let mut chars = replacement.chars();
    match (first_letter, found.chars().next(), chars.next()) {
        (true, Some(f), Some(r)) if f.is_uppercase() => r.to_uppercase().chain(chars).collect(),
        (true, Some(f), Some(r)) if f.is_lowercase() => r.to_lowercase().chain(chars).collect(),
        _ => replacement.to_owned(),
    }
}

#[cfg(test)]
mod case_tests {
    use super::match_case;

    #[test]
    fn keeps_the_writers_case_style() {
        assert_eq!(match_case("Blokchain", "blockchain", true), "Blockchain");
        assert_eq!(match_case("BLOKCHAIN", "blockchain", true), "BLOCKCHAIN");
        assert_eq!(match_case("diclaimaer", "Disclaimer", false), "Disclaimer");
        assert_eq!(match_case("non consiglio", "Non è un consiglio", true), "non è un consiglio");
    }
}
