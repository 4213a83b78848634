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
        } else if path.is_dir() {
            walk(path, excluded.clone(), &mut inputs, &mut errors);
        } else if path.exists() {
            if !(force_exclude && excluded(path)) {
                inputs.push(Input::File(path.clone()));
            }
        } else {
            errors.push(Error::Io {
                path: path.display().to_string(),
                message: "no such file or directory".into(),
            });
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
                Err(e) => found.1.push(Error::Io { path: dir.display().to_string(), message: e.to_string() }),
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

fn is_post(entry: &ignore::DirEntry) -> bool {
    entry.file_type().is_some_and(|t| t.is_file())
        && entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| POST_EXTENSIONS.iter().any(|p| e.eq_ignore_ascii_case(p)))
}
