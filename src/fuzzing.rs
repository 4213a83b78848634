//! What fuzzing asserts of any input, shared by the `cargo fuzz` targets (`fuzz/`, nightly)
//! and the stable driver in `tests/fuzz.rs`: linting never fails or panics, and fixing ends,
//! is idempotent, and never grows a post without bound.

use crate::diagnostic::Applicability;
use crate::fix;
use crate::lint::Linter;
use crate::rules::RuleSet;
use crate::source::Source;
use std::sync::OnceLock;

/// The built-in rules, loaded once for all inputs.
fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::load(true, &[]).expect("the built-in rules load"))
}

/// `data` as a plain-text post and as a Markdown one; nothing if it is not UTF-8 (that is an
/// error for the user, tested elsewhere).
fn posts(data: &[u8]) -> Vec<Source> {
    ["post.txt", "post.md"].iter().filter_map(|name| Source::from_bytes(*name, data.to_vec()).ok()).collect()
}

/// Lints `data`: every diagnostic's range lies on character boundaries of the text.
pub fn lint(data: &[u8]) {
    let linter = Linter::new(&rules().rules);
    for source in posts(data) {
        let diagnostics = linter.lint(&source).expect("linting never fails");
        for d in &diagnostics {
            assert!(d.range.start <= d.range.end && d.range.end <= source.text.len(), "{d:?}");
            assert!(source.text.is_char_boundary(d.range.start) && source.text.is_char_boundary(d.range.end));
        }
    }
}

/// Fixes `data` at both levels: the engine ends; a settled text fixed again is unchanged and
/// no longer than `fix::max_growth` allows; an unsettled one is returned as it was.
pub fn fix(data: &[u8]) {
    let linter = Linter::new(&rules().rules);
    for source in posts(data) {
        for level in [Applicability::Safe, Applicability::Unsafe] {
            let once = fix::fix(&source, &linter, level).expect("fixing never fails");
            assert!(once.text.len() <= fix::max_growth(source.text.len()));
            if once.unsettled.is_some() {
                assert_eq!(once.text, source.text, "an unsettled post is left as it was");
                continue;
            }
            let twice =
                fix::fix(&source.with_text(once.text.clone()), &linter, level).expect("fixing never fails");
            assert_eq!(twice.text, once.text, "fixing twice changes what fixing once did");
            assert_eq!(twice.applied, 0);
        }
    }
}
