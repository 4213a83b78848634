//! What a check reports: a problem at a byte range, with an optional fix.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How serious a problem is; the order is `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The lowercase name used in rule files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// Whether a fix may be applied without the writer looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown as a suggestion, never applied.
    DisplayOnly,
    /// Applied only with `--unsafe-fixes`: it may change meaning.
    Unsafe,
    /// Applied by `--fix`: it cannot change what the writer meant.
    Safe,
}

/// Replace the bytes `range` of the post with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Edit {
    /// An edit that replaces `range` with `replacement`.
    pub fn replace(range: Range<usize>, replacement: impl Into<String>) -> Self {
        Self { range, replacement: replacement.into() }
    }

    /// An edit that removes `range`.
    pub fn delete(range: Range<usize>) -> Self {
        Self::replace(range, "")
    }

    /// An edit that inserts `text` at `offset`.
    pub fn insert(offset: usize, text: impl Into<String>) -> Self {
        Self::replace(offset..offset, text)
    }
}

/// A fix: edits that belong together, applied all or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// A short imperative description, e.g. "replace with “Disclaimer”".
    pub title: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// One problem found in one post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    /// Byte range of the offending text in `Source::text`.
    pub range: Range<usize>,
    pub message: String,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}
