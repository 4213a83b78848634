//! postlint: a linter for write-to-earn posts, driven by rules loaded from TOML files.
//!
//! The flow: a `Source` (decoded text + line index) becomes a `Document` (the prose view and
//! its tokens); the `RuleSet`'s rules, each an instance of a kind in `kinds`, find problems;
//! `lint` turns them into `Diagnostic`s in source order; `report` prints them and `fix` applies
//! their fixes.

pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod error;
pub mod escape;
pub mod examples;
pub mod fix;
pub mod fuzzing;
pub mod kinds;
pub mod lang;
pub mod lint;
pub mod markdown;
pub mod notes;
pub mod pattern;
pub mod phrases;
pub mod progress;
pub mod read;
pub mod report;
pub mod rule_file;
pub mod rules;
pub mod run;
pub mod source;
pub mod spelling;
pub mod suppress;
pub mod template;
pub mod toml_file;
pub mod walk;
pub mod words;
pub mod write;
