//! `postlint rules list | explain | test`.

use super::{Loaded, load, render_errors};
use crate::cli::{CLEAN, FAILURE, ListFormat, PROBLEMS, RuleArgs, RulesCommand};
use crate::examples;
use crate::kinds;
use crate::rule_file::FixSetting;
use crate::rules::{Rule, RuleSet};
use serde::Serialize;
use std::path::PathBuf;

/// Runs a `rules` subcommand and returns its exit code.
pub fn run(command: &RulesCommand) -> u8 {
    match command {
        RulesCommand::List { rule_args, format } => list(rule_args, *format),
        RulesCommand::Explain { id, rule_args } => explain(id, rule_args),
        RulesCommand::Test { dirs } => test(dirs),
    }
}

fn loaded(args: &RuleArgs) -> Option<Loaded> {
    load(args).map_err(|errors| render_errors(&errors, &mut crate::cli::ColorMode::Auto.stream(true))).ok()
}

/// `fix` as rule files write it.
pub fn fix_name(fix: FixSetting) -> &'static str {
    match fix {
        FixSetting::Safe => "safe",
        FixSetting::Unsafe => "unsafe",
        FixSetting::None => "none",
    }
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    kind: &'a str,
    severity: &'a str,
    fix: &'a str,
    file: &'a str,
    line: usize,
}

fn list(args: &RuleArgs, format: ListFormat) -> u8 {
    let Some(Loaded { config, rules }) = loaded(args) else { return FAILURE };
    let configured = config.apply(&rules.rules, &[]).unwrap_or_default();
    let listed: Vec<Listed> = rules
        .rules
        .iter()
        .map(|rule| Listed {
            id: &rule.id,
            kind: &rule.kind,
            severity: configured.iter().find(|r| r.id == rule.id).map_or("off", |r| r.severity.as_str()),
            fix: fix_name(rule.fix),
            file: &rule.origin.0,
            line: rule.origin.1,
        })
        .collect();
    match format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&listed).unwrap_or_default()),
        ListFormat::Human => {
            let width = listed.iter().map(|l| l.id.len()).max().unwrap_or(0);
            for l in &listed {
                println!(
                    "{:width$}  {:9}  {:7}  {:6}  {}:{}",
                    l.id, l.kind, l.severity, l.fix, l.file, l.line
                );
            }
        }
    }
    CLEAN
}

fn explain(id: &str, args: &RuleArgs) -> u8 {
    let Some(Loaded { rules, .. }) = loaded(args) else { return FAILURE };
    let Some(rule) = rules.get(id) else {
        eprintln!("error: there is no rule `{id}`; `postlint rules list` shows them");
        return FAILURE;
    };
    print!("{}", explanation(rule));
    CLEAN
}

/// What `rules explain` prints for `rule`.
pub fn explanation(rule: &Rule) -> String {
    let mut out = format!(
        "{} — kind `{}`, {}, fix: {}\nfrom {}:{}\n\nmessage: {}\n",
        rule.id,
        rule.kind,
        rule.severity.as_str(),
        fix_name(rule.fix),
        rule.origin.0,
        rule.origin.1,
        rule.message_text,
    );
    if let Some(why) = &rule.why {
        out.push_str(&format!("why: {why}\n"));
    }
    if let Some(help) = &rule.help {
        out.push_str(&format!("help: {help}\n"));
    }
    if !rule.examples.is_empty() {
        out.push_str("\nexamples:\n");
        for example in rule.examples.iter() {
            match &example.fixed {
                Some(fixed) => out.push_str(&format!("  {:?}\n    → {:?}\n", example.bad, fixed)),
                None => out.push_str(&format!("  {:?}\n", example.bad)),
            }
        }
    }
    if !rule.allow.is_empty() {
        out.push_str("\nnever fires on:\n");
        for allowed in rule.allow.iter() {
            out.push_str(&format!("  {allowed:?}\n"));
        }
    }
    out.push_str(&format!("\nkind `{}`:\n{}", rule.kind, kinds::documentation(&rule.kind)));
    out
}

fn test(dirs: &[PathBuf]) -> u8 {
    let rules = if dirs.is_empty() {
        match loaded(&RuleArgs { config: None, rules: Vec::new(), no_builtin: false, profile: None }) {
            Some(loaded) => loaded.rules,
            None => return FAILURE,
        }
    } else {
        match RuleSet::load(false, dirs) {
            Ok(rules) => rules,
            Err(errors) => {
                render_errors(&errors, &mut crate::cli::ColorMode::Auto.stream(true));
                return FAILURE;
            }
        }
    };
    let (failures, skipped) = examples::check_all(&rules);
    for failure in failures.iter().chain(&skipped) {
        println!("{}:{}: {}: {}", failure.origin.0, failure.origin.1, failure.rule, failure.problem);
    }
    let examples: usize = rules.rules.iter().map(|r| r.examples.len()).sum();
    let allowed: usize = rules.rules.iter().map(|r| r.allow.len()).sum();
    let rules_count = rules.rules.len();
    let skipped = match skipped.len() {
        0 => String::new(),
        n => format!(" ({n} examples skipped: see above)"),
    };
    if failures.is_empty() {
        println!("{rules_count} rules, {examples} examples and {allowed} allow texts: all behave{skipped}.");
        CLEAN
    } else {
        println!(
            "{} failed of {rules_count} rules' {examples} examples and {allowed} allow texts{skipped}.",
            failures.len()
        );
        PROBLEMS
    }
}
