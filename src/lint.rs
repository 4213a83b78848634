//! Running a rule set over one post.

use crate::diagnostic::{Applicability, Diagnostic};
use crate::document::Document;
use crate::rules::Rule;
use crate::source::Source;

/// Every problem the rules find in `source`, in source order.
pub fn lint(source: &Source, rules: &[Rule]) -> Vec<Diagnostic> {
    let doc = Document::new(source);
    let mut diagnostics: Vec<Diagnostic> = rules.iter().flat_map(|rule| rule.run(&doc)).collect();
    drop_resolved(&mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, &a.rule).cmp(&(b.range.start, b.range.end, &b.rule))
    });
    diagnostics
}

/// Drops a diagnostic whose text another diagnostic's safe fix removes or rewrites: the comma in
/// `dollari,Subheading,` lacks a space, but removing the stray label resolves that too.
fn drop_resolved(diagnostics: &mut Vec<Diagnostic>) {
    let resolved: Vec<bool> = diagnostics
        .iter()
        .map(|d| {
            diagnostics
                .iter()
                .any(|other| other.range != d.range && resolves(other, d))
        })
        .collect();
    let mut resolved = resolved.into_iter();
    diagnostics.retain(|_| !resolved.next().unwrap_or(false));
}

/// Whether `other` has a safe fix that rewrites all of `d`'s text.
fn resolves(other: &Diagnostic, d: &Diagnostic) -> bool {
    other.fix.as_ref().is_some_and(|fix| {
        fix.applicability == Applicability::Safe
            && fix.edits.iter().any(|e| {
                !e.range.is_empty() && e.range.start <= d.range.start && d.range.end <= e.range.end
            })
    })
}
