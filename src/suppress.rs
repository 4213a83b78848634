//! Inline suppressions in Markdown posts, written as HTML comments (invisible once rendered):
//! `<!-- postlint-disable a, b -->` … `<!-- postlint-enable -->`,
//! `<!-- postlint-disable-next-line a -->` and `<!-- postlint-disable-file -->`; no ids means
//! every rule. A suppression that suppresses nothing is reported as `unused-suppression`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Source;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The id of the diagnostic for a suppression that suppresses nothing.
pub const UNUSED: &str = "unused-suppression";

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Disable,
    Enable,
    DisableNextLine,
    DisableFile,
}

/// One `<!-- postlint-… -->` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The comment's bytes.
    pub range: Range<usize>,
    pub action: Action,
    /// The rule ids it names; empty means every rule.
    pub rules: Vec<String>,
}

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*postlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->")
        .expect("valid regex")
});

/// The directives in an HTML fragment of the post that starts at byte `offset`.
pub fn parse(html: &str, offset: usize) -> Vec<Directive> {
    DIRECTIVE
        .captures_iter(html)
        .map(|c| {
            let whole = c.get(0).expect("match");
            let action = match &c[1] {
                "disable-next-line" => Action::DisableNextLine,
                "disable-file" => Action::DisableFile,
                "disable" => Action::Disable,
                _ => Action::Enable,
            };
            let rules = c[2].split([',', ' ']).filter(|id| !id.is_empty()).map(str::to_owned).collect();
            Directive { range: offset + whole.start()..offset + whole.end(), action, rules }
        })
        .collect()
}

/// One rule (or every rule, `None`) silenced over a range by a directive.
struct Scope<'a> {
    directive: &'a Directive,
    rule: Option<&'a str>,
    range: Range<usize>,
    used: bool,
}

/// Removes the diagnostics that `directives` suppress, and returns an `unused-suppression`
/// diagnostic for each suppression that suppressed nothing. `is_active` says whether a rule
/// runs now (an unused suppression of a rule turned off is not reported); `is_known` whether it
/// exists at all.
pub fn apply(
    source: &Source,
    directives: &[Directive],
    diagnostics: &mut Vec<Diagnostic>,
    is_active: &dyn Fn(&str) -> bool,
    is_known: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut scopes = scopes(source, directives);
    diagnostics.retain(|d| {
        let scope = scopes
            .iter_mut()
            .find(|s| s.range.contains(&d.range.start) && s.rule.is_none_or(|rule| rule == d.rule));
        match scope {
            Some(scope) => {
                scope.used = true;
                false
            }
            None => true,
        }
    });
    let mut unused = Vec::new();
    for scope in scopes.iter().filter(|s| !s.used) {
        let message = match scope.rule {
            Some(rule) if !is_known(rule) => format!("there is no rule `{rule}` to suppress"),
            Some(rule) if !is_active(rule) => continue,
            Some(rule) => format!("this suppression of `{rule}` suppresses nothing"),
            None => "this suppression suppresses nothing".to_owned(),
        };
        unused.push(Diagnostic {
            rule: UNUSED.to_owned(),
            severity: Severity::Warning,
            range: scope.directive.range.clone(),
            message,
            help: Some("remove it, or the rule id that no longer fires".to_owned()),
            fix: None,
        });
    }
    unused
}

/// Each directive's scopes: one per rule it names (or one for every rule).
fn scopes<'a>(source: &Source, directives: &'a [Directive]) -> Vec<Scope<'a>> {
    let mut scopes: Vec<Scope> = Vec::new();
    let end = source.text.len();
    for directive in directives {
        let range = match directive.action {
            Action::DisableFile => 0..end,
            Action::DisableNextLine => {
                let next = source.line_index(directive.range.end.min(end.saturating_sub(1))) + 1;
                if next < source.line_count() { source.full_line_range(next) } else { end..end }
            }
            Action::Disable => directive.range.end..end,
            Action::Enable => {
                // Close the open `disable` scopes it names (all of them if it names none).
                for scope in scopes.iter_mut().filter(|s| s.directive.action == Action::Disable) {
                    let named = directive.rules.is_empty()
                        || scope.rule.is_some_and(|r| directive.rules.iter().any(|id| id == r));
                    if named && scope.range.end == end {
                        scope.range.end = directive.range.start;
                    }
                }
                continue;
            }
        };
        if directive.rules.is_empty() {
            scopes.push(Scope { directive, rule: None, range, used: false });
        } else {
            for rule in &directive.rules {
                scopes.push(Scope { directive, rule: Some(rule), range: range.clone(), used: false });
            }
        }
    }
    scopes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        let found = parse(
            "x <!-- postlint-disable a, b --> <!--postlint-enable--> <!-- postlint-disable-next-line c -->",
            10,
        );
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0],
            Directive { range: 12..42, action: Action::Disable, rules: vec!["a".into(), "b".into()] }
        );
        assert_eq!(found[1].action, Action::Enable);
        assert!(found[1].rules.is_empty());
        assert_eq!(found[2].rules, ["c"]);
    }
}
