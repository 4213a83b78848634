//! Spelling resources: Hunspell dictionaries found at run time, and the word lists that add
//! the domain's vocabulary and the team's own words.
//!
//! A language's dictionary is looked for, in order, in the `dictionaries` folders of
//! `postlint.toml`, the folders of `$DICPATH`, and the system's folders (`/usr/share/hunspell`
//! and the like), as `LANG.dic`, `LANG_REGION.dic` with the usual region first (`it_IT`,
//! `en_US`), then any `LANG_*.dic`; its `.aff` file must sit next to it. A dictionary is read
//! at most once per run, only when a word is not remembered from an earlier run (see
//! [`Lexicon`]), and never copied into the repository (several are GPL).

use crate::words::key;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};

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
    WORDS.get_or_init(|| all_entries().filter(|w| !w.ends_with('*')).map(key).collect())
}

/// The stems every language accepts with any ending: entries ending in `*` (`биткоин*` takes
/// `биткоина`, `биткоином`), for inflected languages whose dictionaries lack the trade's words.
pub fn known_stems() -> &'static FxHashSet<u64> {
    static STEMS: OnceLock<FxHashSet<u64>> = OnceLock::new();
    STEMS.get_or_init(|| all_entries().filter_map(|w| w.strip_suffix('*')).map(key).collect())
}

/// Whether `word` is a listed stem with an ending (or none).
pub fn has_known_stem(word: &str) -> bool {
    let stems = known_stems();
    !stems.is_empty()
        && word
            .char_indices()
            .skip(3)
            .map(|(i, _)| i)
            .chain([word.len()])
            .any(|end| stems.contains(&key(&word[..end])))
}

/// Every entry of the built-in and the team's word lists.
fn all_entries() -> impl Iterator<Item = &'static str> {
    let team = SETUP.get().map(|s| s.word_lists.as_slice()).unwrap_or_default();
    BUILTIN_WORDS.iter().map(|(_, text)| *text).chain(team.iter().map(String::as_str)).flat_map(word_list)
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
        self.is_language("en")
    }

    /// Whether it is a dictionary of language `code` (`de.dic`, `de_CH.dic`, …).
    pub fn is_language(&self, code: &str) -> bool {
        let stem = self.path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        stem.strip_prefix(code).is_some_and(|rest| rest.is_empty() || rest.starts_with(['_', '-']))
    }
}

/// What a word is, once judged: known, or unknown with the dictionary's suggestions once they
/// have been looked up (only for words that are reported: the look-up is the slow part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Known,
    Unknown(Option<Arc<[String]>>),
}

/// A language's spelling knowledge for one run: where its dictionary (and English's, for
/// borrowed words) is, read only when a word is not remembered from an earlier run, and the
/// verdicts remembered in the cache (`~/.cache/postlint`, or `$XDG_CACHE_HOME/postlint`).
///
/// Reading a large dictionary takes longer than checking a post (35 ms for Italian), so the
/// verdicts on the words seen are kept between runs, in a file named after everything they
/// depend on: this program's build, the dictionaries' paths, sizes and dates, and the word
/// lists. Any change to those starts a new file.
pub struct Lexicon {
    dic: PathBuf,
    english_dic: Option<PathBuf>,
    dictionary: OnceLock<Option<Arc<Dictionary>>>,
    english: OnceLock<Option<Arc<Dictionary>>>,
    remembered: FxHashMap<Box<str>, Verdict>,
    learned: Mutex<FxHashMap<String, Verdict>>,
    cache_file: Option<PathBuf>,
}

impl Lexicon {
    fn new(lang: &str, dic: PathBuf) -> Self {
        // A post in English may be in British or American English: the other region's
        // dictionary beside it is its second one, as the English one is for other languages.
        let english_dic = if lang == "en" { other_english(&dic) } else { find("en", &search_path()) };
        let cache_file = cache_dir()
            .map(|dir| dir.join(format!("spelling-{lang}-{:016x}.txt", identity(&dic, &english_dic))));
        let remembered = cache_file.as_deref().map(read_cache).unwrap_or_default();
        Self {
            dic,
            english_dic,
            dictionary: OnceLock::new(),
            english: OnceLock::new(),
            remembered,
            learned: Mutex::default(),
            cache_file,
        }
    }

    /// What an earlier run, or this one, found `word` to be.
    pub fn recall(&self, word: &str) -> Option<Verdict> {
        if let Some(verdict) = self.remembered.get(word) {
            return Some(verdict.clone());
        }
        self.learned.lock().unwrap_or_else(|e| e.into_inner()).get(word).cloned()
    }

    /// Remembers `verdict` on `word` for the rest of this run and, once saved, the next ones.
    pub fn learn(&self, word: &str, verdict: Verdict) {
        self.learned.lock().unwrap_or_else(|e| e.into_inner()).insert(word.to_owned(), verdict);
    }

    /// The dictionary's suggestions for `word`, which it does not know: words one or two edits
    /// away (not the n-gram search for distant words, which costs tens of milliseconds a
    /// word), one word each. Looked up once and remembered; `None` when this run has spent
    /// its time for looking up suggestions (`SUGGESTION_TIME`), so that a cold run of a post
    /// full of unknown words stays fast (a note says so; the next run finds them).
    pub fn suggestions(&self, word: &str) -> Option<Arc<[String]>> {
        if let Some(Verdict::Unknown(Some(found))) = self.recall(word) {
            return Some(found);
        }
        let dictionary = self.dictionary()?;
        if !suggestion_time_left() {
            crate::notes::once(format!(
                "spelling suggestions took over {} s, so some words were reported without them; \
                 they are remembered, so the next run gives the rest",
                SUGGESTION_TIME.as_secs()
            ));
            return None;
        }
        let started = std::time::Instant::now();
        let mut found = Vec::new();
        let word_as_typed = word.replace(['’', 'ʼ'], "'");
        dictionary.words.suggester().with_ngram_suggestions(false).suggest(&word_as_typed, &mut found);
        found.retain(|s| is_suggestion_for(&word_as_typed, s));
        spend_suggestion_time(started.elapsed());
        let found: Arc<[String]> = found.into();
        self.learn(word, Verdict::Unknown(Some(found.clone())));
        Some(found)
    }

    /// The language's dictionary, read on first use; `None` (with a note) if it cannot be read.
    pub fn dictionary(&self) -> Option<&Dictionary> {
        self.dictionary.get_or_init(|| load(&self.dic)).as_deref()
    }

    /// The English dictionary, for a post in another language, read on first use.
    pub fn english(&self) -> Option<&Dictionary> {
        self.english.get_or_init(|| self.english_dic.as_deref().and_then(load)).as_deref()
    }

    /// Writes what this run learned, with what was remembered, to the cache file; a cache that
    /// cannot be written is only a slower next run.
    fn save(&self) {
        let learned = self.learned.lock().unwrap_or_else(|e| e.into_inner());
        let Some(file) = self.cache_file.as_deref().filter(|_| !learned.is_empty()) else { return };
        // A cache that grew too big starts over with this run's words.
        let keep_old = self.remembered.len() + learned.len() <= MAX_REMEMBERED;
        let old = self
            .remembered
            .iter()
            .filter(|(w, _)| keep_old && !learned.contains_key(&***w))
            .map(|(w, v)| (&**w, v));
        let mut text = String::from(CACHE_HEADER);
        let all = old.chain(learned.iter().map(|(w, v)| (w.as_str(), v)));
        for (word, verdict) in all.filter(|(w, _)| is_cache_word(w)) {
            match verdict {
                Verdict::Known => text.push_str(&format!("+{word}\n")),
                Verdict::Unknown(None) => text.push_str(&format!("?{word}\n")),
                Verdict::Unknown(Some(suggestions)) => {
                    text.push('-');
                    text.push_str(word);
                    for suggestion in suggestions.iter() {
                        text.push('\t');
                        text.push_str(suggestion);
                    }
                    text.push('\n');
                }
            }
        }
        let Some(dir) = file.parent() else { return };
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| tempfile::NamedTempFile::new_in(dir))
            .and_then(|mut temp| {
                std::io::Write::write_all(&mut temp, text.as_bytes())?;
                temp.persist(file).map_err(|e| e.error)
            });
        if written.is_ok() {
            remove_stale_caches(dir, file);
        }
    }
}

/// The most verdicts a cache file keeps.
const MAX_REMEMBERED: usize = 200_000;

/// How long a cache file may go without being updated before it is deleted.
const STALE_AFTER: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// Deletes the cache files in `dir` other than `kept` that have not been updated for
/// `STALE_AFTER`: every new build, dictionary update or word-list change starts a new file, and
/// the old ones would pile up. At worst, a deleted cache costs one run the reading of its
/// dictionary again.
fn remove_stale_caches(dir: &Path, kept: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let path = entry.path();
        let ours =
            entry.file_name().to_str().is_some_and(|n| n.starts_with("spelling-") && n.ends_with(".txt"));
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|age| age > STALE_AFTER));
        if ours && stale && path != kept {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The first line of a cache file, with the format's version: a file without it is not read.
const CACHE_HEADER: &str = "# postlint spelling cache v2: +known, -unknown[<TAB>suggestion...], ?unknown (suggestions not looked up)\n";

/// The longest a cache file read may be (`MAX_REMEMBERED` lines of long words).
const MAX_CACHE_BYTES: u64 = 64 << 20;

/// How long a run may spend looking up suggestions, over all its threads.
pub const SUGGESTION_TIME: Duration = Duration::from_secs(1);

static SUGGESTION_NANOS_SPENT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn suggestion_time_left() -> bool {
    SUGGESTION_NANOS_SPENT.load(std::sync::atomic::Ordering::Relaxed) < SUGGESTION_TIME.as_nanos() as u64
}

fn spend_suggestion_time(spent: Duration) {
    let nanos = u64::try_from(spent.as_nanos()).unwrap_or(u64::MAX);
    SUGGESTION_NANOS_SPENT.fetch_add(nanos, std::sync::atomic::Ordering::Relaxed);
}

/// Whether `text` can be a word in the cache: not empty, not long, no space or control
/// character (the file's separators).
fn is_cache_word(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= 64
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `suggestion` may be offered for `word`: one word, a small edit from it (at most
/// three letters added, dropped or changed, case aside). The same test keeps what is looked up
/// and what a cache file may hold, so a file that holds anything else was not written by us.
pub fn is_suggestion_for(word: &str, suggestion: &str) -> bool {
    is_cache_word(suggestion)
        && suggestion != word
        && crate::words::edit_distance_at_most(&word.to_lowercase(), &suggestion.to_lowercase(), 3)
}

/// The lexicon of language `lang` (a code such as `it`), or `None` if no folder searched has
/// a dictionary for it.
pub fn lexicon(lang: &str) -> Option<Arc<Lexicon>> {
    let slot: Slot = {
        let mut all = LEXICONS.lock().unwrap_or_else(|e| e.into_inner());
        match all.get(lang) {
            Some(slot) => slot.clone(),
            None => all.entry(lang.to_owned()).or_default().clone(),
        }
    };
    slot.get_or_init(|| find(lang, &search_path()).map(|dic| Arc::new(Lexicon::new(lang, dic)))).clone()
}

/// A language's lexicon, looked for once (`None`: no dictionary).
type Slot = Arc<OnceLock<Option<Arc<Lexicon>>>>;

static LEXICONS: Mutex<BTreeMap<String, Slot>> = Mutex::new(BTreeMap::new());

/// Saves what every lexicon of this run learned, for the next runs.
pub fn save_caches() {
    let all: Vec<_> = LEXICONS.lock().unwrap_or_else(|e| e.into_inner()).values().cloned().collect();
    for lexicon in all.iter().filter_map(|slot| slot.get().cloned().flatten()) {
        lexicon.save();
    }
}

/// Reads the dictionary at `dic`; a failure is a note, and the language goes unchecked.
fn load(dic: &Path) -> Option<Arc<Dictionary>> {
    match read(dic) {
        Ok(words) => Some(Arc::new(Dictionary { path: dic.to_owned(), words })),
        Err(message) => {
            crate::notes::once(format!("a dictionary could not be read, so it was not used: {message}"));
            None
        }
    }
}

/// Where verdicts are kept between runs, if there is a home for them.
fn cache_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(&std::env::var_os("HOME")?).join(".cache"),
    };
    Some(base.join("postlint"))
}

/// A hash of everything a verdict depends on.
fn identity(dic: &Path, english_dic: &Option<PathBuf>) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    let mut add = |bytes: &[u8]| {
        hasher.write(bytes);
        hasher.write_u8(0xFF);
    };
    add(env!("CARGO_PKG_VERSION").as_bytes());
    let stamp = |path: &Path| {
        std::fs::metadata(path)
            .map(|m| format!("{} {} {:?}", path.display(), m.len(), m.modified().ok()))
            .unwrap_or_default()
    };
    // This build: a rebuilt program may judge words differently.
    if let Ok(exe) = std::env::current_exe() {
        add(stamp(&exe).as_bytes());
    }
    for path in [Some(dic.to_owned()), english_dic.clone()].into_iter().flatten() {
        add(stamp(&path).as_bytes());
        add(stamp(&path.with_extension("aff")).as_bytes());
    }
    for (_, text) in BUILTIN_WORDS {
        add(text.as_bytes());
    }
    for text in SETUP.get().map(|s| s.word_lists.as_slice()).unwrap_or_default() {
        add(text.as_bytes());
    }
    hasher.finish()
}

/// The verdicts in a cache file; none if it is missing, too large, of another version, or
/// holds a single line we would not have written (then the file is as good as gone: the next
/// save replaces it).
fn read_cache(file: &Path) -> FxHashMap<Box<str>, Verdict> {
    let Ok(metadata) = std::fs::metadata(file) else { return FxHashMap::default() };
    if !metadata.is_file() || metadata.len() > MAX_CACHE_BYTES {
        return FxHashMap::default();
    }
    let Ok(text) = std::fs::read_to_string(file) else { return FxHashMap::default() };
    parse_cache(&text).unwrap_or_default()
}

/// The verdicts in the text of a cache file, if every line is valid.
fn parse_cache(text: &str) -> Option<FxHashMap<Box<str>, Verdict>> {
    let body = text.strip_prefix(CACHE_HEADER)?;
    let mut verdicts = FxHashMap::default();
    for line in body.lines() {
        let (word, verdict) = match line.split_at_checked(1)? {
            ("+", word) => (word, Verdict::Known),
            ("?", word) => (word, Verdict::Unknown(None)),
            ("-", rest) => {
                let mut parts = rest.split('\t');
                let word = parts.next().unwrap_or_default();
                let suggestions: Vec<String> = parts.map(str::to_owned).collect();
                if !suggestions.iter().all(|s| is_suggestion_for(word, s)) {
                    return None;
                }
                (word, Verdict::Unknown(Some(suggestions.into())))
            }
            _ => return None,
        };
        if !is_cache_word(word) {
            return None;
        }
        verdicts.insert(word.into(), verdict);
    }
    Some(verdicts)
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
/// An English dictionary of another region (British first) in the folder of `dic`, if any.
fn other_english(dic: &Path) -> Option<PathBuf> {
    let dir = dic.parent()?;
    ["en_GB", "en_US", "en_AU", "en_CA"]
        .iter()
        .map(|name| dir.join(format!("{name}.dic")))
        .find(|path| path != dic && path.is_file() && path.with_extension("aff").is_file())
}

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
