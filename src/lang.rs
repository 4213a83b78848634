//! Guessing a post's language when it is not configured: by script for the languages with their
//! own (zh, ja, ko, ru, ar, ur, and vi by its letters), else by counting each Latin-script
//! language's common function words. A post too short or too mixed to tell gets no guess, and
//! rules that depend on the language then stay quiet.

use crate::document::Document;
use crate::words::key;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The languages postlint knows, as codes.
pub const LANGUAGES: &[&str] =
    &["en", "it", "es", "fr", "de", "pt", "tr", "ru", "vi", "id", "zh", "ar", "ja", "ko", "ur"];

/// Whether `code` has the shape of a language code (`en`, `it`, `fil`): two or three small
/// letters.
pub fn is_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// Function words that are frequent in one Latin-script language and rarer in the others.
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
    (
        "tr",
        &[
            "ve", "bir", "bu", "için", "ile", "çok", "daha", "olarak", "değil", "gibi", "ama", "en", "olan",
            "kadar", "şu",
        ],
    ),
    (
        "id",
        &[
            "dan", "yang", "di", "ini", "itu", "untuk", "dengan", "tidak", "adalah", "akan", "dari", "ke",
            "juga", "pada", "kita",
        ],
    ),
];

/// Each function word's key, with its languages: bit `i` for `FUNCTION_WORDS[i]`.
type FunctionWords = FxHashMap<u64, u32>;

const _: () = assert!(FUNCTION_WORDS.len() <= 32, "a language is a bit of a u32");

/// The function words' keys, with the languages each belongs to, and a 4096-bit filter of those
/// keys that turns most other words away before the map is asked.
static WORDS: LazyLock<(FunctionWords, [u64; 64])> = LazyLock::new(|| {
    let mut words = FunctionWords::default();
    let mut filter = [0u64; 64];
    for (index, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
        for word in *list {
            let key = key(word);
            *words.entry(key).or_default() |= 1 << index;
            filter[(key as usize >> 6) & 63] |= 1 << (key & 63);
        }
    }
    (words, filter)
});

/// The post's language if it can be told: its script when at least a fifth of its letters are
/// in one that few languages use; else the Latin-script language whose function words are the
/// most frequent among its first 400 words, with at least 3 hits and a third more than the
/// runner-up.
pub fn guess(doc: &Document) -> Option<&'static str> {
    // Text that is nearly all ASCII is in a Latin script without Vietnamese's many letters.
    let sample = &doc.prose.as_bytes()[..doc.prose.len().min(4096)];
    if crate::words::non_ascii_bytes(sample) * 33 > sample.len()
        && let Some(by_script) = script(&doc.prose)
    {
        return Some(by_script);
    }
    let mut counts = [0usize; FUNCTION_WORDS.len()];
    let (words, filter) = &*WORDS;
    for token in doc.tokens.iter().filter(|t| t.is_word).take(400) {
        if filter[(token.key as usize >> 6) & 63] & (1 << (token.key & 63)) == 0 {
            continue;
        }
        let mut languages = words.get(&token.key).copied().unwrap_or(0);
        while languages != 0 {
            counts[languages.trailing_zeros() as usize] += 1;
            languages &= languages - 1;
        }
    }
    let mut ranked: Vec<usize> = (0..counts.len()).collect();
    ranked.sort_by_key(|&i| std::cmp::Reverse(counts[i]));
    let (best, second) = (counts[ranked[0]], counts[ranked[1]]);
    (best >= 3 && best * 3 > second * 4).then_some(FUNCTION_WORDS[ranked[0]].0)
}

/// The language of a post written in a script of its own, if any.
fn script(text: &str) -> Option<&'static str> {
    let (mut letters, mut han, mut kana, mut hangul, mut cyrillic, mut arabic, mut urdu, mut viet) =
        (0usize, 0, 0, 0, 0, 0, 0, 0);
    for c in text.chars() {
        if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
            if letters >= 2000 {
                break;
            }
            continue;
        }
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        if letters >= 2000 {
            break;
        }
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => han += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x0400..=0x04FF => cyrillic += 1,
            // Letters Urdu writes and Arabic does not.
            0x0679 | 0x0688 | 0x0691 | 0x06BA | 0x06BE | 0x06C1 | 0x06CC | 0x06D2 | 0x06A9 | 0x06AF => {
                urdu += 1;
                arabic += 1;
            }
            0x0600..=0x06FF => arabic += 1,
            0x0103 | 0x0111 | 0x01A1 | 0x01B0 | 0x1EA0..=0x1EF9 => viet += 1,
            _ => {}
        }
    }
    let share = |n: usize| n * 5 >= letters && n > 0;
    if share(kana) || (share(han) && kana > 0) {
        Some("ja")
    } else if share(han) {
        Some("zh")
    } else if share(hangul) {
        Some("ko")
    } else if share(cyrillic) {
        Some("ru")
    } else if share(arabic) {
        Some(if urdu * 10 >= arabic { "ur" } else { "ar" })
    } else if viet * 20 >= letters && viet >= 3 {
        Some("vi")
    } else {
        None
    }
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
        assert_eq!(
            guess_of("Il prezzo di Ethereum salirà, non è una previsione per il mercato."),
            Some("it")
        );
        assert_eq!(
            guess_of("El precio de Solana sube porque la red es más rápida que las otras."),
            Some("es")
        );
        assert_eq!(guess_of("Le prix du Bitcoin est stable pour le moment, pas de panique."), Some("fr"));
        assert_eq!(
            guess_of("Der Preis ist nicht stabil und die Gebühren steigen mit dem Volumen."),
            Some("de")
        );
        assert_eq!(guess_of("O preço não é estável para os investidores, e isso é normal."), Some("pt"));
        assert_eq!(
            guess_of("Bitcoin bu hafta çok daha güçlü ve bir rekor kırdı, ama dikkat gibi."),
            Some("tr")
        );
        assert_eq!(
            guess_of("Harga Bitcoin naik dan ini adalah rekor yang tidak biasa untuk kita."),
            Some("id")
        );
        assert_eq!(guess_of("Giá Bitcoin đã tăng mạnh trong tuần này, nhà đầu tư rất vui."), Some("vi"));
        assert_eq!(guess_of("比特币今日突破新高，投资者应保持谨慎。"), Some("zh"));
        assert_eq!(guess_of("ビットコインは今日も上昇しました。投資は自己責任で。"), Some("ja"));
        assert_eq!(guess_of("비트코인이 오늘 사상 최고치를 기록했습니다."), Some("ko"));
        assert_eq!(guess_of("Биткоин сегодня вырос на пять процентов."), Some("ru"));
        assert_eq!(guess_of("ارتفع سعر البيتكوين اليوم بشكل كبير"), Some("ar"));
        assert_eq!(guess_of("بٹ کوائن کی قیمت آج بہت بڑھ گئی ہے"), Some("ur"));
        assert_eq!(guess_of("BTC 100k"), None);
    }
}
