//! Telling the language of a post and of each of its lines, when it is not stated.
//!
//! By script first: Chinese, Japanese, Korean, Russian, Arabic, Urdu and Vietnamese (by its
//! letters), and, to know them as languages postlint does not check, Ukrainian, Persian, Hindi,
//! Bengali, Thai, Greek, Hebrew and the other scripts of their own. Latin-script text is told by
//! its common function words — of the eight Latin-script languages postlint checks and of eleven it
//! does not (Polish, Romanian, Dutch, Tagalog, Swahili, Swedish, Czech, Frisian, Catalan, Malay, Danish) — and
//! by letters that only some languages write (`ł`, `ș`, `ř`, `ő`, `å`; `ğ`, `ß`, `ã`; Azerbaijani's `ə`,
//! which tells it from Turkish). Text
//! too short or too mixed to tell gets no answer; a line without one takes the post's language.
//!
//! Knowing more languages than postlint checks is the point: a Polish paragraph must be known
//! as Polish, not taken for the nearest language with a dictionary, so that nothing
//! language-specific (spelling above all) is said about it.

use crate::document::Document;
use crate::words::{KeyFilter, key};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The languages postlint checks, as codes.
pub const LANGUAGES: &[&str] =
    &["en", "it", "es", "fr", "de", "pt", "tr", "ru", "vi", "id", "zh", "ar", "ja", "ko", "ur"];

/// Whether postlint checks `code` (has rules, word lists or a dictionary for it).
pub fn is_checked(code: &str) -> bool {
    LANGUAGES.contains(&code)
}

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
            "alla", "questo", "dei", "delle", "degli", "nella", "sulla", "molto", "però",
        ],
    ),
    (
        "es",
        &[
            "de", "en", "el", "los", "las", "que", "es", "una", "por", "con", "para", "del", "está", "más",
            "pero", "como", "muy", "sus", "tus", "hay", "también", "y",
        ],
    ),
    (
        "fr",
        &[
            "de", "en", "le", "les", "des", "est", "une", "pour", "que", "qui", "dans", "pas", "sur", "avec",
            "du", "au", "sont",
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
            "de", "o", "os", "para", "que", "como", "não", "uma", "com", "é", "do", "da", "mais", "em",
            "são", "isso", "ao", "você", "também", "pelo", "pela", "seu", "sua", "nos",
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
            "bisa", "karena", "saja", "bahwa", "setelah", "harus", "uang", "dan", "yang", "di", "ini", "itu",
            "untuk", "dengan", "tidak", "adalah", "akan", "dari", "ke", "juga", "pada", "kita",
        ],
    ),
    // Languages postlint does not check, to know them when they come.
    (
        "pl",
        &[
            "się", "nie", "jest", "że", "na", "oraz", "dla", "przez", "już", "jak", "ale", "od", "są", "czy",
            "tylko", "który", "także", "jego",
        ],
    ),
    (
        "ro",
        &[
            "și", "este", "în", "pentru", "care", "că", "sunt", "din", "mai", "prin", "iar", "dar", "acest",
            "această", "fost", "sau", "cu",
        ],
    ),
    (
        "nl",
        &[
            "het", "een", "van", "dat", "zijn", "niet", "voor", "ook", "maar", "wordt", "bij", "naar",
            "deze", "nog", "wel", "heeft",
        ],
    ),
    (
        "tl",
        &[
            "ang", "ng", "mga", "ay", "ito", "hindi", "kung", "siya", "natin", "namin", "lang", "rin", "din",
            "naman", "kasi", "sa",
        ],
    ),
    // Hindi in Latin letters (Hinglish), as Indian writers post it: the same code as Hindi in
    // Devanagari, which its script tells.
    (
        "hi",
        &[
            "hai", "hain", "nahi", "nahin", "aur", "yeh", "kya", "bhi", "toh", "liye", "bahut", "abhi",
            "lekin", "kyunki", "matlab", "kuch", "apna", "apne", "aap", "mera", "meri", "hota", "hoti",
            "hote", "raha", "rahi", "rahe", "karna", "karta", "karte", "gaya", "phir", "wala", "wali",
            "wale", "ki",
        ],
    ),
    (
        "sw",
        &[
            "kwa", "ya", "wa", "katika", "hii", "kama", "lakini", "sana", "pia", "kuwa", "ili", "hivyo",
            "yake", "zaidi", "na", "ni",
        ],
    ),
    (
        "sv",
        &[
            "och", "är", "att", "det", "som", "på", "för", "med", "inte", "den", "till", "har", "också",
            "eller", "kan", "av",
        ],
    ),
    (
        "cs",
        &[
            "je", "se", "že", "jako", "ale", "pro", "jsou", "také", "nebo", "už", "který", "která", "bude",
            "jeho", "tak", "při",
        ],
    ),
    (
        "fy",
        &[
            "fan", "yn", "mei", "wurdt", "foar", "ek", "oan", "troch", "net", "hat", "dizze", "wie", "bin",
            "dit", "hjir", "wurde",
        ],
    ),
    (
        "ca",
        &[
            "després",
            "encara",
            "tothom",
            "hi",
            "ho",
            "pel",
            "pels",
            "teu",
            "teva",
            "meu",
            "meva",
            "diners",
            "amb",
            "els",
            "és",
            "però",
            "perquè",
            "molt",
            "moltes",
            "aquest",
            "aquesta",
            "són",
            "fins",
            "dels",
            "gràcies",
            "així",
            "seva",
            "seu",
            "això",
            "quan",
            "aquí",
            "doncs",
            "gairebé",
            "aleshores",
            "nosaltres",
            "vosaltres",
            "ells",
            "elles",
            "aquests",
            "aquestes",
            "tinc",
            "fer",
            "m'ha",
            "m'hi",
            "n'hi",
            "serà",
            "seran",
            "molts",
            "altres",
            "tots",
            "totes",
            "vaig",
            "només",
            "està",
            "què",
            "avui",
            "també",
            "ens",
            "uns",
            "unes",
            "mateix",
            "aquell",
            "aquella",
            "més",
            "per",
            // Catalan writes these Spanish function words too: they must not tell Spanish.
            "el",
            "del",
            "una",
        ],
    ),
    (
        "ms",
        &[
            "baharu",
            "kekal",
            "paras",
            "sokongan",
            "carta",
            "boleh",
            "kerana",
            "sahaja",
            "wang",
            "selepas",
            "mesti",
            "mahu",
            "daripada",
            "ialah",
            "tiada",
            "bahawa",
            "apabila",
            "sebarang",
            "manakala",
            "kebanyakan",
        ],
    ),
    (
        "da",
        &[
            "og", "er", "at", "det", "som", "på", "for", "med", "ikke", "den", "til", "har", "også", "eller",
            "kan", "af",
        ],
    ),
];

/// Letters that only one language (or a family postlint treats as one) writes, with it.
const LETTERS: &[(char, &str)] = &[
    ('ą', "pl"),
    ('ę', "pl"),
    ('ł', "pl"),
    ('ś', "pl"),
    ('ź', "pl"),
    ('ż', "pl"),
    ('ń', "pl"),
    ('ć', "pl"),
    ('ș', "ro"),
    ('ț', "ro"),
    ('ţ', "ro"),
    ('ă', "ro"),
    ('ř', "cs"),
    ('ě', "cs"),
    ('ů', "cs"),
    ('ť', "cs"),
    ('ď', "cs"),
    ('ŀ', "ca"),
    ('ő', "hu"),
    ('ű', "hu"),
    ('å', "sv"),
    ('ø', "da"),
    ('æ', "da"),
    ('ð', "is"),
    ('þ', "is"),
    ('ğ', "tr"),
    ('ı', "tr"),
    ('ş', "tr"),
    ('ß', "de"),
    ('ã', "pt"),
    ('õ', "pt"),
    ('œ', "fr"),
    ('ñ', "es"),
    // Azerbaijani's schwa, which Turkish does not write.
    ('ə', "az"),
];

/// The languages that can win a count: the function-word languages, then those of `LETTERS`
/// that have no function words.
static CANDIDATES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut all: Vec<&'static str> = FUNCTION_WORDS.iter().map(|(code, _)| *code).collect();
    for (_, code) in LETTERS {
        if !all.contains(code) {
            all.push(code);
        }
    }
    assert!(all.len() <= 40, "votes are counted in 40 slots");
    all
});

/// For each character below U+0260, 1 + the index among `CANDIDATES` of the language that
/// alone writes it (`LETTERS`), or 0: one load per accented letter.
static LETTER_CANDIDATES: LazyLock<[u8; 0x260]> = LazyLock::new(|| {
    let index = |code: &str| CANDIDATES.iter().position(|c| *c == code).expect("a candidate");
    let mut table = [0u8; 0x260];
    for &(letter, code) in LETTERS {
        table[letter as usize] = u8::try_from(index(code) + 1).expect("40 candidates at most");
    }
    table
});

/// Each function word's key, with its languages: bit `i` for `FUNCTION_WORDS[i]`.
type FunctionWords = FxHashMap<u64, u32>;

const _: () = assert!(FUNCTION_WORDS.len() <= 32, "a language is a bit of a u32");

/// The function words' keys, with the languages each belongs to, and a 4096-bit filter of those
/// keys that turns most other words away before the map is asked.
static WORDS: LazyLock<(FunctionWords, KeyFilter)> = LazyLock::new(|| {
    let mut words = FunctionWords::default();
    let mut filter = KeyFilter::default();
    for (index, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
        for word in *list {
            let key = key(word);
            *words.entry(key).or_default() |= 1 << index;
            filter.insert(key);
        }
    }
    (words, filter)
});

/// How much evidence a verdict needs: a whole post is sampled and must show more.
#[derive(Clone, Copy)]
struct Evidence {
    /// The fewest votes the winner needs.
    min_votes: usize,
}

const POST: Evidence = Evidence { min_votes: 3 };
const LINE: Evidence = Evidence { min_votes: 2 };

/// How many words of a post its guess reads at most.
const POST_WORDS: usize = 400;

/// The languages the word with `key` is a function word of: bit `i` for the `i`-th of the
/// function-word languages. `Document` asks once per token, so that the post's guess and each
/// line's identification only add bits up.
pub fn function_word_languages(key: u64) -> u32 {
    let (words, filter) = &*WORDS;
    if !filter.may_contain(key) {
        return 0;
    }
    words.get(&key).copied().unwrap_or(0)
}

/// Whether the word with `key` is a function word of another language than `lang` (`della`,
/// `juga`): in a line of `lang`, such a word is a quotation, not a slip.
pub fn is_function_word_of_another(key: u64, lang: &str) -> bool {
    let (words, _) = &*WORDS;
    let Some(&languages) = words.get(&key) else { return false };
    let own = FUNCTION_WORDS.iter().position(|(code, _)| *code == lang).map_or(0, |i| 1u32 << i);
    languages & own == 0
}

/// Whether Chinese `text` is written in traditional characters: it uses more of the common
/// characters that only the traditional script has (`這 個 們 為 說 價 買 賣`) than of their
/// simplified forms (`这 个 们 为 说 价 买 卖`).
pub fn is_traditional_chinese(text: &str) -> bool {
    const TRADITIONAL: &str = "這個們為說價買賣會將與於險議資幣場漲跌後時來國對經";
    const SIMPLIFIED: &str = "这个们为说价买卖会将与于险议资币场涨跌后时来国对经";
    let (mut traditional, mut simplified) = (0usize, 0usize);
    for c in text.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)) {
        traditional += usize::from(TRADITIONAL.contains(c));
        simplified += usize::from(SIMPLIFIED.contains(c));
    }
    traditional > simplified
}

/// The post's language if it can be told (see the module's documentation); it may be one that
/// postlint does not check.
pub fn guess(doc: &Document) -> Option<&'static str> {
    let sample = &doc.prose[..floor_char_boundary(&doc.prose, 4096)];
    let end = doc
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_word)
        .nth(POST_WORDS)
        .map_or(doc.tokens.len(), |(i, _)| i);
    identify(sample, &doc.function_words[..end], POST)
}

/// The language of `line` of `doc`, if it shows enough of one.
pub fn of_line(doc: &Document, line: std::ops::Range<usize>) -> Option<&'static str> {
    let start = doc.token_at(line.start);
    let end = start + doc.tokens[start..].partition_point(|t| t.range.end <= line.end);
    if end - start < 2 { None } else { identify(&doc.prose[line], &doc.function_words[start..end], LINE) }
}

/// The language of `text`, whose tokens are function words of the languages in
/// `function_words` (see `function_word_languages`), if it shows enough `evidence` of one.
fn identify(text: &str, function_words: &[u32], evidence: Evidence) -> Option<&'static str> {
    // Text that is nearly all ASCII is in a Latin script without Vietnamese's many letters.
    let non_ascii = crate::words::non_ascii_bytes(text.as_bytes());
    if non_ascii * 33 > text.len()
        && let Some(by_script) = script(text)
    {
        // Cyrillic without a letter that tells Russian from Ukrainian: a post is more likely
        // Russian; a line says nothing, and takes its post's language.
        return match by_script {
            "" if evidence.min_votes < POST.min_votes => None,
            "" => Some("ru"),
            code => Some(code),
        };
    }
    let candidates = &*CANDIDATES;
    let mut votes = [0usize; 40];
    for &languages in function_words {
        let mut languages = languages;
        while languages != 0 {
            votes[languages.trailing_zeros() as usize] += 1;
            languages &= languages - 1;
        }
    }
    if non_ascii > 0 {
        // Small letters only: a capital such as `Ã` or `Å` is more often a byte of garbled
        // text (`Ã©` for `é`) than a word's first letter.
        // (`LETTERS` are all small letters.)
        let letters = &*LETTER_CANDIDATES;
        for (_, c) in crate::words::non_ascii(text) {
            if let Some(&slot) = letters.get(c as usize)
                && slot > 0
            {
                votes[usize::from(slot) - 1] += 1;
            }
        }
    }
    // The two languages with the most votes, in one pass.
    let (mut first, mut best, mut second) = (0, 0, 0);
    for (index, &n) in votes.iter().enumerate().take(candidates.len()) {
        if n > best {
            (first, best, second) = (index, n, best);
        } else if n > second {
            second = n;
        }
    }
    // Azerbaijani writes Turkish's letters too, and its schwa, which Turkish never does.
    let az = candidates.iter().position(|c| *c == "az");
    if candidates[first] == "tr" && az.is_some_and(|az| votes[az] >= 2) {
        return (best >= evidence.min_votes).then_some("az");
    }
    (best >= evidence.min_votes && best * 3 > second * 4).then_some(candidates[first])
}

/// The largest char boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// Scripts of languages postlint does not check, by code-point range.
const OTHER_SCRIPTS: &[(u32, u32, &str)] = &[
    (0x0370, 0x03FF, "el"),
    (0x0530, 0x058F, "hy"),
    (0x0590, 0x05FF, "he"),
    (0x0900, 0x097F, "hi"),
    (0x0980, 0x09FF, "bn"),
    (0x0A00, 0x0A7F, "pa"),
    (0x0A80, 0x0AFF, "gu"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0C00, 0x0C7F, "te"),
    (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"),
    (0x0D80, 0x0DFF, "si"),
    (0x0E00, 0x0E7F, "th"),
    (0x0E80, 0x0EFF, "lo"),
    (0x1000, 0x109F, "my"),
    (0x10A0, 0x10FF, "ka"),
    (0x1200, 0x137F, "am"),
    (0x1780, 0x17FF, "km"),
];

/// The language of text written in a script of its own, if any: one that holds at least a
/// fifth of its letters. Empty for Cyrillic without a letter only Russian or Ukrainian writes.
fn script(text: &str) -> Option<&'static str> {
    let (mut letters, mut han, mut kana, mut hangul, mut cyrillic, mut arabic, mut viet) =
        (0usize, 0, 0, 0, 0, 0, 0);
    // Letters that tell Ukrainian from Russian, and Urdu and Persian from Arabic.
    let (mut ukrainian, mut russian, mut urdu, mut persian, mut arabic_only) = (0usize, 0, 0, 0, 0);
    let mut others = [0usize; OTHER_SCRIPTS.len()];
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
        let code = c as u32;
        // Accented Latin letters (`è`, `ñ`, `ł`) belong to no script of its own.
        if code < 0x250 && code != 0x111 && code != 0x1A1 && code != 0x1B0 {
            continue;
        }
        match code {
            0x3040..=0x30FF => kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => han += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x0400..=0x04FF => {
                cyrillic += 1;
                match c {
                    'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => ukrainian += 1,
                    'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => russian += 1,
                    _ => {}
                }
            }
            0x0600..=0x06FF => {
                arabic += 1;
                match code {
                    // Letters Urdu writes and Arabic and Persian do not.
                    0x0679 | 0x0688 | 0x0691 | 0x06BA | 0x06BE | 0x06C1 | 0x06D2 => urdu += 1,
                    // Persian's (and Urdu's) letters for p, ch, zh, g, k and y.
                    0x067E | 0x0686 | 0x0698 | 0x06AF | 0x06A9 | 0x06CC => persian += 1,
                    // Arabic's k, y and tā' marbūṭa, which Persian and Urdu write otherwise.
                    0x0643 | 0x064A | 0x0629 => arabic_only += 1,
                    _ => {}
                }
            }
            // Not `ă`, which Romanian writes too.
            0x0111 | 0x01A1 | 0x01B0 | 0x1EA0..=0x1EF9 => viet += 1,
            _ => {
                if let Some(i) = OTHER_SCRIPTS.iter().position(|&(lo, hi, _)| (lo..=hi).contains(&code)) {
                    others[i] += 1;
                }
            }
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
        Some(if ukrainian > russian {
            "uk"
        } else if russian > 0 {
            "ru"
        } else {
            ""
        })
    } else if share(arabic) {
        Some(if urdu * 20 >= arabic && urdu > 0 {
            "ur"
        } else if persian > arabic_only {
            "fa"
        } else {
            "ar"
        })
    } else if viet * 20 >= letters && viet >= 3 {
        Some("vi")
    } else {
        let (i, &most) = others.iter().enumerate().max_by_key(|&(_, n)| *n)?;
        share(most).then_some(OTHER_SCRIPTS[i].2)
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
        // Hindi in Latin letters, with the trade's English words.
        assert_eq!(
            guess_of(
                "Agar price resistance break nahi karta, to correction ho sakta hai. Lekin yeh level bhi strong hai."
            ),
            Some("hi")
        );
        assert_eq!(guess_of("BTC 100k"), None);
    }

    #[test]
    fn knows_languages_it_does_not_check() {
        assert_eq!(guess_of("Cena bitcoina rośnie, a inwestorzy są zadowoleni z wyników."), Some("pl"));
        assert_eq!(
            guess_of("Bu post sizin yolculuğunuzun başlanğıc nöqtəsidir, şərhlərdə fikirlərinizi bölüşün."),
            Some("az")
        );
        assert_eq!(guess_of("Prețul Bitcoin a crescut în această săptămână și este stabil."), Some("ro"));
        assert_eq!(guess_of("Ціна біткоїна зростає, і інвестори задоволені."), Some("uk"));
        assert_eq!(guess_of("Ang presyo ng Bitcoin ay tumaas ngayong linggo dahil sa mga ETF."), Some("tl"));
        assert_eq!(guess_of("Bei ya Bitcoin imepanda kwa sana wiki hii, lakini kuwa makini."), Some("sw"));
        assert_eq!(
            guess_of("De prijs van Bitcoin is deze week niet gedaald, maar het blijft spannend."),
            Some("nl")
        );
        assert_eq!(guess_of("बिटकॉइन की कीमत आज बढ़ गई है।"), Some("hi"));
        assert_eq!(guess_of("বিটকয়েনের দাম আজ বেড়েছে।"), Some("bn"));
        assert_eq!(guess_of("ราคาบิตคอยน์วันนี้เพิ่มขึ้น"), Some("th"));
        assert_eq!(guess_of("قیمت بیت کوین امروز افزایش یافت و سرمایه گذاران خوشحال هستند"), Some("fa"));
    }

    #[test]
    fn each_line_has_its_own_language_when_it_shows_one() {
        let text = "Bitcoin will reach 200k this year, and that is the plan.\n\
                    Il prezzo di Ethereum salirà, non è una previsione.\n\
                    To the moon\n\
                    Cena bitcoina rośnie, a inwestorzy są zadowoleni.\n";
        let source = Source::new("a.txt", text.into());
        let doc = Document::new(&source, None);
        let languages: Vec<_> = doc.lines().map(|line| of_line(&doc, line)).collect();
        assert_eq!(languages, [Some("en"), Some("it"), Some("en"), Some("pl"), None]);
    }
}
