//! Running a rule set over one post.

use crate::diagnostic::{Applicability, Diagnostic};
use crate::document::Document;
use crate::error::Error;
use crate::rules::Rule;
use crate::source::Source;
use crate::suppress;

/// What posts are checked with: the rules, and what is known of the posts.
#[derive(Clone, Copy)]
pub struct Linter<'a> {
    pub rules: &'a [Rule],
    /// The posts' language when it is configured; `None`: guessed where a rule needs it.
    pub lang: Option<&'a str>,
    /// Every rule loaded, running or not: a suppression naming none of them is reported.
    pub known: &'a [Rule],
    /// Whether suppressions that suppress nothing are reported.
    pub report_unused: bool,
}

impl<'a> Linter<'a> {
    /// A linter running `rules` on posts of unknown language.
    pub fn new(rules: &'a [Rule]) -> Self {
        Self { rules, lang: None, known: rules, report_unused: true }
    }

    /// Every problem the rules find in `source`, in source order; an error if a rule panicked.
    pub fn lint(&self, source: &Source) -> Result<Vec<Diagnostic>, Error> {
        let doc = Document::new(source, self.lang);
        let mut diagnostics = Vec::new();
        for rule in self.rules {
            let found = rule.run(&doc).map_err(|message| Error::Internal {
                path: source.name.clone(),
                rule: Some(rule.id.clone()),
                message,
            })?;
            diagnostics.extend(found);
        }
        sort(&mut diagnostics);
        drop_superseded(&source.text, &mut diagnostics, |id| {
            self.rules.iter().any(|r| r.id == id && r.supersedes())
        });
        drop_yielded(&mut diagnostics, |id| self.rules.iter().any(|r| r.id == id && r.yields()));
        drop_resolved(&mut diagnostics);
        if !doc.directives.is_empty() {
            let is_active = |id: &str| self.rules.iter().any(|r| r.id == id);
            let is_known = |id: &str| self.known.iter().any(|r| r.id == id);
            let unused = suppress::apply(source, &doc.directives, &mut diagnostics, &is_active, &is_known);
            if self.report_unused {
                diagnostics.extend(unused);
                sort(&mut diagnostics);
            }
        }
        Ok(diagnostics)
    }
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics
        .sort_by(|a, b| (a.range.start, a.range.end, &a.rule).cmp(&(b.range.start, b.range.end, &b.rule)));
}

/// Drops a diagnostic of a rule that yields (`yields(rule id)`) to a more specific diagnostic of
/// another rule on the same text: `Diclaimaer` is reported as a misspelling of “Disclaimer”,
/// not also as an unknown word. A wider problem that merely covers the word (a paragraph, a
/// line, a post) hides nothing: it is more specific only if it is at most twice as long, plus a
/// few bytes of punctuation. `diagnostics` must be sorted by position.
fn drop_yielded(diagnostics: &mut Vec<Diagnostic>, yields: impl Fn(&str) -> bool) {
    let overlapped: Vec<bool> = diagnostics
        .iter()
        .map(|d| {
            yields(&d.rule)
                && diagnostics.iter().any(|other| {
                    other.rule != d.rule
                        && other.range.start < d.range.end
                        && d.range.start < other.range.end
                        && other.range.len() <= 2 * d.range.len() + 8
                })
        })
        .collect();
    let mut overlapped = overlapped.into_iter();
    diagnostics.retain(|_| !overlapped.next().unwrap_or(false));
}

/// Drops every diagnostic that overlaps a diagnostic of a rule that supersedes others
/// (`supersedes(rule id)`), or the word it is glued to: what a `mojibake` run covers is
/// garbled bytes, not spaces and quotes to fix, and `taient` in `Ã©taient` is no word.
/// `diagnostics` must be sorted by position.
fn drop_superseded(text: &str, diagnostics: &mut Vec<Diagnostic>, supersedes: impl Fn(&str) -> bool) {
    let word_start = |at: usize| text[..at].trim_end_matches(char::is_alphanumeric).len();
    let word_end = |at: usize| text.len() - text[at..].trim_start_matches(char::is_alphanumeric).len();
    let covering: Vec<std::ops::Range<usize>> = diagnostics
        .iter()
        .filter(|d| supersedes(&d.rule))
        .map(|d| word_start(d.range.start)..word_end(d.range.end))
        .collect();
    if covering.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        let first = covering.partition_point(|c| c.end <= d.range.start);
        supersedes(&d.rule)
            || covering.get(first).is_none_or(|c| c.start >= d.range.end.max(d.range.start + 1))
    });
}

/// Drops a diagnostic whose text another diagnostic's safe fix removes or rewrites: the comma in
/// `dollari,Subheading,` lacks a space, but removing the stray label resolves that too.
/// `diagnostics` must be sorted by position.
fn drop_resolved(diagnostics: &mut Vec<Diagnostic>) {
    let mut resolved = vec![false; diagnostics.len()];
    for owner in diagnostics.iter() {
        let Some(fix) = owner.fix.as_ref().filter(|f| f.applicability == Applicability::Safe) else {
            continue;
        };
        for edit in fix.edits.iter().filter(|e| !e.range.is_empty()) {
            let first = diagnostics.partition_point(|d| d.range.start < edit.range.start);
            for (i, d) in diagnostics.iter().enumerate().skip(first) {
                if d.range.start >= edit.range.end {
                    break;
                }
                if d.range.end <= edit.range.end && d.range != owner.range {
                    resolved[i] = true;
                }
            }
        }
    }
    let mut resolved = resolved.into_iter();
    diagnostics.retain(|_| !resolved.next().unwrap_or(false));
}
