//! Notes about the run as a whole rather than about one post, such as dictionaries that are not
//! installed: said once each, after the posts' results.

use std::sync::Mutex;

/// A note, or a topic whose items are gathered into one note.
enum Note {
    Text(String),
    Gathered { topic: &'static str, render: fn(&[String]) -> String, items: Vec<String> },
}

static NOTES: Mutex<Vec<Note>> = Mutex::new(Vec::new());

/// Records `note` unless it was recorded already.
pub fn once(note: String) {
    let mut notes = NOTES.lock().unwrap_or_else(|e| e.into_inner());
    if !notes.iter().any(|n| matches!(n, Note::Text(text) if *text == note)) {
        notes.push(Note::Text(note));
    }
}

/// Adds `item` to `topic`'s note (once), which `render` writes from all its items: one line
/// for every language without a dictionary, not one line each.
pub fn gather(topic: &'static str, render: fn(&[String]) -> String, item: &str) {
    let mut notes = NOTES.lock().unwrap_or_else(|e| e.into_inner());
    let found = notes.iter_mut().find_map(|n| match n {
        Note::Gathered { topic: t, items, .. } if *t == topic => Some(items),
        _ => None,
    });
    match found {
        Some(items) if items.iter().any(|i| i == item) => {}
        Some(items) => items.push(item.to_owned()),
        None => notes.push(Note::Gathered { topic, render, items: vec![item.to_owned()] }),
    }
}

/// The notes recorded so far, in order, leaving none.
pub fn take() -> Vec<String> {
    let notes = std::mem::take(&mut *NOTES.lock().unwrap_or_else(|e| e.into_inner()));
    notes
        .into_iter()
        .map(|note| match note {
            Note::Text(text) => text,
            Note::Gathered { render, mut items, .. } => {
                items.sort();
                render(&items)
            }
        })
        .collect()
}
