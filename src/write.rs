//! Writing a fixed post back so that it is never lost or half-written: the new text goes to a
//! temporary file in the same directory, is flushed and synced, gets the original's permissions,
//! and is renamed over the original — an atomic step, so a reader (or a crash) sees either the
//! old file or the new one. A symlink is followed and its target rewritten; the link stays.

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
    let dir = target.parent().ok_or_else(|| fail("the file has no directory"))?;
    if std::fs::metadata(dir).map_err(io)?.permissions().readonly() {
        return Err(fail(
            "its directory is read-only, so no temporary file can be made there; it was not fixed",
        ));
    }
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".postlint-tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    temp.write_all(contents).map_err(io)?;
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
