//! Every built-in rule's own `examples` fire and fix as written, and its `allow` texts don't fire.

use postlint::examples;
use postlint::rules::RuleSet;

#[test]
fn built_in_rules_pass_their_own_examples() {
    // The dictionaries made for the tests, so that `spelling`'s examples run anywhere.
    let dictionaries = vec![concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dictionaries").into()];
    postlint::spelling::configure(postlint::spelling::Setup { dictionaries, word_lists: Vec::new() });
    let rules = RuleSet::load(true, &[]).expect("built-in rules load");
    let failures = examples::check(&rules);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_rule_file_in_rules_dir_is_embedded() {
    let mut on_disk: Vec<String> = std::fs::read_dir("rules")
        .unwrap()
        .map(|e| format!("rules/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|name| name.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let embedded: Vec<&str> = postlint::rules::BUILTIN.iter().map(|(name, _)| *name).collect();
    assert_eq!(on_disk, embedded);
}

#[test]
fn a_broken_example_is_reported_with_its_rule_and_line() {
    let text = r#"
[[rule]]
id = "no-moon"
kind = "forbid"
severity = "warning"
message = "no"
any = ["to the moon"]
examples = [{ bad = "to the mars" }]
allow = ["the moon"]
"#;
    let rules = RuleSet::from_texts([("custom.toml", text)]).unwrap();
    let failures = examples::check(&rules);
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].rule, "no-moon");
    assert_eq!(failures[0].origin, ("custom.toml".to_string(), 2));
    assert_eq!(failures[0].problem, "does not fire on its example \"to the mars\"");
}

#[test]
fn every_word_list_in_rules_words_is_embedded() {
    let mut on_disk: Vec<String> = std::fs::read_dir("rules/words")
        .unwrap()
        .map(|e| format!("rules/words/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    on_disk.sort();
    let embedded: Vec<&str> = postlint::spelling::BUILTIN_WORDS.iter().map(|(name, _)| *name).collect();
    assert_eq!(on_disk, embedded);
}
