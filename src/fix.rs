//! The fix engine: applies the fixes that come with diagnostics, re-lints, and repeats until
//! nothing changes.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::lint::lint;
use crate::rules::Rule;
use crate::source::Source;

/// The most passes the engine makes before it gives up on a post that does not settle.
pub const MAX_PASSES: usize = 10;

/// What fixing one post did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The text after the last pass (without byte order mark, like `Source::text`).
    pub text: String,
    /// How many fixes were applied, over all passes.
    pub applied: usize,
    /// The rules that still had fixes to apply when the engine stopped after `MAX_PASSES`
    /// passes: they undo each other. Empty when the text settled.
    pub unsettled: Vec<String>,
}

/// Whether `fix` may be applied at `level` (`Safe`: `--fix`; `Unsafe`: `--unsafe-fixes` too).
pub fn is_applicable(fix: &Fix, level: Applicability) -> bool {
    fix.applicability != Applicability::DisplayOnly && fix.applicability >= level
}

/// Applies the fixes at `level` to `source` until the rules find nothing more to fix.
pub fn fix(source: &Source, rules: &[Rule], level: Applicability) -> Fixed {
    let mut text = source.text.clone();
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let diagnostics = lint(&Source::new(source.name.clone(), text.clone()), rules);
        let (next, count) = apply(&text, fixes_at(&diagnostics, level));
        if count == 0 {
            return Fixed {
                text,
                applied,
                unsettled: Vec::new(),
            };
        }
        text = next;
        applied += count;
    }
    let diagnostics = lint(&Source::new(source.name.clone(), text.clone()), rules);
    let mut unsettled: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| is_applicable(f, level)))
        .map(|d| d.rule.clone())
        .collect();
    unsettled.sort();
    unsettled.dedup();
    Fixed {
        text,
        applied,
        unsettled,
    }
}

fn fixes_at(diagnostics: &[Diagnostic], level: Applicability) -> impl Iterator<Item = &Fix> {
    diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(move |f| is_applicable(f, level))
}

/// Applies every fix that does not overlap one applied before it (fixes are taken in the order
/// of their first edit); returns the new text and the number of fixes applied.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.into_iter().filter(|f| !f.edits.is_empty()).collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.range.start).min());
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut count = 0;
    for fix in fixes {
        if fix
            .edits
            .iter()
            .all(|e| accepted.iter().all(|a| !overlaps(a, e)))
        {
            accepted.extend(&fix.edits);
            count += 1;
        }
    }
    accepted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in accepted {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    (out, count)
}

/// Two edits conflict if their ranges share a byte, or both insert at the same offset, or one
/// inserts strictly inside the other's range.
fn overlaps(a: &Edit, b: &Edit) -> bool {
    if a.range.is_empty() || b.range.is_empty() {
        let (point, other) = if a.range.is_empty() {
            (a.range.start, &b.range)
        } else {
            (b.range.start, &a.range)
        };
        return if other.is_empty() {
            point == other.start
        } else {
            other.start < point && point < other.end
        };
    }
    a.range.start < b.range.end && b.range.start < a.range.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability;

    fn fix(edits: Vec<Edit>) -> Fix {
        Fix {
            title: String::new(),
            edits,
            applicability: Applicability::Safe,
        }
    }

    #[test]
    fn applies_non_overlapping_fixes_in_order() {
        let fixes = [
            fix(vec![Edit::replace(0..3, "abc")]),
            fix(vec![Edit::insert(5, " ")]),
            fix(vec![Edit::replace(1..2, "x")]),
        ];
        assert_eq!(apply("xyz01234", &fixes), ("abc01 234".to_string(), 2));
    }
}
