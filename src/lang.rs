//! A small language guesser: counts each language's common function words among a post's words.
//! It only needs to pick the language of a fix text (a disclaimer to append) among a few; a
//! post too short or too mixed to tell gets no guess.

use crate::document::Document;
use crate::words::key;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Function words that are frequent in one language and rare in the others listed.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "is", "are", "of", "to", "this", "that", "with", "for", "it", "will", "you", "be",
            "have",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "è", "non", "della", "per", "gli", "una", "sono", "anche", "più", "nel",
            "alla", "questo",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "que", "es", "una", "por", "con", "para", "del", "está", "más", "pero",
            "como", "muy",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "est", "une", "pour", "que", "qui", "dans", "pas", "sur", "avec", "du", "au",
            "sont",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "für", "auf", "sich", "auch",
            "den", "zu",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "não", "uma", "para", "com", "que", "é", "do", "da", "mais", "como", "em", "são",
            "isso",
        ],
    ),
];

static WORDS: LazyLock<FxHashMap<u64, Vec<usize>>> = LazyLock::new(|| {
    let mut words: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (index, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
        for word in *list {
            words.entry(key(word)).or_default().push(index);
        }
    }
    words
});

/// The language code (`en`, `it`, `es`, `fr`, `de`, `pt`) whose function words are clearly the
/// most frequent among the post's first 400 words, if one is: at least two hits, and more than
/// any other language.
pub fn guess(doc: &Document) -> Option<&'static str> {
    let mut counts = [0usize; FUNCTION_WORDS.len()];
    for token in doc.tokens.iter().filter(|t| t.is_word).take(400) {
        for &language in WORDS.get(&token.key).into_iter().flatten() {
            counts[language] += 1;
        }
    }
    let best = (0..counts.len()).max_by_key(|&i| counts[i])?;
    let clear = counts[best] >= 2 && counts.iter().enumerate().all(|(i, &c)| i == best || c < counts[best]);
    clear.then_some(FUNCTION_WORDS[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn guess_of(text: &str) -> Option<&'static str> {
        let source = Source::new("a.txt", text.into());
        guess(&Document::new(&source, None))
    }

    #[test]
    fn tells_the_languages_apart() {
        assert_eq!(guess_of("Bitcoin will reach 200k this year, and that is the plan."), Some("en"));
        assert_eq!(guess_of("Il prezzo di Ethereum salirà, non è una previsione."), Some("it"));
        assert_eq!(guess_of("El precio de Solana sube porque la red es más rápida."), Some("es"));
        assert_eq!(guess_of("Le prix du Bitcoin est stable pour le moment."), Some("fr"));
        assert_eq!(guess_of("Der Preis ist nicht stabil und die Gebühren steigen."), Some("de"));
        assert_eq!(guess_of("O preço não é estável para os investidores."), Some("pt"));
        assert_eq!(guess_of("BTC 100k"), None);
    }
}
