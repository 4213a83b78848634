//! Running each rule's own `examples` (must fire, and fix to `fixed`) and `allow` texts (must
//! not fire), so that a rule file carries its tests and a broken pattern cannot pass silently.

use crate::diagnostic::Applicability;
use crate::error::Error;
use crate::fix;
use crate::lint::Linter;
use crate::rules::{Rule, RuleSet};
use crate::source::Source;

/// A rule whose example or allow text did not behave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub rule: String,
    /// The rule file and line of the rule.
    pub origin: (String, usize),
    pub problem: String,
}

/// Checks every rule's examples and allow texts, each with that rule alone. An example that
/// cannot run here (its rule needs a dictionary that is not installed) is skipped, with the
/// reason in `skipped`.
pub fn check(rules: &RuleSet) -> Vec<Failure> {
    check_all(rules).0
}

/// The failures, and the examples skipped with why.
pub fn check_all(rules: &RuleSet) -> (Vec<Failure>, Vec<Failure>) {
    let (mut failures, mut skipped) = (Vec::new(), Vec::new());
    for rule in &rules.rules {
        let (failed, cannot_run) = check_rule(rule);
        failures.extend(failed);
        skipped.extend(cannot_run);
    }
    (failures, skipped)
}

fn check_rule(rule: &Rule) -> (Vec<Failure>, Vec<Failure>) {
    let mut failures = Vec::new();
    let mut skipped = Vec::new();
    let failure = |problem: String| Failure { rule: rule.id.clone(), origin: rule.origin.clone(), problem };
    let mut fail = |problem: String| failures.push(failure(problem));
    if rule.examples.is_empty() {
        fail("has no examples".into());
    }
    for example in rule.examples.iter() {
        // An example may set parameter values of its own (`with`).
        let configured = match (&example.with, &rule.file) {
            (Some(with), Some(file)) => match rule.with_settings(file, with) {
                Ok(Some(configured)) => configured,
                Ok(None) => continue,
                Err(e) => {
                    fail(format!("{}: {}", e.line_column().0, e.message));
                    continue;
                }
            },
            _ => rule.clone(),
        };
        let rule = &configured;
        crate::notes::take();
        let found = match run(rule, &example.bad) {
            Ok(found) => found,
            Err(e) => {
                fail(e.to_string());
                continue;
            }
        };
        if found.is_empty() {
            // A note says why the check could not run (no dictionary): not the rule's fault.
            match crate::notes::take().pop() {
                Some(note) => skipped.push(failure(format!("skipped its example {:?}: {note}", example.bad))),
                None => fail(format!("does not fire on its example {:?}", example.bad)),
            }
            continue;
        }
        if let Some(expected) = &example.fixed {
            let Ok(fixed) = fix_with(rule, &example.bad) else { continue };
            if fixed != *expected {
                fail(format!("fixes {:?} to {fixed:?}, not {expected:?}", example.bad));
            }
        }
    }
    for allowed in rule.allow.iter() {
        match run(rule, allowed) {
            Ok(found) if !found.is_empty() => {
                fail(format!("fires on its allow text {allowed:?}: {}", found[0].message))
            }
            Ok(_) => {}
            Err(e) => fail(e.to_string()),
        }
    }
    (failures, skipped)
}

fn run(rule: &Rule, text: &str) -> Result<Vec<crate::diagnostic::Diagnostic>, Error> {
    let source = sample(text);
    Linter::new(std::slice::from_ref(rule)).lint(&source)
}

/// Applies the rule's own fixes, safe or unsafe, until nothing changes.
fn fix_with(rule: &Rule, text: &str) -> Result<String, Error> {
    let source = sample(text);
    Ok(fix::fix(&source, &Linter::new(std::slice::from_ref(rule)), Applicability::Unsafe)?.text)
}

/// An example as a post: plain text, or Markdown if it opens with front matter (`---`), which
/// can also state its language (`lang: fr`).
fn sample(text: &str) -> Source {
    let name = if text.starts_with("---\n") { "example.md" } else { "example.txt" };
    Source::new(name, text.to_owned())
}
