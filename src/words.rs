//! Splitting prose into words and punctuation (Unicode word segmentation), and the
//! case- and apostrophe-insensitive keys that phrase lists are matched by.

use std::ops::Range;

/// A word or a punctuation mark in the prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    /// `key` of the token's text.
    pub key: u64,
    /// Whether the token holds a letter or digit (else it is punctuation or a symbol).
    pub is_word: bool,
    /// Whether the token holds a capital letter: checks that skip names and tickers, or look for
    /// capitals, ask this instead of reading the word again.
    pub has_capital: bool,
    /// Whether the token is all ASCII with no apostrophe inside: one part, bytes as letters.
    pub plain: bool,
}

/// Splits `text` into tokens: a word is a run of letters, digits, `_` and combining marks,
/// with apostrophes inside it (`dell'IA`, `l’acqua`, `Bitcoin's`); a Chinese or Japanese
/// ideograph or a hiragana is a word of its own, as in Unicode word segmentation (UAX #29);
/// any other character that is not whitespace is a punctuation token. Unlike UAX #29, a `.` or
/// `:` between letters splits (`records.The`, `Nota:il`). ASCII text takes a fast path.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        // ASCII spaces and punctuation, the commonest bytes after letters, without a call.
        match bytes[i] {
            b' ' | b'\n' | b'\r' | b'\t' => {
                i += 1;
                continue;
            }
            b if b.is_ascii_punctuation() && b != b'_' => {
                tokens.push(Token {
                    key: punctuation_key(b),
                    range: i..i + 1,
                    is_word: false,
                    has_capital: false,
                    plain: true,
                });
                i += 1;
                continue;
            }
            b if ASCII_WORD[usize::from(b)] => {
                // An ASCII word that ends at an ASCII space or mark: the commonest token.
                let (end, key, has_capital) = ascii_word(bytes, i);
                if end == bytes.len() || (bytes[end] < 0x80 && bytes[end] != b'\'') {
                    tokens.push(Token { key, range: i..end, is_word: true, has_capital, plain: true });
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        let (class, len) = classify(text, i);
        match class {
            Class::Space => i += len,
            Class::Punct | Class::Single => {
                tokens.push(token(text, i..i + len, class == Class::Single));
                i += len;
            }
            Class::Word => {
                let start = i;
                i += len;
                // ASCII letters and digits first, without classifying each one.
                while i < bytes.len() && ASCII_WORD[usize::from(bytes[i])] {
                    i += 1;
                }
                // Most words end at an ASCII space or mark.
                if i < bytes.len() && bytes[i] < 0x80 && bytes[i] != b'\'' {
                    tokens.push(token(text, start..i, true));
                    continue;
                }
                while i < bytes.len() {
                    let (next, next_len) = classify(text, i);
                    if next == Class::Word {
                        i += next_len;
                    } else if is_apostrophe_at(text, i)
                        && text[..i].ends_with(char::is_alphabetic)
                        && text[i + next_len..].starts_with(char::is_alphabetic)
                    {
                        // An apostrophe between two letters joins them: `dell'IA`.
                        i += next_len;
                    } else {
                        break;
                    }
                }
                tokens.push(token(text, start..i, true));
            }
        }
    }
    tokens
}

/// For each byte: whether it is an ASCII letter, digit or `_`.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || byte == b'_';
        b += 1;
    }
    table
};

/// The ASCII word (letters, digits, `_`) that starts at `start`: where it ends, its key and
/// whether it holds a capital. Reads 8 bytes at a time, classifying and hashing them together.
fn ascii_word(bytes: &[u8], start: usize) -> (usize, u64, bool) {
    let mut h = HASH_SEED;
    let mut capitals = 0;
    let mut i = start;
    loop {
        let chunk = match bytes.get(i..i + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().expect("8 bytes")),
            None => {
                // Zeros after the end of the text: not word bytes.
                let mut last = [0u8; 8];
                last[..bytes.len() - i].copy_from_slice(&bytes[i..]);
                u64::from_le_bytes(last)
            }
        };
        let (word, upper) = ascii_word_bytes(chunk);
        let len = (!word & HIGH_BITS).trailing_zeros() as usize / 8;
        let keep = if len == 8 { u64::MAX } else { (1 << (8 * len)) - 1 };
        capitals |= upper & keep;
        if len > 0 {
            h = mix(h, (chunk | (upper >> 2)) & keep);
        }
        i += len;
        if len < 8 {
            return (i, finish(h, i - start), capitals != 0);
        }
    }
}

/// The high bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// For the 8 bytes of `chunk`: the high bit set in `word` for each ASCII letter, digit or `_`,
/// and in `upper` for each capital letter.
fn ascii_word_bytes(chunk: u64) -> (u64, u64) {
    let upper = between(chunk, b'A', b'Z');
    let word = between(chunk, b'0', b'9') | between(chunk, b'a', b'z') | between(chunk, b'_', b'_') | upper;
    (word, upper)
}

/// The high bit set for each byte of `chunk` from `lo` to `hi` (ASCII bytes).
#[inline]
fn between(chunk: u64, lo: u8, hi: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // On bytes with the high bit clear, `x + (0x80 - lo)` sets it iff `x >= lo`, with no carry.
    let x = chunk & !HIGH_BITS;
    let at_least_lo = x + ONES * u64::from(0x80 - lo);
    let above_hi = x + ONES * u64::from(0x7f - hi);
    at_least_lo & !above_hi & !chunk & HIGH_BITS
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    /// A character that is a word by itself (ideographs, hiragana).
    Single,
    Punct,
}

/// The class and byte length of the character at byte `i` of `text`.
fn classify(text: &str, i: usize) -> (Class, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        let class = if b.is_ascii_alphanumeric() || b == b'_' {
            Class::Word
        } else if b.is_ascii_whitespace() || b == 0x0B {
            Class::Space
        } else {
            Class::Punct
        };
        return (class, 1);
    }
    let c = text[i..].chars().next().expect("a character starts here");
    let class = match c as u32 {
        0x3040..=0x309F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => {
            Class::Single
        }
        _ if c.is_whitespace() => Class::Space,
        _ if c.is_alphanumeric() || is_mark(c) => Class::Word,
        _ => Class::Punct,
    };
    (class, c.len_utf8())
}

fn is_apostrophe_at(text: &str, i: usize) -> bool {
    let rest = &text.as_bytes()[i..];
    rest.first() == Some(&b'\'') || rest.starts_with("\u{2019}".as_bytes())
}

/// Combining marks and joiners that belong inside words of many scripts (Devanagari vowel
/// signs, Arabic harakat, Thai vowels, zero-width joiners).
pub fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0963 | 0x0966..=0x0DFF | 0x0E31..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF | 0x3099 | 0x309A
        | 0xFE20..=0xFE2F)
}

fn token(text: &str, range: Range<usize>, is_word: bool) -> Token {
    let bytes = &text.as_bytes()[range.clone()];
    // Words hold no backtick, so an ASCII word's key is its lowercase hash (as `key` finds).
    let key = if is_word && bytes.is_ascii() {
        hash_range(text.as_bytes(), range.clone(), true)
    } else {
        key(&text[range.clone()])
    };
    let has_capital = is_word && text[range.clone()].chars().any(char::is_uppercase);
    let plain = bytes.is_ascii() && !bytes.contains(&b'\'');
    Token { key, range, is_word, has_capital, plain }
}

/// The key of a one-byte punctuation token: the byte itself, with the high bit set so that no
/// hash of a longer text is likely to equal it (and `` ` `` read as `'`).
fn punctuation_key(b: u8) -> u64 {
    (1 << 63) | u64::from(if b == b'`' { b'\'' } else { b })
}

/// The ranges of `word` on each side of its apostrophes (`dell'IA` → `dell`, `IA`).
pub fn apostrophe_parts(word: &str) -> impl Iterator<Item = Range<usize>> + '_ {
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

/// `c` lowercased, with typographic apostrophes and the backtick folded to `'`. The Turkish
/// capital `İ` folds to `i`, as Turkish writes it (`İşte`, `işte`), not to `i` and a dot.
fn fold_char(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase()
        .filter(move |&l| !(c == 'İ' && l == '\u{307}'))
        .map(|c| if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`') { '\'' } else { c })
}

/// The characters of `text` lowercased, with typographic apostrophes folded to `'`.
pub fn fold(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(fold_char)
}

/// A set of keys kept as 4096 bits (a bit per key modulo 4096): it says for certain that a key
/// is absent, and that it may be present otherwise. Posts, phrase lists and the function words
/// of language identification each keep one, so that most lookups are a bit test.
#[derive(Debug, Clone)]
pub struct KeyFilter(Box<[u64; 64]>);

impl Default for KeyFilter {
    fn default() -> Self {
        Self(Box::new([0; 64]))
    }
}

impl KeyFilter {
    /// Adds `key`.
    pub fn insert(&mut self, key: u64) {
        self.0[(key as usize >> 6) & 63] |= 1 << (key & 63);
    }

    /// Whether `key` may have been added (no means certainly not).
    #[inline]
    pub fn may_contain(&self, key: u64) -> bool {
        self.0[(key as usize >> 6) & 63] & (1 << (key & 63)) != 0
    }

    /// Whether the two sets may share a key (no means certainly not): 64 ANDs.
    pub fn may_share(&self, other: &KeyFilter) -> bool {
        self.0.iter().zip(other.0.iter()).any(|(a, b)| a & b != 0)
    }
}

/// A hash of `fold(text)`: equal for `L’IA` and `l'ia`.
pub fn key(text: &str) -> u64 {
    let bytes = text.as_bytes();
    if let [b] = bytes
        && !b.is_ascii_alphanumeric()
        && b.is_ascii()
    {
        return punctuation_key(*b);
    }
    if bytes.is_ascii() && !bytes.contains(&b'`') {
        return hash(bytes, true);
    }
    // Fold into a buffer (on the stack unless the text is long), then hash.
    let mut buffer = [0u8; 128];
    let mut len = 0;
    let mut spilled: Vec<u8> = Vec::new();
    let mut push = |c: char| {
        let mut encoded = [0u8; 4];
        let encoded = c.encode_utf8(&mut encoded).as_bytes();
        if spilled.is_empty() && len + encoded.len() <= buffer.len() {
            buffer[len..len + encoded.len()].copy_from_slice(encoded);
            len += encoded.len();
        } else {
            if spilled.is_empty() {
                spilled.extend_from_slice(&buffer[..len]);
            }
            spilled.extend_from_slice(encoded);
        }
    };
    for c in text.chars() {
        if c.is_ascii() && c != '`' {
            push(c.to_ascii_lowercase());
        } else if ('\u{DF}'..='\u{FF}').contains(&c) && c != '÷' {
            // Latin-1's small letters (`è`, `é`, `ñ`, `ß`) are their own lowercase.
            push(c);
        } else {
            fold_char(c).for_each(&mut push);
        }
    }
    if spilled.is_empty() { hash(&buffer[..len], false) } else { hash(&spilled, false) }
}

/// A 64-bit hash of `bytes`, read 8 at a time; with `lowercase`, ASCII capitals are read as
/// small letters (exactly as `to_ascii_lowercase` would make them) on the way.
#[inline]
fn hash(bytes: &[u8], lowercase: bool) -> u64 {
    hash_range(bytes, 0..bytes.len(), lowercase)
}

/// `hash` of `text[range]`. The last 1 to 7 bytes are read as one word padded with zeros: from
/// `text` itself when it has 8 bytes there (and the extra bytes masked off), else copied. The
/// length comes in last, so that `ascii_word` can hash a word before it knows where it ends.
#[inline]
fn hash_range(text: &[u8], range: Range<usize>, lowercase: bool) -> u64 {
    let mut h = HASH_SEED;
    let mut i = range.start;
    // A capital's high bit shifted to 0x20 makes it small.
    let lower = |word: u64| if lowercase { word | (between(word, b'A', b'Z') >> 2) } else { word };
    while i + 8 <= range.end {
        let word = u64::from_le_bytes(text[i..i + 8].try_into().expect("8 bytes"));
        h = mix(h, lower(word));
        i += 8;
    }
    if i < range.end {
        let rest = range.end - i;
        let word = if i + 8 <= text.len() {
            u64::from_le_bytes(text[i..i + 8].try_into().expect("8 bytes")) & (u64::MAX >> (64 - 8 * rest))
        } else {
            let mut last = [0u8; 8];
            last[..rest].copy_from_slice(&text[i..range.end]);
            u64::from_le_bytes(last)
        };
        h = mix(h, lower(word));
    }
    finish(h, range.len())
}

const HASH_K: u64 = 0xf135_7aea_2e62_a9c5;
const HASH_SEED: u64 = 0x243f_6a88_85a3_08d3;

#[inline]
fn mix(h: u64, word: u64) -> u64 {
    (h ^ word).wrapping_mul(HASH_K).rotate_left(26)
}

/// The hash of a text of `len` bytes whose 8-byte words were mixed into `h`.
#[inline]
fn finish(h: u64, len: usize) -> u64 {
    let h = (h ^ len as u64).wrapping_mul(HASH_K);
    h ^ (h >> 29)
}

/// Whether `c` is a Hangul syllable (Korean, which spaces its words but writes particles and
/// endings onto them).
pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7AF}').contains(&c)
}

/// Whether `c` is of a script that puts no space between words or after punctuation: Han,
/// kana, Thai (and their full-width forms).
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

/// The byte length of the list marker that `head` (a line's text from its first non-blank
/// character) starts with: a bullet (`•`, `-`, `*`, `–`, `✅`…) or a number and `.` or `)`.
pub fn list_marker_len(head: &str) -> Option<usize> {
    const BULLETS: [char; 10] = ['•', '-', '*', '+', '–', '·', '▪', '►', '✅', '👉'];
    if let Some(bullet) = head.chars().next().filter(|c| BULLETS.contains(c)) {
        return Some(bullet.len_utf8());
    }
    let numbered = head.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = head.len() - numbered.len();
    (digits > 0 && numbered.starts_with(['.', ')'])).then_some(digits + 1)
}

/// Whether `a` and `b` differ by exactly one insertion, deletion, substitution or swap.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (da, db) = (a.len() - prefix - suffix, b.len() - prefix - suffix);
    match (da, db) {
        (0, 1) | (1, 0) | (1, 1) => true,
        (2, 2) => a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix],
        _ => false,
    }
}

/// Whether `a` becomes `b` in at most `limit` letters added, dropped or changed (Levenshtein
/// distance, in characters), worked out only as far as `limit` needs.
pub fn edit_distance_at_most(a: &str, b: &str, limit: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let change = previous[j] + usize::from(x != y);
            current[j + 1] = change.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        if current.iter().all(|&d| d > limit) {
            return false;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()] <= limit
}

#[cfg(test)]
mod tests {

    #[test]
    fn non_ascii_finds_every_character_outside_ascii_at_its_offset() {
        let text = "plain ascii text, then é at 23; a long ascii run 0123456789€ and 🚀";
        let expected: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| !c.is_ascii()).collect();
        assert_eq!(super::non_ascii(text).collect::<Vec<_>>(), expected);
        assert_eq!(super::non_ascii("only ascii here, long enough").count(), 0);
        assert_eq!(super::non_ascii("é").collect::<Vec<_>>(), [(0, 'é')]);
    }

    use super::*;

    #[test]
    fn edit_distance_counts_letters_added_dropped_or_changed() {
        assert!(edit_distance_at_most("previsoni", "previsioni", 1));
        assert!(edit_distance_at_most("setore", "settore", 1));
        assert!(edit_distance_at_most("kitten", "sitting", 3));
        assert!(!edit_distance_at_most("kitten", "sitting", 2));
        assert!(!edit_distance_at_most("word", "a completely different text", 3));
        assert!(edit_distance_at_most("", "abc", 3));
        assert!(edit_distance_at_most("città", "citta", 1));
    }

    #[test]
    fn one_edit_apart_means_one_edit() {
        assert!(one_edit_apart("write2ern", "write2earn"));
        assert!(one_edit_apart("wirte2earn", "write2earn"));
        assert!(!one_edit_apart("write2earn", "write2earn"));
        assert!(!one_edit_apart("wrte2ern", "write2earn"));
    }

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
    fn word_tokens_carry_the_key_and_capital_flag_of_their_text() {
        // Words of every length around the 8-byte reads, with the bytes next to each class's
        // edges (`/` `:` before and after digits, `@` `[` around capitals, `` ` `` `{` around
        // small letters), at the end of the text and not.
        let alphabet = b"/09:@AZ[_`az{";
        for len in 1..=19 {
            let word: String =
                (0..len).map(|i| char::from(alphabet[(i * 7 + len) % alphabet.len()])).collect();
            for text in
                [word.clone(), format!("{word} x"), format!("Ab{word}"), format!("ok_{word}rest_of_it")]
            {
                for token in tokenize(&text).into_iter().filter(|t| t.is_word) {
                    let found = &text[token.range.clone()];
                    assert_eq!(token.key, key(found), "{found:?} in {text:?}");
                    assert_eq!(token.has_capital, found.chars().any(char::is_uppercase), "{found:?}");
                    assert!(found.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'), "{found:?}");
                }
            }
        }
    }

    #[test]
    fn keys_ignore_case_and_apostrophe_style() {
        assert_eq!(key("L’IA"), key("l'ia"));
        assert_eq!(key("Bitcoin@[ZAzaÉ"), key("bitcoin@[zazaé"));
        assert_eq!(key("AN-EXACT-LONGER-ASCII-WORD"), key("an-exact-longer-ascii-word"));
        assert_ne!(key("@"), key("`"));
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

/// The characters of `text` outside ASCII, with their byte offsets, found eight bytes at a time:
/// for checks that only look at such characters (invisible ones, mis-decoded ones), most of a
/// post is skipped without decoding it.
pub fn non_ascii(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + 8 <= bytes.len() {
            let high = high_bits(&bytes[i..i + 8]);
            if high != 0 {
                i += (high.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        while i < bytes.len() && bytes[i] < 0x80 {
            i += 1;
        }
        let c = text[i..].chars().next()?;
        let at = i;
        i += c.len_utf8();
        Some((at, c))
    })
}

/// How many bytes of `bytes` are outside ASCII (the bytes of non-ASCII characters), counted
/// eight at a time.
pub fn non_ascii_bytes(bytes: &[u8]) -> usize {
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder().iter().filter(|b| !b.is_ascii()).count();
    tail + chunks.map(|chunk| high_bits(chunk).count_ones() as usize).sum::<usize>()
}

/// The high bit of each of eight bytes, in place: non-zero if any of them is outside ASCII.
fn high_bits(eight: &[u8]) -> u64 {
    u64::from_le_bytes(eight.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080
}
