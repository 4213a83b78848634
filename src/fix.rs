//! The fix engine: applies the fixes that come with diagnostics, re-lints, and repeats until
//! nothing changes.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::error::Error;
use crate::lint::Linter;
use crate::source::Source;

/// The most passes the engine makes before it gives up on a post that does not settle.
pub const MAX_PASSES: usize = 10;

/// What fixing one post did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The fixed text (without byte order mark, like `Source::text`); the original text when
    /// the fixes did not settle, so that an unsettled post is never written.
    pub text: String,
    /// How many fixes were applied, over all passes (0 when they did not settle).
    pub applied: usize,
    /// Set when the text did not settle: what kept changing it.
    pub unsettled: Option<Unsettled>,
}

/// Fixes that keep changing a post (they undo each other, or one feeds itself): the post is
/// left as it was, and this says why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsettled {
    /// The rules whose fixes were still being applied when the engine gave up.
    pub rules: Vec<String>,
    /// The text after the first pass and after the second, to show what the passes did.
    pub passes: [String; 2],
    /// Why the engine gave up.
    pub reason: GaveUp,
}

/// Why the fix engine stopped before the text settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GaveUp {
    /// `MAX_PASSES` passes still changed the text.
    TooManyPasses,
    /// The text grew past `max_growth` of the original.
    Grew,
}

/// The longest a fixed text may grow to from `original` bytes: fixes add a disclaimer or a few
/// characters, never more than this; a text that grows past it is a fix feeding on itself.
pub fn max_growth(original: usize) -> usize {
    2 * original + 64 * 1024
}

/// Whether `fix` may be applied at `level` (`Safe`: `--fix`; `Unsafe`: `--unsafe-fixes` too).
pub fn is_applicable(fix: &Fix, level: Applicability) -> bool {
    fix.applicability != Applicability::DisplayOnly && fix.applicability >= level
}

/// Applies the fixes at `level` to `source` until `linter` finds nothing more to fix. When
/// the text does not settle in `MAX_PASSES` passes (or grows without bound), the original text
/// is returned with an `Unsettled` account.
pub fn fix(source: &Source, linter: &Linter, level: Applicability) -> Result<Fixed, Error> {
    let mut text = source.text.clone();
    let mut applied = 0;
    let mut passes: Vec<String> = Vec::with_capacity(2);
    let limit = max_growth(source.text.len());
    let mut reason = GaveUp::TooManyPasses;
    let mut last_pass = Vec::new();
    for _ in 0..MAX_PASSES {
        let diagnostics = linter.lint(&source.with_text(text.clone()))?;
        let planned = plan(&diagnostics, level);
        if planned.is_empty() {
            return Ok(Fixed { text, applied, unsettled: None });
        }
        text = apply(&text, &planned);
        applied += planned.len();
        last_pass = planned.iter().map(|d| d.rule.clone()).collect();
        if passes.len() < 2 {
            passes.push(text.clone());
        }
        if text.len() > limit {
            reason = GaveUp::Grew;
            break;
        }
    }
    let mut rules = last_pass;
    if reason == GaveUp::TooManyPasses {
        let diagnostics = linter.lint(&source.with_text(text.clone()))?;
        rules.extend(plan(&diagnostics, level).iter().map(|d| d.rule.clone()));
    }
    rules.sort();
    rules.dedup();
    let second = passes.pop().unwrap_or_default();
    let first = passes.pop().unwrap_or_else(|| second.clone());
    Ok(Fixed {
        text: source.text.clone(),
        applied: 0,
        unsettled: Some(Unsettled { rules, passes: [first, second], reason }),
    })
}

/// The diagnostics whose fixes to apply together: those with a fix applicable at `level` that
/// does not overlap a fix taken before it (fixes are taken in the order of their first edit).
pub fn plan(diagnostics: &[Diagnostic], level: Applicability) -> Vec<&Diagnostic> {
    let mut candidates: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| is_applicable(f, level) && !f.edits.is_empty()))
        .collect();
    candidates.sort_by_key(|d| edits(d).map(|e| e.range.start).min());
    let mut taken: Vec<&Diagnostic> = Vec::new();
    // The taken edits, sorted by (start, end); they never overlap, so their ends are sorted too, and an
    // edit can only clash with its neighbours at the place it would be inserted.
    let mut sorted: Vec<&Edit> = Vec::new();
    let place = |sorted: &[&Edit], e: &Edit| {
        sorted.partition_point(|a| (a.range.start, a.range.end) < (e.range.start, e.range.end))
    };
    for d in candidates {
        let clashes = edits(d).any(|e| {
            let i = place(&sorted, e);
            sorted[i.saturating_sub(2)..(i + 2).min(sorted.len())].iter().any(|a| overlaps(a, e))
        });
        if !clashes {
            for e in edits(d) {
                sorted.insert(place(&sorted, e), e);
            }
            taken.push(d);
        }
    }
    taken
}

fn edits(d: &Diagnostic) -> impl Iterator<Item = &Edit> {
    d.fix.iter().flat_map(|f| &f.edits)
}

/// Applies the fixes of `planned` (which must not overlap: see `plan`) to `text`.
pub fn apply(text: &str, planned: &[&Diagnostic]) -> String {
    let mut all: Vec<&Edit> = planned.iter().flat_map(|d| edits(d)).collect();
    all.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in all {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Two edits conflict if their ranges share a byte, or both insert at the same offset, or one
/// inserts strictly inside the other's range.
fn overlaps(a: &Edit, b: &Edit) -> bool {
    if a.range.is_empty() || b.range.is_empty() {
        let (point, other) =
            if a.range.is_empty() { (a.range.start, &b.range) } else { (b.range.start, &a.range) };
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
    use crate::diagnostic::Severity;

    fn diagnostic(edits: Vec<Edit>) -> Diagnostic {
        Diagnostic {
            rule: "r".into(),
            severity: Severity::Warning,
            range: 0..0,
            message: String::new(),
            help: None,
            fix: Some(Fix { title: String::new(), edits, applicability: Applicability::Safe }),
        }
    }

    #[test]
    fn applies_non_overlapping_fixes_in_order() {
        let diagnostics = [
            diagnostic(vec![Edit::replace(0..3, "abc")]),
            diagnostic(vec![Edit::insert(5, " ")]),
            diagnostic(vec![Edit::replace(1..2, "x")]),
            diagnostic(vec![Edit::insert(5, "!")]),
            diagnostic(vec![Edit::replace(5..6, "")]),
        ];
        let planned = plan(&diagnostics, Applicability::Safe);
        assert_eq!(planned.len(), 3);
        assert_eq!(apply("xyz01234", &planned), "abc01 34");
    }

    #[test]
    fn an_insertion_and_a_range_at_the_same_offset_still_block_an_overlap() {
        let diagnostics = [
            diagnostic(vec![Edit::insert(31, "x")]),
            diagnostic(vec![Edit::delete(31..41)]),
            diagnostic(vec![Edit::delete(40..49)]),
        ];
        let planned = plan(&diagnostics, Applicability::Safe);
        assert_eq!(planned.len(), 2);
    }
}
