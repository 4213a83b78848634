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
}

/// One `[[rule]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub severity: Spanned<String>,
    pub message: Spanned<String>,
    pub help: Option<String>,
    pub fix: Option<Spanned<String>>,
    #[serde(default)]
    pub examples: Vec<Spanned<Example>>,
    #[serde(default)]
    pub allow: Vec<Spanned<String>>,

    // Kind parameters.
    /// Phrases (`require`, `forbid`).
    pub any: Option<Spanned<Vec<String>>>,
    /// Regular expressions (`require`, `forbid`).
    pub patterns: Option<Spanned<Vec<Spanned<String>>>>,
    /// Phrase → replacement (`forbid`).
    pub replace: Option<Spanned<BTreeMap<String, String>>>,
    /// Correctly spelled terms (`near-miss`).
    pub terms: Option<Spanned<Vec<String>>>,
    /// Words that are template labels wherever they stand in a label shape (`label`).
    pub template: Option<Spanned<Vec<String>>>,
    /// Words that are also ordinary section headings (`label`).
    pub sections: Option<Spanned<Vec<String>>>,
    /// Punctuation marks that need a space after them (`spacing`).
    pub after: Option<Spanned<String>>,
    /// What to check: `count`, `placement` or `campaign` (`hashtags`).
    pub check: Option<Spanned<String>>,
    /// An upper limit (`hashtags` count).
    pub max: Option<Spanned<usize>>,
    /// The canonical spellings of campaign tags (`hashtags` campaign).
    pub canonical: Option<Spanned<Vec<String>>>,
    /// Text to append, by language code (`require`).
    pub append: Option<Spanned<BTreeMap<String, String>>>,
}

impl RawRule {
    /// The kind parameters still present, with their spans: after a kind took the ones it
    /// reads, these are the ones that do not apply to it.
    pub fn leftover_parameters(&self) -> Vec<(&'static str, Range<usize>)> {
        fn at<T>(
            name: &'static str,
            value: &Option<Spanned<T>>,
        ) -> Option<(&'static str, Range<usize>)> {
            value.as_ref().map(|v| (name, v.span()))
        }
        [
            at("any", &self.any),
            at("patterns", &self.patterns),
            at("replace", &self.replace),
            at("terms", &self.terms),
            at("template", &self.template),
            at("sections", &self.sections),
            at("after", &self.after),
            at("check", &self.check),
            at("max", &self.max),
            at("canonical", &self.canonical),
            at("append", &self.append),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}
