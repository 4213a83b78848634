//! A bug in one check stops neither the run nor the other posts: it becomes an error for the
//! post it happened on, naming the rule.

use postlint::diagnostic::{Applicability, Severity};
use postlint::document::Document;
use postlint::kinds::{Check, Finding};
use postlint::lint::Linter;
use postlint::rules::{Rule, RuleSet};
use postlint::run::{Mode, process};
use postlint::walk::Input;
use std::sync::Arc;

/// Panics on posts that mention "boom".
struct Fragile;

impl Check for Fragile {
    fn check(&self, doc: &Document, _out: &mut Vec<Finding>) {
        assert!(!doc.text().contains("boom"), "cannot handle boom");
    }
}

#[test]
fn a_panicking_rule_is_an_internal_error_for_that_post_only() {
    let mut rules = RuleSet::load(true, &[]).unwrap().rules;
    rules.push(Rule::custom("fragile", "custom", Severity::Warning, "never shown", Arc::new(Fragile)));
    let linter = Linter::new(&rules);
    let dir = tempfile::tempdir().unwrap();
    let (bad, good) = (dir.path().join("bad.txt"), dir.path().join("good.txt"));
    std::fs::write(&bad, "It goes boom.\n").unwrap();
    std::fs::write(&good, "Heading\nNFA\n").unwrap();

    let failed = process(&Input::File(bad.clone()), "-", &linter, Mode::Check, Applicability::Safe, 1 << 20);
    assert!(failed.report.is_none());
    assert_eq!(failed.errors.len(), 1);
    assert_eq!(
        failed.errors[0].to_string(),
        format!(
            "{}: internal error in rule `fragile`: cannot handle boom; the other posts were checked (please report this)",
            bad.display()
        )
    );

    let checked = process(&Input::File(good), "-", &linter, Mode::Fix, Applicability::Safe, 1 << 20);
    assert!(checked.errors.is_empty());
    assert_eq!(checked.fixed, 1);
}
