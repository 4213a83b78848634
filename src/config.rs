//! `postlint.toml`: found by walking up from the current directory (or named with `--config`),
//! it says which rules run, how severe they are, with which parameters, and for which files.

use crate::error::{ConfigError, Error};
use crate::rule_file::RuleSettings;
use crate::rules::Rule;
use crate::toml_file::TomlFile;
use globset::{GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The name of the configuration file.
pub const FILE_NAME: &str = "postlint.toml";

/// Rule ids that are not in rule files but come from postlint itself.
pub const ENGINE_RULES: &[&str] = &["unused-suppression"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    rule_dirs: Option<Vec<Spanned<String>>>,
    builtin: Option<bool>,
    #[serde(default)]
    dictionaries: Vec<Spanned<String>>,
    #[serde(default)]
    words: Vec<Spanned<String>>,
    profile: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    max_post_size: Option<Spanned<Size>>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<RuleSettings>>,
    #[serde(default)]
    overrides: Vec<Spanned<RawOverride>>,
}

/// A size as written: a number of bytes or a string such as `"8 MB"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Size {
    Bytes(i64),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Spanned<Vec<Spanned<String>>>,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<RuleSettings>>,
}

/// A read `postlint.toml` (or the defaults, when there is none).
#[derive(Debug, Clone)]
pub struct Config {
    /// The file, to point errors at; `None` for the defaults.
    pub file: Option<TomlFile>,
    /// The folder that paths and globs in the file are relative to.
    pub dir: PathBuf,
    /// Extra rule directories.
    pub rule_dirs: Vec<PathBuf>,
    /// Whether the built-in rules load.
    pub builtin: bool,
    /// Where `spelling` looks for dictionaries first, and the team's word lists, read.
    pub spelling: crate::spelling::Setup,
    /// The posts' language, if set (not `auto`).
    pub lang: Option<String>,
    /// The largest post read, in bytes; a larger one is an error.
    pub max_post_size: u64,
    exclude: GlobSet,
    rules: BTreeMap<String, Spanned<RuleSettings>>,
    overrides: Vec<Override>,
    /// The platform profile in force, if any.
    profile: Option<Profile>,
}

/// A platform profile: rule settings for one platform, from `rules/profiles/NAME.toml`.
#[derive(Debug, Clone)]
struct Profile {
    file: TomlFile,
    rules: BTreeMap<String, Spanned<RuleSettings>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    #[serde(default)]
    rules: BTreeMap<String, Spanned<RuleSettings>>,
}

/// The built-in platform profiles, as `(name, text)`.
pub const PROFILES: &[(&str, &str)] = &[
    ("generic", include_str!("../rules/profiles/generic.toml")),
    ("binance-square", include_str!("../rules/profiles/binance-square.toml")),
    ("medium", include_str!("../rules/profiles/medium.toml")),
    ("hive", include_str!("../rules/profiles/hive.toml")),
    ("publish0x", include_str!("../rules/profiles/publish0x.toml")),
];

/// An `[[overrides]]` entry: settings for the files its globs match.
#[derive(Debug, Clone)]
struct Override {
    files: GlobSet,
    lang: Option<String>,
    rules: BTreeMap<String, Spanned<RuleSettings>>,
}

impl Config {
    /// The defaults, relative to `dir`.
    pub fn defaults(dir: PathBuf) -> Self {
        Self {
            file: None,
            dir,
            rule_dirs: Vec::new(),
            builtin: true,
            spelling: crate::spelling::Setup::default(),
            lang: None,
            max_post_size: crate::read::DEFAULT_MAX_POST_SIZE,
            exclude: GlobSet::empty(),
            rules: BTreeMap::new(),
            overrides: Vec::new(),
            profile: None,
        }
    }

    /// Puts the platform profile `name` in force (the `--profile` option, or `profile` in the
    /// file); `at` is where the name was written, for the error if there is no such profile.
    pub fn set_profile(
        &mut self,
        name: &str,
        at: Option<(&TomlFile, std::ops::Range<usize>)>,
    ) -> Result<(), Error> {
        let Some((_, text)) = PROFILES.iter().find(|(n, _)| *n == name) else {
            let names: Vec<&str> = PROFILES.iter().map(|(n, _)| *n).collect();
            let message = format!("there is no profile `{name}`; postlint has {}", names.join(", "));
            return Err(match at {
                Some((file, span)) => Error::Config(file.error(span, message)),
                None => Error::Usage(message),
            });
        };
        let file = TomlFile::new(format!("rules/profiles/{name}.toml"), text);
        let raw: RawProfile = toml::from_str(text).map_err(|e| Error::Config(file.parse_error(&e, 0..0)))?;
        self.profile = Some(Profile { file, rules: raw.rules });
        Ok(())
    }

    /// The nearest `postlint.toml` in `start` or a folder above it, if any.
    pub fn find(start: &Path) -> Option<PathBuf> {
        start.ancestors().map(|dir| dir.join(FILE_NAME)).find(|path| path.is_file())
    }

    /// Reads and checks the configuration file at `path`.
    pub fn load(path: &Path) -> Result<Self, Vec<Error>> {
        let text = crate::read::read_text(path).map_err(|e| vec![e])?;
        let file = TomlFile::new(path.display().to_string(), &text);
        let raw: RawConfig =
            toml::from_str(&text).map_err(|e| vec![Error::Config(file.parse_error(&e, 0..0))])?;
        let dir = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_owned))
            .unwrap_or_else(|| PathBuf::from("."));
        let mut errors = Vec::new();
        let lang = raw.lang.as_ref().and_then(|l| keep(&mut errors, language(&file, l))).flatten();
        let exclude = keep(&mut errors, globs(&file, &raw.exclude)).unwrap_or_else(GlobSet::empty);
        let max_post_size = match &raw.max_post_size {
            Some(size) => keep(&mut errors, post_size(&file, size)),
            None => Some(crate::read::DEFAULT_MAX_POST_SIZE),
        }
        .unwrap_or(crate::read::DEFAULT_MAX_POST_SIZE);
        let mut overrides = Vec::new();
        for entry in &raw.overrides {
            let entry = entry.as_ref();
            let files = keep(&mut errors, globs(&file, entry.files.as_ref()));
            let lang = entry.lang.as_ref().and_then(|l| keep(&mut errors, language(&file, l))).flatten();
            if entry.files.as_ref().is_empty() {
                errors.push(Error::Config(file.error(entry.files.span(), "`files` needs at least one glob")));
            }
            overrides.push(Override {
                files: files.unwrap_or_else(GlobSet::empty),
                lang,
                rules: entry.rules.clone(),
            });
        }
        let boundary = Boundary::around(&dir);
        let mut rule_dirs = Vec::new();
        for value in raw.rule_dirs.iter().flatten() {
            let Some(path) = keep(&mut errors, boundary.path(&file, "rule-dirs", value)) else { continue };
            // A rule folder's files, links included, stay inside too.
            match crate::rules::rule_files(&path) {
                Ok(files) => {
                    for rule_file in files {
                        let inside = std::fs::canonicalize(&rule_file).is_ok_and(|p| boundary.holds(&p));
                        if !inside {
                            let message = format!(
                                "`{}` leads outside {}; rule files are read only from inside it",
                                rule_file.display(),
                                boundary.name()
                            );
                            errors.push(Error::Config(file.error(value.span(), message)));
                        }
                    }
                }
                Err(e) => errors.push(Error::Config(file.error(value.span(), e.to_string()))),
            }
            rule_dirs.push(path);
        }
        let mut word_lists = Vec::new();
        for list in &raw.words {
            let Some(path) = keep(&mut errors, boundary.path(&file, "words", list)) else { continue };
            match crate::read::read_text(&path) {
                Ok(text) => word_lists.push(text),
                Err(e) => errors.push(e),
            }
        }
        let mut dictionaries = Vec::new();
        for folder in &raw.dictionaries {
            let Some(path) = keep(&mut errors, boundary.path(&file, "dictionaries", folder)) else {
                continue;
            };
            if path.is_dir() {
                dictionaries.push(path);
            } else {
                let message = format!(
                    "`{}` is not a folder; name the folder that holds LANG.aff and LANG.dic",
                    folder.as_ref()
                );
                errors.push(Error::Config(file.error(folder.span(), message)));
            }
        }
        let spelling = crate::spelling::Setup { dictionaries, word_lists };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut config = Self {
            file: Some(file.clone()),
            dir,
            rule_dirs,
            builtin: raw.builtin.unwrap_or(true),
            spelling,
            lang,
            max_post_size,
            exclude,
            rules: raw.rules,
            overrides,
            profile: None,
        };
        if let Some(name) = &raw.profile {
            config.set_profile(name.as_ref(), Some((&file, name.span()))).map_err(|e| vec![e])?;
        }
        Ok(config)
    }

    /// Whether `path` is excluded by the `exclude` globs.
    pub fn is_excluded(&self, path: &Path) -> bool {
        matches(&self.exclude, &self.dir, path)
    }

    /// The indexes of the `[[overrides]]` entries that apply to `path`, in order.
    pub fn overrides_for(&self, path: &Path) -> Vec<usize> {
        (0..self.overrides.len()).filter(|&i| matches(&self.overrides[i].files, &self.dir, path)).collect()
    }

    /// The language set for posts matched by `overrides` (the last override that sets one wins).
    pub fn lang_for(&self, overrides: &[usize]) -> Option<&str> {
        overrides.iter().rev().find_map(|&i| self.overrides[i].lang.as_deref()).or(self.lang.as_deref())
    }

    /// The layers of settings for posts matched by `overrides`, in the order they apply: the
    /// profile's, the file's, then those overrides'; each with the file it comes from.
    fn layers<'s>(
        &'s self,
        overrides: &'s [usize],
    ) -> Vec<(&'s TomlFile, &'s BTreeMap<String, Spanned<RuleSettings>>)> {
        let mut layers = Vec::new();
        if let Some(profile) = &self.profile {
            layers.push((&profile.file, &profile.rules));
        }
        if let Some(file) = &self.file {
            layers.push((file, &self.rules));
            layers.extend(overrides.iter().map(|&i| (file, &self.overrides[i].rules)));
        }
        layers
    }

    /// The rules to run on posts matched by `overrides`: `rules` with the settings of the
    /// profile, the file and those overrides applied (later ones win, key by key). Rules that
    /// are off by default run only if given a severity. A setting for a rule that does not exist
    /// is an error.
    pub fn apply(&self, rules: &[Rule], overrides: &[usize]) -> Result<Vec<Rule>, Vec<Error>> {
        let mut merged: BTreeMap<&str, (Spanned<RuleSettings>, &TomlFile)> = BTreeMap::new();
        let mut errors = Vec::new();
        for (file, layer) in self.layers(overrides) {
            for (id, settings) in layer {
                let known = rules.iter().any(|r| r.id == *id) || ENGINE_RULES.contains(&id.as_str());
                if !known {
                    let message = format!("there is no rule `{id}`");
                    errors.push(Error::Config(file.error(settings.span(), message)));
                    continue;
                }
                let combined = match merged.get(id.as_str()) {
                    Some((earlier, _)) => {
                        Spanned::new(settings.span(), earlier.as_ref().merged(settings.as_ref()))
                    }
                    None => settings.clone(),
                };
                merged.insert(id, (combined, file));
            }
        }
        let mut configured = Vec::new();
        for rule in rules {
            match merged.get(rule.id.as_str()) {
                None if rule.off_by_default => {}
                None => configured.push(rule.clone()),
                Some((settings, file)) => match rule.with_settings(file, settings) {
                    Ok(Some(rule)) => configured.push(rule),
                    Ok(None) => {}
                    Err(e) => errors.push(Error::Config(e)),
                },
            }
        }
        if errors.is_empty() { Ok(configured) } else { Err(errors) }
    }

    /// Whether the engine rule `id` (see `ENGINE_RULES`) is turned off for posts matched by
    /// `overrides`.
    pub fn engine_rule_off(&self, id: &str, overrides: &[usize]) -> bool {
        let layers = self.layers(overrides).into_iter().map(|(_, layer)| layer);
        let severity = layers.filter_map(|l| l.get(id)?.as_ref().severity.clone()).next_back();
        severity.is_some_and(|s| s.as_ref() == "off")
    }

    /// Checks every `[[overrides]]` entry's settings against `rules`, so that a mistake in one
    /// is reported even when it matches no file.
    pub fn validate(&self, rules: &[Rule]) -> Vec<Error> {
        let mut errors = self.apply(rules, &[]).err().unwrap_or_default();
        if errors.is_empty() {
            for i in 0..self.overrides.len() {
                errors.extend(self.apply(rules, &[i]).err().unwrap_or_default());
            }
        }
        errors
    }
}

/// Where the paths a `postlint.toml` names may lead: the repository around it (the nearest
/// folder above with `.git`), else its own folder. A content repo's configuration is not
/// trusted to read `/etc/shadow` or `/proc/self/environ` and print them in an error.
struct Boundary {
    /// The folder of the file, that its paths are relative to.
    dir: PathBuf,
    root: Option<PathBuf>,
    repository: bool,
}

impl Boundary {
    fn around(dir: &Path) -> Self {
        let repository = dir.ancestors().find(|d| d.join(".git").exists());
        let root = repository.unwrap_or(dir);
        Self { dir: dir.to_owned(), root: std::fs::canonicalize(root).ok(), repository: repository.is_some() }
    }

    /// What the boundary is, in words.
    fn name(&self) -> &'static str {
        if self.repository {
            "the repository that holds postlint.toml"
        } else {
            "the folder that holds postlint.toml"
        }
    }

    /// Whether the canonical path `path` is inside.
    fn holds(&self, path: &Path) -> bool {
        self.root.as_deref().is_some_and(|root| path.starts_with(root))
    }

    /// The path `value` names (relative to the file's folder), if it exists and stays
    /// inside, links followed; otherwise an error at `value` that names the path only.
    fn path(&self, file: &TomlFile, key: &str, value: &Spanned<String>) -> Result<PathBuf, ConfigError> {
        let path = self.dir.join(value.as_ref());
        match std::fs::canonicalize(&path) {
            Ok(real) if self.holds(&real) => Ok(path),
            Ok(_) => Err(file.error(
                value.span(),
                format!(
                    "`{key}` names `{}`, which is outside {}; name a path inside it",
                    value.as_ref(),
                    self.name()
                ),
            )),
            Err(e) => Err(file.error(
                value.span(),
                format!("`{key}` names `{}`: {}", value.as_ref(), crate::error::io_cause(&e)),
            )),
        }
    }
}

/// The value of `result`, or `None` with its error added to `errors`.
fn keep<T>(errors: &mut Vec<Error>, result: Result<T, ConfigError>) -> Option<T> {
    result.map_err(|e| errors.push(Error::Config(e))).ok()
}

/// Whether `path` (relative to `dir`, or as given) matches `set`; a glob without a `/` also
/// matches the file name alone, as in `.gitignore`.
fn matches(set: &GlobSet, dir: &Path, path: &Path) -> bool {
    if set.is_empty() {
        return false;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let relative = absolute.strip_prefix(dir).unwrap_or(path);
    set.is_match(relative) || path.file_name().is_some_and(|name| set.is_match(Path::new(name)))
}

fn globs(file: &TomlFile, patterns: &[Spanned<String>]) -> Result<GlobSet, ConfigError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = globset::GlobBuilder::new(pattern.as_ref())
            .literal_separator(pattern.as_ref().contains('/'))
            .build()
            .map_err(|e| file.error(pattern.span(), format!("invalid glob: {}", e.kind())))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| file.error(0..0, format!("invalid globs: {e}")))
}

/// A `max-post-size` value, in bytes.
fn post_size(file: &TomlFile, value: &Spanned<Size>) -> Result<u64, ConfigError> {
    let bytes = match value.as_ref() {
        Size::Bytes(n) => u64::try_from(*n).ok().filter(|&n| n > 0),
        Size::Text(text) => crate::read::parse_size(text),
    };
    bytes.ok_or_else(|| {
        file.error(
            value.span(),
            "`max-post-size` is a number of bytes or a size such as \"8 MB\" or \"512 KB\"",
        )
    })
}

/// A `lang` value: `auto` (None) or a language code such as `it`.
fn language(file: &TomlFile, value: &Spanned<String>) -> Result<Option<String>, ConfigError> {
    let code = value.as_ref();
    if code == "auto" {
        return Ok(None);
    }
    if crate::lang::is_code(code) {
        Ok(Some(code.clone()))
    } else {
        Err(file.error(
            value.span(),
            format!("`{code}` is not a language code; write `auto` or a code such as `en`, `it`"),
        ))
    }
}
