//! A TOML file being read (a rule file or `postlint.toml`), to point errors at places in it.

use crate::error::ConfigError;
use std::ops::Range;
use std::sync::Arc;

/// The name and text of a TOML file.
#[derive(Debug, Clone)]
pub struct TomlFile {
    pub name: String,
    pub text: Arc<str>,
    /// Where each line starts, for `line`.
    line_starts: Arc<[usize]>,
}

impl TomlFile {
    /// A file named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: &str) -> Self {
        let line_starts =
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { name: name.into(), text: Arc::from(text), line_starts: line_starts.collect() }
    }

    /// An error at `span` of this file.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: self.name.clone(),
            text: self.text.clone(),
            span,
            message: message.into(),
            notes: Vec::new(),
        }
    }

    /// The error `toml` reported, at its place (or at `fallback`).
    pub fn parse_error(&self, error: &toml::de::Error, fallback: Range<usize>) -> ConfigError {
        self.error(error.span().unwrap_or(fallback), error.message())
    }

    /// The 1-based line of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The text up to the end of `keep`, with everything before `keep` blanked (to one space a
    /// byte, line breaks kept), so that a part of the file parses on its own with the positions
    /// it has in the whole file.
    pub fn isolate(&self, keep: Range<usize>) -> String {
        let mut isolated: String =
            self.text[..keep.start].bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }).collect();
        isolated.push_str(&self.text[keep]);
        isolated
    }
}
