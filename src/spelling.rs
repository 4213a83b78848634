//! Spelling resources: Hunspell dictionaries found at run time, and the word lists that add
//! the domain's vocabulary and the team's own words.
//!
//! A language's dictionary is looked for, in order, in the `dictionaries` folders of
//! `postlint.toml`, the folders of `$DICPATH`, and the system's folders (`/usr/share/hunspell`
//! and the like), as `LANG.dic`, `LANG_REGION.dic` with the usual region first (`it_IT`,
//! `en_US`), then any `LANG_*.dic`; its `.aff` file must sit next to it. Dictionaries are read
//! once per run, when the first post in their language needs one, and never copied into the
//! repository (several are GPL).

use crate::words::key;
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The built-in word lists (`rules/words/*.txt`), embedded in the binary.
pub const BUILTIN_WORDS: &[(&str, &str)] = &[
    ("rules/words/crypto.txt", include_str!("../rules/words/crypto.txt")),
    ("rules/words/elisions.txt", include_str!("../rules/words/elisions.txt")),
];

/// Where dictionaries and extra words come from, as the configuration says.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// Folders named by `dictionaries` in `postlint.toml`, searched first.
    pub dictionaries: Vec<PathBuf>,
    /// The texts of the word lists named by `words` in `postlint.toml`.
    pub word_lists: Vec<String>,
}

static SETUP: OnceLock<Setup> = OnceLock::new();

/// Sets where this run finds dictionaries and words; the first call wins.
pub fn configure(setup: Setup) {
    let _ = SETUP.set(setup);
}

/// The words every language accepts: the built-in lists and the team's (keys, so any case).
/// An entry ending in an apostrophe (`dell'`) is an elided article or preposition.
pub fn known_words() -> &'static FxHashSet<u64> {
    static WORDS: OnceLock<FxHashSet<u64>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let team = SETUP.get().map(|s| s.word_lists.as_slice()).unwrap_or_default();
        let texts = BUILTIN_WORDS.iter().map(|(_, text)| *text).chain(team.iter().map(String::as_str));
        texts.flat_map(word_list).map(key).collect()
    })
}

/// The entries of a word list: one per line; `#` starts a comment.
pub fn word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|line| line.split('#').next().unwrap_or_default().trim()).filter(|w| !w.is_empty())
}

/// A loaded Hunspell dictionary.
pub struct Dictionary {
    pub path: PathBuf,
    pub words: spellbook::Dictionary,
}

impl Dictionary {
    /// Whether it is an English dictionary (`en.dic`, `en_US.dic`, …).
    pub fn is_english(&self) -> bool {
        let stem = self.path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        stem == "en" || stem.starts_with("en_")
    }
}

/// What looking for a language's dictionary gave.
#[derive(Clone)]
pub enum Found {
    Loaded(Arc<Dictionary>),
    /// None in any folder searched.
    Missing,
    /// One was found but could not be read; the message names it.
    Unreadable(String),
}

/// The dictionary for language `lang` (a code such as `it`), read on first use.
pub fn dictionary(lang: &str) -> Found {
    type Slot = Arc<OnceLock<Found>>;
    static LOADED: OnceLock<Mutex<FxHashMap<String, Slot>>> = OnceLock::new();
    let slot = {
        let mut loaded = LOADED.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
        loaded.entry(lang.to_owned()).or_default().clone()
    };
    slot.get_or_init(|| match find(lang, &search_path()) {
        None => Found::Missing,
        Some(dic) => match read(&dic) {
            Ok(words) => Found::Loaded(Arc::new(Dictionary { path: dic, words })),
            Err(message) => Found::Unreadable(message),
        },
    })
    .clone()
}

/// The folders searched for dictionaries, in order.
fn search_path() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = SETUP.get().map(|s| s.dictionaries.clone()).unwrap_or_default();
    if let Some(paths) = std::env::var_os("DICPATH") {
        dirs.extend(std::env::split_paths(&paths));
    }
    dirs.extend(
        [
            "/usr/share/hunspell",
            "/usr/share/myspell",
            "/usr/share/myspell/dicts",
            "/usr/local/share/hunspell",
        ]
        .map(PathBuf::from),
    );
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join("Library/Spelling"));
    }
    dirs.push(PathBuf::from("/Library/Spelling"));
    dirs
}

/// The `.dic` file for `lang` in the first of `dirs` that has one (with its `.aff`).
fn find(lang: &str, dirs: &[PathBuf]) -> Option<PathBuf> {
    let usual = format!("{lang}_{}", usual_region(lang));
    for dir in dirs {
        let mut names = vec![lang.to_owned(), usual.clone()];
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut others: Vec<String> = entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter_map(|name| name.strip_suffix(".dic").map(str::to_owned))
                .filter(|stem| stem.strip_prefix(lang).is_some_and(|rest| rest.starts_with(['_', '-'])))
                .collect();
            others.sort();
            names.extend(others);
        }
        for name in names {
            let dic = dir.join(format!("{name}.dic"));
            if dic.is_file() && dic.with_extension("aff").is_file() {
                return Some(dic);
            }
        }
    }
    None
}

/// The region whose dictionary stands for a language when several are installed.
fn usual_region(lang: &str) -> &'static str {
    match lang {
        "en" => "US",
        "pt" => "BR",
        "vi" => "VN",
        "ar" => "SA",
        "ko" => "KR",
        "ur" => "PK",
        "ja" => "JP",
        "zh" => "CN",
        "it" => "IT",
        "es" => "ES",
        "fr" => "FR",
        "de" => "DE",
        "tr" => "TR",
        "ru" => "RU",
        "id" => "ID",
        _ => "",
    }
}

/// Reads a dictionary and its affix file, in the character set the affix file names (`SET`).
fn read(dic: &Path) -> Result<spellbook::Dictionary, String> {
    let aff = dic.with_extension("aff");
    let bytes = |path: &Path| std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    let (aff_bytes, dic_bytes) = (bytes(&aff)?, bytes(dic)?);
    let charset = aff_bytes
        .split(|&b| b == b'\n')
        .find_map(|line| line.strip_prefix(b"SET "))
        .map(|name| String::from_utf8_lossy(name).trim().to_owned())
        .unwrap_or_else(|| "UTF-8".to_owned());
    let encoding = encoding_rs::Encoding::for_label(charset.as_bytes())
        .ok_or_else(|| format!("{}: unknown character set `{charset}` in its SET line", aff.display()))?;
    let (aff_text, _, _) = encoding.decode(&aff_bytes);
    let (dic_text, _, _) = encoding.decode(&dic_bytes);
    spellbook::Dictionary::new(&aff_text, &dic_text).map_err(|e| format!("{}: {e}", dic.display()))
}

/// The Debian or Ubuntu package with the dictionary for `lang`, if there is one.
pub fn package(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "en" => "hunspell-en-us",
        "it" => "hunspell-it",
        "es" => "hunspell-es",
        "fr" => "hunspell-fr",
        "de" => "hunspell-de-de",
        "pt" => "hunspell-pt-br",
        "ru" => "hunspell-ru",
        "tr" => "hunspell-tr",
        "vi" => "hunspell-vi",
        "id" => "hunspell-id",
        "ar" => "hunspell-ar",
        "ko" => "hunspell-ko",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_plain_name_then_the_usual_region_then_any_region() {
        let dir = tempfile::tempdir().unwrap();
        let touch = |name: &str| {
            std::fs::write(dir.path().join(format!("{name}.dic")), "1\nword\n").unwrap();
            std::fs::write(dir.path().join(format!("{name}.aff")), "SET UTF-8\n").unwrap();
        };
        let dirs = [dir.path().to_owned()];
        assert_eq!(find("it", &dirs), None);
        touch("it_CH");
        assert_eq!(find("it", &dirs), Some(dir.path().join("it_CH.dic")));
        touch("it_IT");
        assert_eq!(find("it", &dirs), Some(dir.path().join("it_IT.dic")));
        touch("it");
        assert_eq!(find("it", &dirs), Some(dir.path().join("it.dic")));
        // `ita.dic` is not Italian with a region.
        assert_eq!(find("i", &dirs), None);
    }

    #[test]
    fn reads_a_dictionary_in_the_character_set_its_affix_file_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("fr.aff"), b"SET ISO8859-1\n").unwrap();
        std::fs::write(dir.path().join("fr.dic"), b"1\ncaf\xe9\n").unwrap();
        let words = read(&dir.path().join("fr.dic")).unwrap();
        assert!(words.check("café"));
        assert!(!words.check("cafe"));
    }
}
