//! Writing a fixed post back so that it is never lost or half-written: the new text goes to a
//! temporary file in the same directory, is flushed and synced, gets the original's permissions,
//! and is renamed over the original — an atomic step, so a reader (or a crash) sees either the
//! old file or the new one. A symlink is followed and its target rewritten; the link stays.
//! The owner and group are kept where the system lets us. A file with other hard links is not
//! fixed: a rename would leave the other names with the old text, and writing in place could be
//! torn by a crash. Temporary files that a killed run left behind are removed.

use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// Replaces the file at `path` with `contents`, provided it still holds `expected` (the bytes
/// that were read and fixed); otherwise nothing is written and the error says why.
pub fn replace_file(path: &Path, expected: &[u8], contents: &[u8]) -> Result<(), Error> {
    let fail = |message: &str| Error::Io { path: path.display().to_string(), message: message.to_owned() };
    let io = |e: std::io::Error| Error::io(path.display(), &e);
    let target = std::fs::canonicalize(path).map_err(io)?;
    let metadata = std::fs::metadata(&target).map_err(io)?;
    if metadata.permissions().readonly() {
        return Err(fail("the file is read-only; it was not fixed"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.nlink() > 1 {
            return Err(fail(&format!(
                "the file has {} hard links, and fixing it would leave the other names with the old text; \
                 it was not fixed (`postlint check --diff` shows the change to make by hand)",
                metadata.nlink()
            )));
        }
    }
    let dir = target.parent().ok_or_else(|| fail("the file has no directory"))?;
    if std::fs::metadata(dir).map_err(io)?.permissions().readonly() {
        return Err(fail(
            "its directory is read-only, so no temporary file can be made there; it was not fixed",
        ));
    }
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(dir)
        .map_err(io)?;
    remove_stale_temporaries(dir);
    temp.write_all(contents).map_err(io)?;
    keep_owner(temp.as_file(), &metadata);
    temp.as_file().sync_all().map_err(io)?;
    std::fs::set_permissions(temp.path(), metadata.permissions()).map_err(io)?;
    if std::fs::read(&target).map_err(io)? != expected {
        return Err(fail(
            "the file changed on disk while postlint was fixing it; it was not written (run postlint again)",
        ));
    }
    temp.persist(&target).map_err(|e| io(e.error))?;
    // Make the rename itself durable.
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Gives `file` the owner and group of `original` where the system allows it (the group alone,
/// if only that; nothing otherwise, as any editor would).
fn keep_owner(file: &std::fs::File, original: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (uid, gid) = (original.uid(), original.gid());
        if std::os::unix::fs::fchown(file, Some(uid), Some(gid)).is_err() {
            let _ = std::os::unix::fs::fchown(file, None, Some(gid));
        }
    }
    #[cfg(not(unix))]
    let _ = (file, original);
}

/// The suffix of the temporary files a fix writes.
pub const TEMPORARY_SUFFIX: &str = ".postlint-tmp";

/// How old a temporary file must be before it counts as left by a killed run (a live run holds
/// one for milliseconds).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temporary files (`.NAME.XXXXXX.postlint-tmp`) that runs killed while fixing
/// left in `dir`, once per directory per run.
fn remove_stale_temporaries(dir: &Path) {
    static CLEANED: std::sync::Mutex<Option<rustc_hash::FxHashSet<std::path::PathBuf>>> =
        std::sync::Mutex::new(None);
    let first_time = CLEANED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get_or_insert_default()
        .insert(dir.to_owned());
    if !first_time {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && name.ends_with(TEMPORARY_SUFFIX)) {
            continue;
        }
        let stale = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified().is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_AFTER))
        });
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
