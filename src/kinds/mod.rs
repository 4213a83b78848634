//! Kinds: the closed set of checkers that rules are instances of. A rule file picks a kind and
//! gives it parameters; the kind's `compile` reads them once, and its `Check` runs on every post.

mod cashtags;
mod delimiters;
mod forbid;
mod glued;
pub mod hashtags;
mod invisible;
mod label;
mod line_start;
mod links;
mod metric;
mod mojibake;
mod near_miss;
mod repetition;
mod require;
mod sentence_start;
mod spacing;
mod spelling;
mod title_case;
mod whitespace;

use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::toml_file::TomlFile;
use std::ops::Range;
use toml::Spanned;

/// The kind names a rule file may use.
pub const KINDS: &[&str] = &[
    "require",
    "forbid",
    "near-miss",
    "label",
    "spacing",
    "hashtags",
    "cashtags",
    "line-start",
    "metric",
    "title-case",
    "links",
    "whitespace",
    "repetition",
    "delimiters",
    "glued",
    "mojibake",
    "invisible",
    "sentence-start",
    "spelling",
];

/// A compiled rule's checker, shared by all threads.
pub trait Check: Send + Sync {
    /// Appends what it finds in `doc` to `out`.
    fn check(&self, doc: &Document, out: &mut Vec<Finding>);

    /// Whether its findings give way to other rules': one that overlaps another rule's
    /// diagnostic is dropped (a general dictionary check yields to the specific rules).
    fn yields(&self) -> bool {
        false
    }
}

/// One thing a check found, before the rule turns it into a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub range: Range<usize>,
    /// Values for the message's placeholders (`found` is added by the rule).
    pub vars: Vec<(&'static str, String)>,
    /// A title and the edits that repair the problem, if the kind knows them.
    pub fix: Option<(String, Vec<Edit>)>,
}

impl Finding {
    /// A finding at `range` with no fix.
    pub fn at(range: Range<usize>) -> Self {
        Self { range, vars: Vec::new(), fix: None }
    }

    /// Adds a placeholder value.
    pub fn var(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.vars.push((name, value.into()));
        self
    }

    /// Adds a fix.
    pub fn fix(mut self, title: impl Into<String>, edits: Vec<Edit>) -> Self {
        self.fix = Some((title.into(), edits));
        self
    }
}

/// A kind's checker and the placeholder names its messages may use.
pub struct Compiled {
    pub check: Box<dyn Check>,
    pub vars: &'static [&'static str],
}

/// Where a rule is being compiled, to point errors at the right place.
pub struct Context<'a> {
    /// The file the parameters come from.
    pub file: &'a TomlFile,
    /// The rule's kind, where errors about the rule as a whole point.
    pub kind: &'a Spanned<String>,
}

impl Context<'_> {
    /// An error at `span` of the file.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        self.file.error(span, message)
    }

    /// The value of the kind's `check` parameter, which must be one of `choices`.
    pub fn check_name(
        &self,
        rule: &mut RawRule,
        choices: &[&'static str],
    ) -> Result<&'static str, ConfigError> {
        let check = self.required(rule.check.take(), "check")?;
        choices.iter().copied().find(|c| *c == check.as_ref()).ok_or_else(|| {
            let (last, others) = choices.split_last().expect("a kind has checks");
            let expected =
                if others.is_empty() { last.to_string() } else { format!("{} or {last}", others.join(", ")) };
            let message =
                format!("unknown {} check `{}`; expected {expected}", self.kind.as_ref(), check.as_ref());
            self.error(check.span(), message)
        })
    }

    /// The value of a parameter the kind cannot do without.
    pub fn required<T>(&self, value: Option<Spanned<T>>, name: &str) -> Result<Spanned<T>, ConfigError> {
        value.ok_or_else(|| {
            self.error(
                self.kind.span(),
                format!("kind `{}` needs the parameter `{name}`", self.kind.as_ref()),
            )
        })
    }
}

/// The documentation of `kind`: the `//!` header of its source file (what it catches, what it
/// never fires on, an example, its fix), as `rules explain` prints it.
pub fn documentation(kind: &str) -> String {
    let source = match kind {
        "require" => include_str!("require.rs"),
        "forbid" => include_str!("forbid.rs"),
        "near-miss" => include_str!("near_miss.rs"),
        "label" => include_str!("label.rs"),
        "spacing" => include_str!("spacing.rs"),
        "hashtags" => include_str!("hashtags.rs"),
        "cashtags" => include_str!("cashtags.rs"),
        "line-start" => include_str!("line_start.rs"),
        "metric" => include_str!("metric.rs"),
        "title-case" => include_str!("title_case.rs"),
        "links" => include_str!("links.rs"),
        "whitespace" => include_str!("whitespace.rs"),
        "repetition" => include_str!("repetition.rs"),
        "delimiters" => include_str!("delimiters.rs"),
        "glued" => include_str!("glued.rs"),
        "mojibake" => include_str!("mojibake.rs"),
        "invisible" => include_str!("invisible.rs"),
        "sentence-start" => include_str!("sentence_start.rs"),
        "spelling" => include_str!("spelling.rs"),
        _ => "",
    };
    source
        .lines()
        .map_while(|line| line.strip_prefix("//!"))
        .map(|line| format!("  {}\n", line.trim_start()))
        .collect()
}

/// Compiles `rule` with its kind, taking the parameters the kind reads out of `rule`.
pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    match rule.kind.as_ref().as_str() {
        "require" => require::compile(rule, cx),
        "forbid" => forbid::compile(rule, cx),
        "near-miss" => near_miss::compile(rule, cx),
        "label" => label::compile(rule, cx),
        "spacing" => spacing::compile(rule, cx),
        "hashtags" => hashtags::compile(rule, cx),
        "cashtags" => cashtags::compile(rule, cx),
        "line-start" => line_start::compile(rule, cx),
        "metric" => metric::compile(rule, cx),
        "title-case" => title_case::compile(rule, cx),
        "links" => links::compile(rule, cx),
        "whitespace" => whitespace::compile(rule, cx),
        "repetition" => repetition::compile(rule, cx),
        "delimiters" => delimiters::compile(rule, cx),
        "glued" => glued::compile(rule, cx),
        "mojibake" => mojibake::compile(rule, cx),
        "invisible" => invisible::compile(rule, cx),
        "sentence-start" => sentence_start::compile(rule, cx),
        "spelling" => spelling::compile(rule, cx),
        other => Err(cx.error(
            rule.kind.span(),
            format!("unknown kind `{other}`; expected one of {}", KINDS.join(", ")),
        )),
    }
}

/// Compiles a list of regular expressions, pointing at the one that is wrong.
pub fn compile_patterns(
    patterns: Option<Spanned<Vec<Spanned<String>>>>,
    cx: &Context,
) -> Result<Vec<regex::Regex>, ConfigError> {
    let patterns = patterns.map(Spanned::into_inner).unwrap_or_default();
    patterns.iter().map(|p| compile_regex(p.as_ref(), p.span(), cx)).collect()
}

/// Compiles one regular expression; a mistake is an error at `span`.
pub fn compile_regex(pattern: &str, span: Range<usize>, cx: &Context) -> Result<regex::Regex, ConfigError> {
    regex::Regex::new(pattern).map_err(|e| {
        // The regex crate's message draws the pattern over several lines; keep the gist.
        let text = e.to_string();
        let gist = text.lines().last().unwrap_or_default().trim_start_matches("error: ");
        cx.error(span, format!("invalid regular expression: {gist}"))
    })
}
