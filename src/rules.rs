//! Rules: loaded from TOML rule files (the built-in ones are embedded in the binary), checked
//! for mistakes with exact positions, and compiled once into a `RuleSet` shared by all threads.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::error::{ConfigError, Error};
use crate::kinds::{self, Check, Context, Finding};
use crate::rule_file::{Example, FixSetting, RuleFile};
use crate::template::Template;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The built-in rule files, as `(name, text)`.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/disclaimers.toml",
        include_str!("../rules/disclaimers.toml"),
    ),
    (
        "rules/hashtags.toml",
        include_str!("../rules/hashtags.toml"),
    ),
    ("rules/labels.toml", include_str!("../rules/labels.toml")),
    (
        "rules/spelling.toml",
        include_str!("../rules/spelling.toml"),
    ),
    (
        "rules/typography.toml",
        include_str!("../rules/typography.toml"),
    ),
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
                            Ok(text) => parse_file(
                                &file.display().to_string(),
                                &text,
                                &mut user,
                                &mut errors,
                            ),
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
        if errors.is_empty() {
            Ok(Self { rules })
        } else {
            Err(errors)
        }
    }

    /// Parses rule files given as `(name, text)`, without the built-in rules.
    pub fn from_texts<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, Vec<Error>> {
        let (mut rules, mut errors) = (Vec::new(), Vec::new());
        for (name, text) in files {
            parse_file(name, text, &mut rules, &mut errors);
        }
        if errors.is_empty() {
            Ok(Self { rules })
        } else {
            Err(errors)
        }
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
        findings
            .into_iter()
            .map(|f| self.diagnostic(doc, f))
            .collect()
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
            let applicability = if verbatim {
                declared
            } else {
                Applicability::DisplayOnly
            };
            Fix {
                title,
                edits,
                applicability,
            }
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

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && id.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Parses and compiles one rule file, appending its rules to `rules` and its mistakes to `errors`.
fn parse_file(name: &str, text: &str, rules: &mut Vec<Rule>, errors: &mut Vec<Error>) {
    let shared: Arc<str> = Arc::from(text);
    let error = |span: std::ops::Range<usize>, message: String| ConfigError {
        file: name.to_owned(),
        text: shared.clone(),
        span,
        message,
        notes: Vec::new(),
    };
    let file: RuleFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            errors.push(Error::Config(error(
                e.span().unwrap_or(0..0),
                e.message().to_owned(),
            )));
            return;
        }
    };
    for spanned in file.rule {
        let table_span = spanned.span();
        let mut raw = spanned.into_inner();
        let id = raw.id.clone();
        if !is_kebab_case(id.as_ref()) {
            errors.push(Error::Config(error(
                id.span(),
                format!(
                    "rule id `{}` must be kebab-case, e.g. `missing-space`",
                    id.as_ref()
                ),
            )));
            continue;
        }
        if let Some(first) = rules.iter().find(|r| r.id == *id.as_ref()) {
            let mut e = error(id.span(), format!("duplicate rule id `{}`", id.as_ref()));
            e.notes.push(format!(
                "first defined at {}:{}",
                first.origin.0, first.origin.1
            ));
            errors.push(Error::Config(e));
            continue;
        }
        let kind = raw.kind.clone();
        let cx = Context {
            file: name,
            text: &shared,
            kind: &kind,
        };
        let compiled = match kinds::compile(&mut raw, &cx) {
            Ok(compiled) => compiled,
            Err(e) => {
                errors.push(Error::Config(e));
                continue;
            }
        };
        if let Some((param, span)) = raw.leftover_parameters().into_iter().next() {
            errors.push(Error::Config(error(
                span,
                format!("`{param}` is not a parameter of kind `{}`", kind.as_ref()),
            )));
            continue;
        }
        let message = match Template::parse(raw.message.as_ref(), compiled.vars) {
            Ok(message) if !raw.message.as_ref().trim().is_empty() => message,
            Ok(_) => {
                errors.push(Error::Config(error(
                    raw.message.span(),
                    "the message is empty".into(),
                )));
                continue;
            }
            Err(why) => {
                errors.push(Error::Config(error(raw.message.span(), why)));
                continue;
            }
        };
        let line = text[..table_span.start.min(text.len())]
            .matches('\n')
            .count()
            + 1;
        rules.push(Rule {
            id: id.into_inner(),
            kind: kind.into_inner(),
            severity: raw.severity,
            message,
            help: raw.help,
            fix: raw.fix,
            examples: raw.examples.into_iter().map(|e| e.into_inner()).collect(),
            allow: raw.allow.into_iter().map(|a| a.into_inner()).collect(),
            origin: (name.to_owned(), line),
            check: compiled.check,
        });
    }
}
