//! The schema of a rule file: TOML with one `[[rule]]` table per rule.
//!
//! Every rule has the common keys; the kind parameters below them are read by the rule's kind,
//! and a parameter that its kind does not read is an error, never silently ignored.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

/// A whole rule file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
}

/// A rule file read only for the place of each rule table, so each can be parsed on its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTables {
    #[serde(default)]
    pub rule: Vec<Spanned<serde::de::IgnoredAny>>,
}

/// Which fixes of a rule `--fix` may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FixSetting {
    /// Applied by `--fix`.
    Safe,
    /// Applied by `--fix --unsafe-fixes`.
    Unsafe,
    /// Suggested only.
    #[default]
    None,
}

/// A sample the rule must fire on, and the text its fixes must produce.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub bad: String,
    pub fixed: Option<String>,
    /// Parameter values for this example only (`with = { max = 50 }`), to show a limit on a
    /// short text.
    pub with: Option<Spanned<RuleSettings>>,
}

/// A list of phrases: one list for every language (`["NFA", "DYOR"]`), or lists by language
/// code, with `all` for the phrases that are the same everywhere
/// (`{ all = ["NFA"], en = ["not financial advice"], it = ["non è un consiglio finanziario"] }`).
#[derive(Debug, Clone)]
pub enum PhraseList {
    Shared(Vec<String>),
    ByLanguage(BTreeMap<String, Vec<String>>),
}

impl<'de> Deserialize<'de> for PhraseList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = PhraseList;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of phrases, or a table of such lists by language code")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<PhraseList, A::Error> {
                Deserialize::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(PhraseList::Shared)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<PhraseList, A::Error> {
                Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(PhraseList::ByLanguage)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl PhraseList {
    /// Every phrase, with its language (`None`: every language).
    pub fn entries(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            Self::Shared(all) => all.iter().map(|p| (None, p.as_str())).collect(),
            Self::ByLanguage(lists) => lists
                .iter()
                .flat_map(|(lang, list)| {
                    let lang = (lang != "all").then_some(lang.as_str());
                    list.iter().map(move |p| (lang, p.as_str()))
                })
                .collect(),
        }
    }

    /// The language codes it is keyed by, other than `all`.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        let keys = match self {
            Self::Shared(_) => None,
            Self::ByLanguage(lists) => Some(lists.keys().map(String::as_str).filter(|&k| k != "all")),
        };
        keys.into_iter().flatten()
    }

    /// Whether it holds no phrase.
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Shared(all) => all.is_empty(),
            Self::ByLanguage(lists) => lists.values().all(Vec::is_empty),
        }
    }
}

/// Declares the kind parameters once, and from that list the structs that carry them: a rule
/// table (`RawRule`) and a rule's settings in `postlint.toml` (`RuleSettings`). Both deny unknown
/// keys and keep every value's position.
macro_rules! with_kind_parameters {
    ($($(#[doc = $doc:literal])* $name:ident: $ty:ty,)*) => {
        /// One `[[rule]]` table as written.
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct RawRule {
            pub id: Spanned<String>,
            pub kind: Spanned<String>,
            pub severity: Spanned<String>,
            pub message: Spanned<String>,
            pub help: Option<Spanned<String>>,
            pub why: Option<String>,
            /// The languages the rule is for; none means every language.
            pub lang: Option<Spanned<Vec<String>>>,
            /// The post formats the rule is for (`text`, `markdown`); none means both.
            pub formats: Option<Spanned<Vec<String>>>,
            pub fix: Option<Spanned<String>>,
            #[serde(default)]
            pub examples: Vec<Spanned<Example>>,
            #[serde(default)]
            pub allow: Vec<Spanned<String>>,
            $($(#[doc = $doc])* pub $name: Option<Spanned<$ty>>,)*
        }

        /// A rule's settings in `postlint.toml` (`[rules.<id>]`): its severity, or `off`, and
        /// values for its kind's parameters.
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct RuleSettings {
            pub severity: Option<Spanned<String>>,
            $($(#[doc = $doc])* pub $name: Option<Spanned<$ty>>,)*
        }

        impl RawRule {
            /// The kind parameters still present, with their spans: after a kind took the ones
            /// it reads, these are the ones that do not apply to it.
            pub fn leftover_parameters(&self) -> Vec<(&'static str, Range<usize>)> {
                let mut left = Vec::new();
                $(if let Some(value) = &self.$name {
                    left.push((stringify!($name), value.span()));
                })*
                left
            }

            /// Takes the parameter values that `settings` gives, in place of the rule's own.
            pub fn apply(&mut self, settings: &RuleSettings) {
                $(if let Some(value) = &settings.$name {
                    self.$name = Some(value.clone());
                })*
            }
        }

        impl RuleSettings {
            /// Whether these settings give any parameter value (not just a severity).
            pub fn has_parameters(&self) -> bool {
                false $(|| self.$name.is_some())*
            }

            /// These settings with those of `later` on top: each key of `later` wins.
            pub fn merged(&self, later: &RuleSettings) -> RuleSettings {
                RuleSettings {
                    severity: later.severity.clone().or_else(|| self.severity.clone()),
                    $($name: later.$name.clone().or_else(|| self.$name.clone()),)*
                }
            }
        }
    };
}

with_kind_parameters! {
    /// Phrases (`require`, `forbid`, `line-start`, `hashtags`), for every language or by language.
    any: PhraseList,
    /// Phrases that make the requirement apply (`require`); without them it always applies.
    when: PhraseList,
    /// Phrases one of which a post must name for the requirement to apply (`require`: the
    /// assets an investment call is about), by language like `when`.
    topics: PhraseList,
    /// Phrases each of which cancels one `when` phrase or signal (`require`: reported views and
    /// worked examples, `analysts say`, `for example`), by language like `when`.
    against: PhraseList,
    /// Phrases that deny (`require`: with `subjects`, a denial of advice is a disclaimer).
    negations: PhraseList,
    /// What a negation denies (`require`: advice, recommendations), by language like it.
    subjects: PhraseList,
    /// How many words a negation and its subject may stand apart (`require`).
    within: usize,
    /// Regular expressions that count like `when` phrases (`require`: `$BTC`, `100k`).
    signals: Vec<Spanned<String>>,
    /// Regular expressions (`require`, `forbid`).
    patterns: Vec<Spanned<String>>,
    /// Phrase → replacement (`forbid`).
    replace: BTreeMap<String, String>,
    /// Regular expression → replacement, with `$1` for groups (`forbid`).
    rewrite: BTreeMap<String, String>,
    /// Correctly spelled terms (`near-miss`).
    terms: Vec<String>,
    /// Proper nouns that keep their capital (`title-case`).
    keep: Vec<String>,
    /// Domains links may point to, with their subdomains (`links`).
    domains: Vec<String>,
    /// Words that are template labels wherever they stand in a label shape (`label`).
    template: PhraseList,
    /// Words that are also ordinary section headings (`label`).
    sections: PhraseList,
    /// Punctuation marks that need a space after them (`spacing`).
    after: String,
    /// Punctuation marks that take no space before them (`spacing`).
    before: String,
    /// The `before` marks that do take a space before them, by language code (`spacing`).
    spaced: BTreeMap<String, String>,
    /// Words or abbreviations a check lets through (`repetition`: words that may be doubled;
    /// `sentence-start`: abbreviations after which a sentence goes on; `glued`: names written
    /// in camel case).
    except: Vec<String>,
    /// What to check: `count`, `placement` or `campaign` (`hashtags`).
    check: String,
    /// An upper limit (`hashtags` count, `metric`).
    max: usize,
    /// A lower limit (`metric`; `require`: how many different `when` phrases or `signals`).
    min: usize,
    /// The canonical spellings of campaign tags (`hashtags` campaign).
    canonical: Vec<String>,
    /// Text to append, by language code (`require`).
    append: BTreeMap<String, String>,
    /// Languages whose dictionaries report too many right words as unknown: not checked, and
    /// the run says so once (`spelling`).
    quiet: Vec<String>,
}
