//! `postlint init`: writes a commented `postlint.toml` to start from.

use crate::cli::{CLEAN, FAILURE};
use crate::config::FILE_NAME;
use std::io::Write;

/// The file `init` writes: every key, commented.
pub const TEMPLATE: &str = r#"# postlint configuration. Paths and globs are relative to this file.

# Extra rule directories (every *.toml in them), loaded after the built-in rules; a rule with
# the id of a built-in rule replaces it.
# rule-dirs = ["rules"]

# Load the built-in rules.
# builtin = true

# The platform profile: generic, binance-square, medium, hive or publish0x.
# profile = "generic"

# The posts' language: "auto" guesses it per post; a code such as "it" sets it.
# lang = "auto"

# Files never checked when walking directories (globs; without a "/" they match file names).
# exclude = ["drafts/**", "*.tmp.md"]

# Folders searched first for Hunspell dictionaries (then $DICPATH, then /usr/share/hunspell…).
# dictionaries = ["dictionaries"]

# Word lists the spelling check accepts: one word per line, `#` for comments.
# words = ["team-words.txt"]

# The largest post read (a number of bytes, or "KB"/"MB"); a larger one is an error.
# max-post-size = "4 MB"

# Per-rule settings: severity ("off", "info", "warning", "error") and parameter values.
# [rules.hashtag-count]
# severity = "error"
# max = 3
#
# [rules.missing-space]
# severity = "off"

# Settings for some files only; later entries win.
# [[overrides]]
# files = ["it/**"]
# lang = "it"
# [overrides.rules.disclaimer-missing]
# severity = "error"
"#;

/// Writes `postlint.toml` in the current directory unless one is there.
pub fn run() -> u8 {
    let created = std::fs::OpenOptions::new().write(true).create_new(true).open(FILE_NAME);
    match created.and_then(|mut file| file.write_all(TEMPLATE.as_bytes()).and_then(|()| file.sync_all())) {
        Ok(()) => {
            println!("Wrote {FILE_NAME}.");
            CLEAN
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("error: {FILE_NAME} already exists here; it was left as it is");
            FAILURE
        }
        Err(e) => {
            eprintln!("error: {FILE_NAME}: {e}");
            FAILURE
        }
    }
}
