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
mod mixed_script;
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
use crate::pattern::Pattern;
use crate::rule_file::RawRule;
use crate::toml_file::TomlFile;
use std::ops::Range;
use toml::Spanned;

/// A kind: its name in rule files, how it compiles a rule, and its source file, whose `//!`
/// header is its documentation.
struct Kind {
    name: &'static str,
    compile: fn(&mut RawRule, &Context) -> Result<Compiled, ConfigError>,
    source: &'static str,
}

/// The kinds a rule file may use.
const KINDS: &[Kind] = &[
    Kind { name: "require", compile: require::compile, source: include_str!("require.rs") },
    Kind { name: "forbid", compile: forbid::compile, source: include_str!("forbid.rs") },
    Kind { name: "near-miss", compile: near_miss::compile, source: include_str!("near_miss.rs") },
    Kind { name: "label", compile: label::compile, source: include_str!("label.rs") },
    Kind { name: "spacing", compile: spacing::compile, source: include_str!("spacing.rs") },
    Kind { name: "hashtags", compile: hashtags::compile, source: include_str!("hashtags.rs") },
    Kind { name: "cashtags", compile: cashtags::compile, source: include_str!("cashtags.rs") },
    Kind { name: "line-start", compile: line_start::compile, source: include_str!("line_start.rs") },
    Kind { name: "metric", compile: metric::compile, source: include_str!("metric.rs") },
    Kind { name: "title-case", compile: title_case::compile, source: include_str!("title_case.rs") },
    Kind { name: "links", compile: links::compile, source: include_str!("links.rs") },
    Kind { name: "whitespace", compile: whitespace::compile, source: include_str!("whitespace.rs") },
    Kind { name: "repetition", compile: repetition::compile, source: include_str!("repetition.rs") },
    Kind { name: "delimiters", compile: delimiters::compile, source: include_str!("delimiters.rs") },
    Kind { name: "glued", compile: glued::compile, source: include_str!("glued.rs") },
    Kind { name: "mojibake", compile: mojibake::compile, source: include_str!("mojibake.rs") },
    Kind { name: "invisible", compile: invisible::compile, source: include_str!("invisible.rs") },
    Kind { name: "mixed-script", compile: mixed_script::compile, source: include_str!("mixed_script.rs") },
    Kind {
        name: "sentence-start",
        compile: sentence_start::compile,
        source: include_str!("sentence_start.rs"),
    },
    Kind { name: "spelling", compile: spelling::compile, source: include_str!("spelling.rs") },
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

    /// Whether its findings explain their bytes for every other rule: another rule's
    /// diagnostic that overlaps one is dropped until it is repaired (garbled text reads as
    /// stray spaces and quotes, and a fix there would destroy the bytes the repair needs).
    fn supersedes(&self) -> bool {
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
    let source = KINDS.iter().find(|k| k.name == kind).map_or("", |k| k.source);
    source
        .lines()
        .map_while(|line| line.strip_prefix("//!"))
        .map(|line| format!("  {}\n", line.trim_start()))
        .collect()
}

/// Compiles `rule` with its kind, taking the parameters the kind reads out of `rule`.
pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let name = rule.kind.as_ref().as_str();
    match KINDS.iter().find(|k| k.name == name) {
        Some(kind) => (kind.compile)(rule, cx),
        None => {
            let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
            let message = format!("unknown kind `{name}`; expected one of {}", names.join(", "));
            Err(cx.error(rule.kind.span(), message))
        }
    }
}

/// The entries of a phrase list parameter (none if absent), after checking that every
/// language it is keyed by is one postlint knows.
pub fn phrase_entries(
    list: &Option<Spanned<crate::rule_file::PhraseList>>,
    cx: &Context,
) -> Result<Vec<(Option<String>, String)>, ConfigError> {
    let Some(list) = list else { return Ok(Vec::new()) };
    if let Some(unknown) = list.as_ref().languages().find(|l| !crate::lang::is_checked(l)) {
        let known = crate::lang::LANGUAGES.join(", ");
        return Err(
            cx.error(list.span(), format!("unknown language `{unknown}`; use `all` or one of {known}"))
        );
    }
    let entries = list.as_ref().entries();
    if entries.iter().any(|(_, phrase)| phrase.trim().is_empty()) {
        return Err(cx.error(list.span(), "an empty phrase would match nowhere (or everywhere); remove it"));
    }
    Ok(entries.into_iter().map(|(l, p)| (l.map(str::to_owned), p.to_owned())).collect())
}

/// A phrase list parameter compiled (empty if absent).
pub fn compile_phrases(
    list: &Option<Spanned<crate::rule_file::PhraseList>>,
    cx: &Context,
) -> Result<crate::phrases::Phrases, ConfigError> {
    let entries = phrase_entries(list, cx)?;
    Ok(crate::phrases::Phrases::new(entries.iter().map(|(l, p)| (l.as_deref(), p.as_str()))))
}

/// Reads a list of regular expressions, pointing at the one that is wrong.
pub fn read_patterns(
    patterns: Option<Spanned<Vec<Spanned<String>>>>,
    cx: &Context,
) -> Result<Vec<Pattern>, ConfigError> {
    let patterns = patterns.map(Spanned::into_inner).unwrap_or_default();
    patterns.iter().map(|p| read_pattern(p.as_ref(), p.span(), cx)).collect()
}

/// Reads one regular expression; a mistake is an error at `span`.
pub fn read_pattern(pattern: &str, span: Range<usize>, cx: &Context) -> Result<Pattern, ConfigError> {
    Pattern::new(pattern).map_err(|gist| cx.error(span, format!("invalid regular expression: {gist}")))
}
