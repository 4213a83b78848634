//! Rules: loaded from TOML rule files (the built-in ones are embedded in the binary), checked
//! for mistakes with exact positions, and compiled once into a `RuleSet` shared by all threads.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::error::{ConfigError, Error};
use crate::kinds::{self, Check, Context, Finding};
use crate::rule_file::{Example, FixSetting, RawRule, RuleFile, RuleSettings, RuleTables};
use crate::template::Template;
use crate::toml_file::TomlFile;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The built-in rule files, as `(name, text)`.
pub const BUILTIN: &[(&str, &str)] = &[
    ("rules/disclaimers.toml", include_str!("../rules/disclaimers.toml")),
    ("rules/encoding.toml", include_str!("../rules/encoding.toml")),
    ("rules/hashtags.toml", include_str!("../rules/hashtags.toml")),
    ("rules/labels.toml", include_str!("../rules/labels.toml")),
    ("rules/length.toml", include_str!("../rules/length.toml")),
    ("rules/promotion.toml", include_str!("../rules/promotion.toml")),
    ("rules/residue.toml", include_str!("../rules/residue.toml")),
    ("rules/spelling.toml", include_str!("../rules/spelling.toml")),
    ("rules/typography.toml", include_str!("../rules/typography.toml")),
];

/// A compiled rule.
#[derive(Clone)]
pub struct Rule {
    pub id: String,
    pub kind: String,
    pub severity: Severity,
    pub message: Template,
    /// The message as written, placeholders and all.
    pub message_text: String,
    /// Advice on what to do, as written.
    pub help: Option<String>,
    /// The advice, filled in with each finding's values.
    help_template: Option<Template>,
    /// Why the rule exists.
    pub why: Option<String>,
    /// The languages the rule runs for (empty: all).
    pub langs: Vec<String>,
    /// Whether the rule file says `severity = "off"`: it runs only once given a severity.
    pub off_by_default: bool,
    /// The post formats the rule runs on: `text`, `markdown` (empty: both).
    pub formats: Vec<String>,
    pub fix: FixSetting,
    pub examples: Arc<[Example]>,
    pub allow: Arc<[String]>,
    /// The rule file and 1-based line of the rule's table.
    pub origin: (String, usize),
    /// The rule file, to point at mistakes found later (in an example's `with`).
    pub file: Option<TomlFile>,
    check: Arc<dyn Check>,
    /// The table as written, to compile again with other parameter values (`None` for a
    /// `custom` rule). Shared, as are the examples: a rule is cloned for each configuration.
    raw: Option<Arc<RawRule>>,
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
        let mut base = Loading::default();
        if builtin {
            for (name, text) in BUILTIN {
                parse_file(name, text, &mut base, &mut errors);
            }
        }
        let mut user = Loading::default();
        for path in extra {
            match rule_files(path) {
                Ok(files) => {
                    for file in files {
                        match crate::read::read_text(&file) {
                            Ok(text) => {
                                parse_file(&file.display().to_string(), &text, &mut user, &mut errors)
                            }
                            Err(e) => errors.push(e),
                        }
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        let Loading { mut rules, ids } = base;
        for rule in user.rules {
            match ids.get(&rule.id) {
                Some(&slot) => rules[slot] = rule,
                None => rules.push(rule),
            }
        }
        if errors.is_empty() { Ok(Self { rules }) } else { Err(errors) }
    }

    /// Parses rule files given as `(name, text)`, without the built-in rules.
    pub fn from_texts<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, Vec<Error>> {
        let (mut loading, mut errors) = (Loading::default(), Vec::new());
        for (name, text) in files {
            parse_file(name, text, &mut loading, &mut errors);
        }
        if errors.is_empty() { Ok(Self { rules: loading.rules }) } else { Err(errors) }
    }

    /// The rule with id `id`.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

impl Rule {
    /// This rule with the `settings` of `config` (a `[rules.<id>]` table): `None` if they turn
    /// it off; compiled again if they give parameter values, whose mistakes point into `config`.
    pub fn with_settings(
        &self,
        config: &TomlFile,
        settings: &Spanned<RuleSettings>,
    ) -> Result<Option<Rule>, ConfigError> {
        let mut rule = self.clone();
        match &settings.as_ref().severity {
            Some(severity) => match parse_severity(config, severity, true)? {
                Some(severity) => rule.severity = severity,
                None => return Ok(None),
            },
            None if self.off_by_default => return Ok(None),
            None => {}
        }
        if settings.as_ref().has_parameters() {
            let Some(raw) = &self.raw else {
                return Err(
                    config.error(settings.span(), format!("rule `{}` has no parameters to set", self.id))
                );
            };
            let mut raw = RawRule::clone(raw);
            raw.apply(settings.as_ref());
            let at = Spanned::new(settings.span(), self.kind.clone());
            rule.check = compile_kind(config, &raw, &at)?.0;
            rule.raw = Some(Arc::new(raw));
        }
        Ok(Some(rule))
    }

    /// Runs this rule alone on `doc`.
    /// A panic inside the check is caught and returned as its message.
    pub fn run(&self, doc: &Document) -> Result<Vec<Diagnostic>, String> {
        let format = if doc.source.is_markdown() { "markdown" } else { "text" };
        if !self.formats.is_empty() && !self.formats.iter().any(|f| f == format) {
            return Ok(Vec::new());
        }
        // A rule for some languages skips a post with no line in them: its findings would all
        // be dropped below.
        if !self.langs.is_empty() && !doc.has_language_in(&self.langs) {
            return Ok(Vec::new());
        }
        let mut findings = Vec::new();
        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.check.check(doc, &mut findings);
        }));
        // Each finding is judged by the language of its own line.
        if !self.langs.is_empty() {
            findings.retain(|f| doc.is_in_language(f.range.start, &self.langs));
        }
        match checked {
            Ok(()) => Ok(findings.into_iter().map(|f| self.diagnostic(doc, f)).collect()),
            Err(payload) => Err(crate::error::panic_message(payload.as_ref())),
        }
    }

    /// Whether the rule's findings give way to other rules' where they overlap.
    pub fn yields(&self) -> bool {
        self.check.yields()
    }

    /// Whether the rule's findings take the place of every other rule's that overlaps them.
    pub fn supersedes(&self) -> bool {
        self.check.supersedes()
    }

    /// A rule that runs `check`, for kinds written in Rust rather than loaded from a file; it
    /// has no parameters to configure.
    pub fn custom(id: &str, kind: &str, severity: Severity, message: &str, check: Arc<dyn Check>) -> Self {
        Self {
            id: id.to_owned(),
            kind: kind.to_owned(),
            severity,
            message: Template::parse(&message.replace('{', "{{").replace('}', "}}"), &[])
                .unwrap_or_else(|_| unreachable!()),
            message_text: message.to_owned(),
            help: None,
            help_template: None,
            why: None,
            langs: Vec::new(),
            off_by_default: false,
            formats: Vec::new(),
            fix: FixSetting::None,
            examples: Arc::from([]),
            allow: Arc::from([]),
            origin: ("<custom>".to_owned(), 0),
            file: None,
            check,
            raw: None,
        }
    }

    fn diagnostic(&self, doc: &Document, finding: Finding) -> Diagnostic {
        let mut vars = finding.vars;
        // A message is one line: text found across lines is quoted up to its first break.
        let found = &doc.text()[finding.range.clone()];
        let found = match found.find(['\r', '\n']) {
            Some(end) => format!("{}…", &found[..end]),
            None => found.to_owned(),
        };
        vars.push(("found", found));
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
        // A rule for some languages only never reports an error on a guess of the language.
        let guessed = !self.langs.is_empty() && !doc.language_is_stated_at(finding.range.start);
        let severity = if guessed { self.severity.min(Severity::Warning) } else { self.severity };
        Diagnostic {
            rule: self.id.clone(),
            severity,
            range: finding.range,
            message: self.message.render(&vars),
            help: self.help_template.as_ref().map(|h| h.render(&vars)),
            fix,
        }
    }
}

/// The rule files at `path`: the file itself, or a directory's `*.toml` files in name order.
pub fn rule_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
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
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && id.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Reads a severity; `off` (allowed where `off_allowed`) gives `None`.
pub fn parse_severity(
    file: &TomlFile,
    value: &Spanned<String>,
    off_allowed: bool,
) -> Result<Option<Severity>, ConfigError> {
    match value.as_ref().as_str() {
        "error" => Ok(Some(Severity::Error)),
        "warning" => Ok(Some(Severity::Warning)),
        "info" => Ok(Some(Severity::Info)),
        "off" if off_allowed => Ok(None),
        other => {
            let expected = if off_allowed { "off, info, warning or error" } else { "error, warning or info" };
            Err(file.error(value.span(), format!("unknown severity `{other}`; expected {expected}")))
        }
    }
}

/// Parses and compiles one rule file, appending its rules to `rules` and its mistakes to `errors`.
/// Rules being loaded from a set of files, with where each id is, so that loading stays linear
/// in the number of rules.
#[derive(Default)]
struct Loading {
    rules: Vec<Rule>,
    ids: rustc_hash::FxHashMap<String, usize>,
}

fn parse_file(name: &str, text: &str, rules: &mut Loading, errors: &mut Vec<Error>) {
    let file = TomlFile::new(name, text);
    // A valid file, the usual case, is parsed once.
    if let Ok(parsed) = toml::from_str::<RuleFile>(text) {
        return add_rules(&file, parsed.rule, rules, errors);
    }
    // Else first only the places of the rule tables; then each table is parsed on its own, so
    // that one bad rule does not hide the others.
    let tables = match toml::from_str::<RuleTables>(text) {
        Ok(tables) => tables.rule,
        Err(e) => return errors.push(Error::Config(file.parse_error(&e, 0..0))),
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
        match toml::from_str::<RuleFile>(&file.isolate(part.clone())) {
            Ok(parsed) => add_rules(&file, parsed.rule, rules, errors),
            Err(e) => {
                let header = part.start..part.start + text[part.clone()].find('\n').unwrap_or(part.len());
                errors.push(Error::Config(file.parse_error(&e, header)));
            }
        }
    }
}

/// Checks and compiles the rule `tables` of `file`, adding each to `rules` or its error to `errors`.
fn add_rules(file: &TomlFile, tables: Vec<Spanned<RawRule>>, loading: &mut Loading, errors: &mut Vec<Error>) {
    for table in tables {
        match new_rule(file, table, loading) {
            Ok(rule) => {
                loading.ids.insert(rule.id.clone(), loading.rules.len());
                loading.rules.push(rule);
            }
            Err(e) => errors.push(Error::Config(e)),
        }
    }
}

/// Checks and compiles one rule table of `file`; `earlier` are the rules already loaded with it.
fn new_rule(file: &TomlFile, table: Spanned<RawRule>, earlier: &Loading) -> Result<Rule, ConfigError> {
    let origin = (file.name.clone(), file.line(table.span().start));
    let raw = table.into_inner();
    let id = &raw.id;
    if !is_kebab_case(id.as_ref()) {
        let message = format!("rule id `{}` must be kebab-case, e.g. `missing-space`", id.as_ref());
        return Err(file.error(id.span(), message));
    }
    if let Some(first) = earlier.ids.get(id.as_ref()).map(|&i| &earlier.rules[i]) {
        let mut e = file.error(id.span(), format!("duplicate rule id `{}`", id.as_ref()));
        e.notes.push(format!("first defined at {}:{}", first.origin.0, first.origin.1));
        return Err(e);
    }
    // `severity = "off"`: the rule is loaded but runs only where a profile or the configuration
    // gives it a severity.
    let severity = parse_severity(file, &raw.severity, true)?;
    let off_by_default = severity.is_none();
    let severity = severity.unwrap_or(Severity::Warning);
    let fix = match raw.fix.as_ref().map(|f| (f.as_ref().as_str(), f.span())) {
        None | Some(("none", _)) => FixSetting::None,
        Some(("safe", _)) => FixSetting::Safe,
        Some(("unsafe", _)) => FixSetting::Unsafe,
        Some((other, span)) => {
            let message = format!("unknown fix setting `{other}`; expected safe, unsafe or none");
            return Err(file.error(span, message));
        }
    };
    let langs = raw.lang.as_ref().map(|l| l.as_ref().clone()).unwrap_or_default();
    if let Some(unknown) = langs.iter().find(|l| !crate::lang::LANGUAGES.contains(&l.as_str())) {
        let span = raw.lang.as_ref().map(Spanned::span).unwrap_or_default();
        let known = crate::lang::LANGUAGES.join(", ");
        return Err(file.error(span, format!("unknown language `{unknown}`; postlint knows {known}")));
    }
    let formats = raw.formats.as_ref().map(|f| f.as_ref().clone()).unwrap_or_default();
    if let Some(unknown) = formats.iter().find(|f| !["text", "markdown"].contains(&f.as_str())) {
        let span = raw.formats.as_ref().map(Spanned::span).unwrap_or_default();
        return Err(file.error(span, format!("unknown format `{unknown}`; expected text or markdown")));
    }
    let (check, vars) = compile_kind(file, &raw, &raw.kind)?;
    if raw.message.as_ref().trim().is_empty() {
        return Err(file.error(raw.message.span(), "the message is empty"));
    }
    let message =
        Template::parse(raw.message.as_ref(), vars).map_err(|why| file.error(raw.message.span(), why))?;
    let help_template = match &raw.help {
        Some(help) => Some(Template::parse(help.as_ref(), vars).map_err(|why| file.error(help.span(), why))?),
        None => None,
    };
    Ok(Rule {
        id: raw.id.as_ref().clone(),
        kind: raw.kind.as_ref().clone(),
        severity,
        message,
        message_text: raw.message.as_ref().clone(),
        help: raw.help.as_ref().map(|h| h.as_ref().clone()),
        help_template,
        why: raw.why.clone(),
        langs,
        off_by_default,
        formats,
        fix,
        examples: raw.examples.iter().map(|e| e.as_ref().clone()).collect(),
        allow: raw.allow.iter().map(|a| a.as_ref().clone()).collect(),
        origin,
        file: Some(file.clone()),
        check,
        raw: Some(Arc::new(raw)),
    })
}

/// Compiles `raw`'s kind; errors point into `file`, and at `kind` when a parameter is missing.
fn compile_kind(
    file: &TomlFile,
    raw: &RawRule,
    kind: &Spanned<String>,
) -> Result<(Arc<dyn Check>, &'static [&'static str]), ConfigError> {
    let mut raw = raw.clone();
    let cx = Context { file, kind };
    let compiled = kinds::compile(&mut raw, &cx)?;
    if let Some((param, span)) = raw.leftover_parameters().into_iter().next() {
        return Err(file.error(span, format!("`{param}` is not a parameter of kind `{}`", kind.as_ref())));
    }
    Ok((Arc::from(compiled.check), compiled.vars))
}
