//! One post through the pipeline: read it, fix it if asked, write it back or diff it, and lint
//! what remains.

use crate::diagnostic::Applicability;
use crate::error::Error;
use crate::fix;
use crate::lint::Linter;
use crate::report::FileReport;
use crate::source::Source;
use crate::walk::Input;
use crate::write::replace_file;

/// What `check` does with each post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Report problems.
    Check,
    /// Apply fixes (to the file, or to stdout for stdin), then report what remains.
    Fix,
    /// Print what `Fix` would change, as a unified diff; write nothing.
    Diff,
}

/// What happened to one post.
#[derive(Default)]
pub struct Outcome {
    /// The post as it now stands and its remaining problems (absent if it could not be read).
    pub report: Option<FileReport>,
    /// How many fixes were applied (or, with `Diff`, would be).
    pub fixed: usize,
    /// With `Diff`: the unified diff, if anything would change.
    pub diff: Option<String>,
    /// With `Fix` on stdin: the fixed draft, BOM included.
    pub fixed_draft: Option<Vec<u8>>,
    pub errors: Vec<Error>,
}

/// Runs one post through `mode`; `level` says which fixes apply; a post over `limit` bytes is
/// an error. A panic (a bug in postlint)
/// is caught and becomes an internal error for this post alone.
pub fn process(
    input: &Input,
    stdin_name: &str,
    linter: &Linter,
    mode: Mode,
    level: Applicability,
    limit: u64,
) -> Outcome {
    let mut outcome = Outcome::default();
    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        try_process(input, stdin_name, linter, (mode, level, limit), &mut outcome)
    }));
    let failed = match done {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e),
        Err(payload) => Some(Error::Internal {
            path: match input {
                Input::Stdin => stdin_name.to_owned(),
                Input::File(path) => path.display().to_string(),
            },
            rule: None,
            message: crate::error::panic_message(payload.as_ref()),
        }),
    };
    outcome.errors.extend(failed);
    outcome
}

fn try_process(
    input: &Input,
    stdin_name: &str,
    linter: &Linter,
    (mode, level, limit): (Mode, Applicability, u64),
    outcome: &mut Outcome,
) -> Result<(), Error> {
    let mut current = read(input, stdin_name, limit)?;
    if mode != Mode::Check {
        let fixed = fix::fix(&current, linter, level)?;
        if let Some(unsettled) = &fixed.unsettled {
            outcome.errors.push(unsettled_error(&current, unsettled));
        }
        let new = current.with_text(fixed.text);
        let changed = new.text != current.text;
        outcome.fixed = fixed.applied;
        match (mode, input) {
            (Mode::Diff, _) => {
                if changed {
                    outcome.diff = Some(unified_diff(&current, &new));
                }
            }
            (_, Input::Stdin) => {
                outcome.fixed_draft = Some(new.file_bytes());
                current = new;
            }
            (_, Input::File(path)) => {
                if changed {
                    // The post as read: a `Source` keeps every byte (the BOM as a flag).
                    match replace_file(path, &current.file_bytes(), &new.file_bytes()) {
                        Ok(()) => current = new,
                        Err(e) => {
                            outcome.fixed = 0;
                            outcome.errors.push(e);
                        }
                    }
                }
            }
        }
    }
    let diagnostics = linter.lint(&current)?;
    outcome.report = Some(FileReport { source: current, diagnostics });
    Ok(())
}

/// Reads and decodes one post, of at most `limit` bytes.
fn read(input: &Input, stdin_name: &str, limit: u64) -> Result<Source, Error> {
    let (name, bytes) = match input {
        Input::Stdin => (stdin_name.to_owned(), crate::read::read_stdin(limit)),
        Input::File(path) => (path.display().to_string(), crate::read::read_file(path, limit)),
    };
    let bytes = bytes.map_err(|e| Error::Io { path: name.clone(), message: e.to_string() })?;
    Source::from_bytes(name.clone(), bytes).map_err(|error| Error::Utf8 { path: name, error })
}

/// A unified diff from `old` to `new`, with the post's path on both header lines, as `patch`
/// takes it.
fn unified_diff(old: &Source, new: &Source) -> String {
    let (old_bytes, new_bytes) = (old.file_bytes(), new.file_bytes());
    let (old_text, new_text) = (String::from_utf8_lossy(&old_bytes), String::from_utf8_lossy(&new_bytes));
    text_diff(&old_text, &new_text, &old.name, &new.name)
}

/// A unified diff of two texts; the names in its header are shown without control characters
/// (the text itself stays as it is, so that `patch` can apply it).
fn text_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let (old_name, new_name) = (crate::escape::one_line(old_name), crate::escape::one_line(new_name));
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&old_name, &new_name)
        .to_string()
}

/// The error for a post whose fixes did not settle: the rules, and what the first two passes
/// changed (a diff each), so that the loop can be seen; the post itself is left untouched.
fn unsettled_error(source: &Source, unsettled: &fix::Unsettled) -> Error {
    let [first, second] = &unsettled.passes;
    let why = match unsettled.reason {
        fix::GaveUp::TooManyPasses => format!("the fixes did not settle after {} passes", fix::MAX_PASSES),
        fix::GaveUp::Grew => "the fixes kept making the post longer".to_owned(),
    };
    let mut message = format!(
        "{why}: {} keep changing it; the file was left as it was (fix by hand, or turn one of them off)",
        unsettled.rules.join(", ")
    );
    let name = &source.name;
    message.push_str("\nfirst pass:\n");
    message.push_str(&text_diff(&source.text, first, name, &format!("{name} (pass 1)")));
    if second != first {
        message.push_str("second pass:\n");
        message.push_str(&text_diff(first, second, &format!("{name} (pass 1)"), &format!("{name} (pass 2)")));
    }
    Error::Fix { path: name.clone(), message }
}
