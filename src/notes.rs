//! Notes about the run as a whole rather than about one post, such as a dictionary that is not
//! installed: each is said once, after the posts' results.

use std::sync::Mutex;

static NOTES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Records `note` unless it was recorded already.
pub fn once(note: String) {
    let mut notes = NOTES.lock().unwrap_or_else(|e| e.into_inner());
    if !notes.contains(&note) {
        notes.push(note);
    }
}

/// The notes recorded so far, in order, leaving none.
pub fn take() -> Vec<String> {
    std::mem::take(&mut *NOTES.lock().unwrap_or_else(|e| e.into_inner()))
}
