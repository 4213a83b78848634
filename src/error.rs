//! Errors that stop a file or a run from being checked: unreadable files, bytes that are not
//! UTF-8, mistakes in rule files. Each names the file and, where there is one, the line.

use crate::escape::one_line;
use crate::source::DecodeError;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// Something postlint could not do; it makes the run exit with code 2.
#[derive(Debug, Clone)]
pub enum Error {
    /// A file or directory could not be read or written.
    Io { path: String, message: String },
    /// A post is not valid UTF-8.
    Utf8 { path: String, error: DecodeError },
    /// postlint itself failed on a post (a bug): the rule that panicked, if known.
    Internal { path: String, rule: Option<String>, message: String },
    /// Fixing a post went wrong.
    Fix { path: String, message: String },
    /// A rule file (or configuration) is wrong at `span`.
    Config(ConfigError),
    /// Any other mistake in how postlint was called.
    Usage(String),
}

/// The text of a panic's payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

/// A mistake at a place in a rule file, rendered like a compiler error.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub file: String,
    pub text: Arc<str>,
    pub span: Range<usize>,
    pub message: String,
    pub notes: Vec<String>,
}

impl ConfigError {
    /// 1-based line and column (in characters) of the error's start.
    pub fn line_column(&self) -> (usize, usize) {
        let start = self.span.start.min(self.text.len());
        let before = &self.text[..start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
    }
}

/// The cause of an I/O error in plain words, once: `permission denied`, `a symlink loop`…
/// (not the operating system's `(os error 13)`).
pub fn io_cause(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    #[cfg(unix)]
    if error.raw_os_error() == Some(libc::ELOOP) {
        return "a symlink loop (too many levels of symbolic links)".into();
    }
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "a directory, not a file".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_lowercase(),
                None => text,
            }
        }
    }
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl fmt::Display, error: &std::io::Error) -> Self {
        Self::Io { path: path.to_string(), message: io_cause(error) }
    }

    /// Renders the error to `out`: a code frame for rule-file errors, one line otherwise.
    pub fn render(&self, out: &mut dyn WriteColor) -> std::io::Result<()> {
        match self {
            Self::Config(error) => {
                let shown = crate::escape::ShownText::new(&error.text);
                let file = SimpleFile::new(one_line(&error.file), &*shown.text);
                let span = shown.offset(error.span.start)..shown.offset(error.span.end);
                let report = Report::error()
                    .with_message(one_line(&error.message))
                    .with_labels(vec![Label::primary((), span)])
                    .with_notes(error.notes.clone());
                term::emit_to_write_style(out, &term::Config::default(), &file, &report)
                    .map_err(crate::report::into_io)
            }
            _ => writeln!(out, "error: {}", crate::escape::lines(&self.to_string())),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, message } | Self::Fix { path, message } => {
                write!(f, "{}: {message}", one_line(path))
            }
            Self::Utf8 { path, error } => write!(
                f,
                "{}:{}:{}: invalid UTF-8 at byte {} (0x{:02X}); save the file as UTF-8",
                one_line(path),
                error.line,
                error.column,
                error.offset,
                error.byte
            ),
            Self::Config(error) => {
                let (line, column) = error.line_column();
                write!(f, "{}:{line}:{column}: {}", one_line(&error.file), one_line(&error.message))
            }
            Self::Usage(message) => write!(f, "{message}"),
            Self::Internal { path, rule, message } => {
                let place = rule.as_ref().map(|r| format!(" in rule `{r}`")).unwrap_or_default();
                write!(
                    f,
                    "{}: internal error{place}: {message}; the other posts were checked (please report this)",
                    one_line(path)
                )
            }
        }
    }
}
