//! Finding the posts to check: explicit files, directories walked for posts, or stdin.

use crate::error::Error;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The extensions of the files a directory walk picks up.
pub const POST_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// One post to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-` on the command line).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

/// The posts named by `paths`, in order: a file is taken as given, whatever its extension
/// (unless `force_exclude` and `excluded` says so); a directory is walked for posts (sorted,
/// skipping hidden files, what `excluded` says, and whatever `.gitignore`, `.ignore` or
/// `.postlintignore` exclude); `-` is stdin. A path that cannot be read is an error.
pub fn discover(paths: &[PathBuf], excluded: Exclude, force_exclude: bool) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => walk(path, excluded.clone(), &mut inputs, &mut errors),
            Ok(metadata) if metadata.is_file() => {
                if !(force_exclude && excluded(path)) {
                    inputs.push(Input::File(path.clone()));
                }
            }
            Ok(metadata) => errors.push(Error::Io {
                path: path.display().to_string(),
                message: format!(
                    "{}, not a regular file; name a post file, a folder or `-` for stdin",
                    crate::read::describe(&metadata.file_type())
                ),
            }),
            Err(e) => errors.push(Error::Io { path: path.display().to_string(), message: cause(path, &e) }),
        }
    }
    (inputs, errors)
}

/// Says whether a path is excluded from the walk.
pub type Exclude = std::sync::Arc<dyn Fn(&Path) -> bool + Send + Sync>;

fn walk(dir: &Path, excluded: Exclude, inputs: &mut Vec<Input>, errors: &mut Vec<Error>) {
    // Walked on every core; the order is restored by sorting, which gives the same order as a
    // depth-first walk with sorted folders (paths compare component by component).
    let walker = ignore::WalkBuilder::new(dir)
        .add_custom_ignore_filename(".postlintignore")
        .require_git(false)
        .filter_entry(move |entry| entry.depth() == 0 || !excluded(entry.path()))
        .build_parallel();
    let found: Mutex<(Vec<PathBuf>, Vec<Error>)> = Mutex::new((Vec::new(), Vec::new()));
    walker.run(|| {
        Box::new(|entry| {
            let mut found = found.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            match entry {
                Ok(entry) if is_post(&entry) => {
                    // `postlint check .` reports `post.md`, not `./post.md`.
                    found.0.push(entry.path().strip_prefix("./").unwrap_or(entry.path()).to_owned());
                }
                Ok(_) => {}
                Err(e) => found.1.push(walk_error(dir, &e)),
            }
            ignore::WalkState::Continue
        })
    });
    let (mut paths, walk_errors) = found.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
    // The order of `Path`'s comparison (component by component), at the cost of a byte
    // comparison: a separator reads as 0, below any byte of a name.
    paths.sort_by_cached_key(|p| {
        p.as_os_str().as_encoded_bytes().iter().map(|&b| if b == b'/' { 0 } else { b }).collect::<Vec<u8>>()
    });
    inputs.extend(paths.into_iter().map(Input::File));
    errors.extend(walk_errors);
}

/// Why `path` cannot be opened, once and exactly: a dangling symlink is not "no such file".
fn cause(path: &Path, error: &std::io::Error) -> String {
    let dangling = error.kind() == std::io::ErrorKind::NotFound
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if dangling { "a symlink whose target does not exist".into() } else { crate::error::io_cause(error) }
}

/// An error met while walking `dir`, naming the path it concerns once.
fn walk_error(dir: &Path, error: &ignore::Error) -> Error {
    let mut path = dir.to_owned();
    let mut error = error;
    loop {
        match error {
            ignore::Error::WithPath { path: at, err } => {
                path = at.clone();
                error = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error = err,
            ignore::Error::Io(e) => {
                return Error::Io { path: path.display().to_string(), message: cause(&path, e) };
            }
            ignore::Error::Loop { child, .. } => {
                return Error::Io {
                    path: child.display().to_string(),
                    message: "a symlink loop (a link to a folder that holds it)".into(),
                };
            }
            other => return Error::Io { path: path.display().to_string(), message: other.to_string() },
        }
    }
}

fn is_post(entry: &ignore::DirEntry) -> bool {
    entry.file_type().is_some_and(|t| t.is_file())
        && entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| POST_EXTENSIONS.iter().any(|p| e.eq_ignore_ascii_case(p)))
}
