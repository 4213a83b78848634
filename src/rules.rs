//! Rules: loaded from TOML rule files (the built-in ones are embedded in the binary), checked
//! for mistakes with exact positions, and compiled once into a `RuleSet` shared by all threads.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::error::{ConfigError, Error};
use crate::kinds::{self, Check, Context, Finding};
use crate::rule_file::{Example, FixSetting, RawRule, RuleFile, RuleTables};
use crate::template::Template;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The built-in rule files, as `(name, text)`.
pub const BUILTIN: &[(&str, &str)] = &[
    ("rules/disclaimers.toml", include_str!("../rules/disclaimers.toml")),
    ("rules/hashtags.toml", include_str!("../rules/hashtags.toml")),
    ("rules/labels.toml", include_str!("../rules/labels.toml")),
    ("rules/spelling.toml", include_str!("../rules/spelling.toml")),
    ("rules/typography.toml", include_str!("../rules/typography.toml")),
];

/// A compiled rule.
pub struct Rule {
    pub id: String,
    pub kind: String,
    pub severity: Severity,
    pub message: Template,
    pub help: Option<String>,
    pub fix: FixSetting,
    pub examples: Vec<Example>,
    pub allow: Vec<String>,
    /// The rule file and 1-based line of the rule's table.
    pub origin: (String, usize),
    check: Box<dyn Check>,
}

/// The rules a run applies, in the order they were loaded.
#[derive(Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// Loads the built-in rules (unless `builtin` is false), then the rule files in `extra`
    /// (directories are read for `*.toml`, in name order). A rule with the id of a built-in
    /// one replaces it. Every mistake found is returned, not just the first.
    pub fn load(builtin: bool, extra: &[PathBuf]) -> Result<Self, Vec<Error>> {
        let mut errors = Vec::new();
        let mut base = Vec::new();
        if builtin {
            for (name, text) in BUILTIN {
                parse_file(name, text, &mut base, &mut errors);
            }
        }
        let mut user = Vec::new();
        for path in extra {
            match rule_files(path) {
                Ok(files) => {
                    for file in files {
                        match std::fs::read_to_string(&file) {
                            Ok(text) => {
                                parse_file(&file.display().to_string(), &text, &mut user, &mut errors)
                            }
                            Err(e) => errors.push(Error::io(file.display(), &e)),
                        }
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        let mut rules = base;
        for rule in user {
            match rules.iter_mut().find(|r| r.id == rule.id) {
                Some(slot) => *slot = rule,
                None => rules.push(rule),
            }
        }
        if errors.is_empty() { Ok(Self { rules }) } else { Err(errors) }
    }

    /// Parses rule files given as `(name, text)`, without the built-in rules.
    pub fn from_texts<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, Vec<Error>> {
        let (mut rules, mut errors) = (Vec::new(), Vec::new());
        for (name, text) in files {
            parse_file(name, text, &mut rules, &mut errors);
        }
        if errors.is_empty() { Ok(Self { rules }) } else { Err(errors) }
    }

    /// The rule with id `id`.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

impl Rule {
    /// Runs this rule alone on `doc`.
    pub fn run(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut findings = Vec::new();
        self.check.check(doc, &mut findings);
        findings.into_iter().map(|f| self.diagnostic(doc, f)).collect()
    }

    fn diagnostic(&self, doc: &Document, finding: Finding) -> Diagnostic {
        let mut vars = finding.vars;
        vars.push(("found", doc.text()[finding.range.clone()].to_owned()));
        let fix = finding.fix.map(|(title, edits)| {
            let declared = match self.fix {
                FixSetting::Safe => Applicability::Safe,
                FixSetting::Unsafe => Applicability::Unsafe,
                FixSetting::None => Applicability::DisplayOnly,
            };
            let verbatim = edits.iter().all(|e| doc.is_verbatim(&e.range));
            let applicability = if verbatim { declared } else { Applicability::DisplayOnly };
            Fix { title, edits, applicability }
        });
        Diagnostic {
            rule: self.id.clone(),
            severity: self.severity,
            range: finding.range,
            message: self.message.render(&vars),
            help: self.help.clone(),
            fix,
        }
    }
}

/// The rule files at `path`: the file itself, or a directory's `*.toml` files in name order.
fn rule_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let metadata = std::fs::metadata(path).map_err(|e| Error::io(path.display(), &e))?;
    if !metadata.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| Error::io(path.display(), &e))? {
        let entry = entry.map_err(|e| Error::io(path.display(), &e))?;
        let file = entry.path();
        if file.extension().is_some_and(|ext| ext == "toml") {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// `text` with everything outside `keep` blanked to spaces (line breaks kept), so that a part
/// of a TOML file parses on its own with the positions it has in the whole file.
fn isolate(text: &str, keep: Range<usize>) -> String {
    let blank = |part: &str| part.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }).collect::<String>();
    format!("{}{}{}", blank(&text[..keep.start]), &text[keep.clone()], blank(&text[keep.end..]))
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && id.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Parses and compiles one rule file, appending its rules to `rules` and its mistakes to `errors`.
fn parse_file(name: &str, text: &str, rules: &mut Vec<Rule>, errors: &mut Vec<Error>) {
    let file = RuleFileText { name, text: Arc::from(text) };
    // First only the places of the rule tables; then each table is parsed on its own, so that
    // one bad rule does not hide the others.
    let tables = match toml::from_str::<RuleTables>(text) {
        Ok(tables) => tables.rule,
        Err(e) => {
            return errors.push(Error::Config(file.error(e.span().unwrap_or(0..0), e.message())));
        }
    };
    // A `[[rule]]` table runs from its header to the next one. Rules written as an inline array
    // (`rule = [{ … }]`) are parsed together.
    let starts: Vec<usize> = tables.iter().map(|t| t.span().start).collect();
    let parts: Vec<Range<usize>> =
        if !starts.is_empty() && starts.iter().all(|&s| text[s..].starts_with("[[")) {
            starts.iter().zip(starts.iter().skip(1).chain([&text.len()])).map(|(&a, &b)| a..b).collect()
        } else {
            std::iter::once(0..text.len()).collect()
        };
    for part in parts {
        match toml::from_str::<RuleFile>(&isolate(text, part.clone())) {
            Ok(parsed) => {
                for raw in parsed.rule {
                    match file.compile(raw, rules) {
                        Ok(rule) => rules.push(rule),
                        Err(e) => errors.push(Error::Config(e)),
                    }
                }
            }
            Err(e) => {
                let header = part.start..part.start + text[part.clone()].find('\n').unwrap_or(part.len());
                errors.push(Error::Config(file.error(e.span().unwrap_or(header), e.message())));
            }
        }
    }
}

/// A rule file being compiled.
struct RuleFileText<'a> {
    name: &'a str,
    text: Arc<str>,
}

impl RuleFileText<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: self.name.to_owned(),
            text: self.text.clone(),
            span,
            message: message.into(),
            notes: Vec::new(),
        }
    }

    /// Checks and compiles one rule table; `earlier` are the rules already loaded alongside it.
    fn compile(&self, table: Spanned<RawRule>, earlier: &[Rule]) -> Result<Rule, ConfigError> {
        let line = self.text[..table.span().start].matches('\n').count() + 1;
        let mut raw = table.into_inner();
        let id = raw.id.clone();
        if !is_kebab_case(id.as_ref()) {
            return Err(self.error(
                id.span(),
                format!("rule id `{}` must be kebab-case, e.g. `missing-space`", id.as_ref()),
            ));
        }
        if let Some(first) = earlier.iter().find(|r| r.id == *id.as_ref()) {
            let mut e = self.error(id.span(), format!("duplicate rule id `{}`", id.as_ref()));
            e.notes.push(format!("first defined at {}:{}", first.origin.0, first.origin.1));
            return Err(e);
        }
        let severity = match raw.severity.as_ref().as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            other => {
                return Err(self.error(
                    raw.severity.span(),
                    format!("unknown severity `{other}`; expected error, warning or info"),
                ));
            }
        };
        let fix = match raw.fix.as_ref().map(|f| (f.as_ref().as_str(), f.span())) {
            None | Some(("none", _)) => FixSetting::None,
            Some(("safe", _)) => FixSetting::Safe,
            Some(("unsafe", _)) => FixSetting::Unsafe,
            Some((other, span)) => {
                return Err(
                    self.error(span, format!("unknown fix setting `{other}`; expected safe, unsafe or none"))
                );
            }
        };
        let kind = raw.kind.clone();
        let cx = Context { file: self.name, text: &self.text, kind: &kind };
        let compiled = kinds::compile(&mut raw, &cx)?;
        if let Some((param, span)) = raw.leftover_parameters().into_iter().next() {
            return Err(self.error(span, format!("`{param}` is not a parameter of kind `{}`", kind.as_ref())));
        }
        if raw.message.as_ref().trim().is_empty() {
            return Err(self.error(raw.message.span(), "the message is empty"));
        }
        let message = Template::parse(raw.message.as_ref(), compiled.vars)
            .map_err(|why| self.error(raw.message.span(), why))?;
        Ok(Rule {
            id: id.into_inner(),
            kind: kind.into_inner(),
            severity,
            message,
            help: raw.help,
            fix,
            examples: raw.examples.into_iter().map(Spanned::into_inner).collect(),
            allow: raw.allow.into_iter().map(Spanned::into_inner).collect(),
            origin: (self.name.to_owned(), line),
            check: compiled.check,
        })
    }
}
