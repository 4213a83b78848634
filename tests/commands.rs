//! `postlint rules list | explain | test`, `postlint init`, and configuration errors.

use assert_cmd::Command;
use std::fs;

fn postlint() -> Command {
    let mut cmd = Command::cargo_bin("postlint").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn run(dir: &std::path::Path, args: &[&str]) -> (String, String, i32) {
    let output = postlint().current_dir(dir).args(args).output().unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap(),
    )
}

#[test]
fn rules_list_shows_every_rule_with_its_configured_severity() {
    let (stdout, _, code) =
        run(std::path::Path::new("fixtures/content-repo"), &["rules", "list", "--format", "json"]);
    assert_eq!(code, 0);
    let rules: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let loaded = postlint::rules::RuleSet::load(true, &[]).unwrap();
    assert_eq!(ids, loaded.rules.iter().map(|r| r.id.as_str()).collect::<Vec<_>>());
    assert_eq!(&ids[..3], ["disclaimer-missing", "disclaimer-wording", "ad-disclosure-missing"]);
    let count = rules.iter().find(|r| r["id"] == "hashtag-count").unwrap();
    assert_eq!(
        (count["severity"].as_str(), count["kind"].as_str(), count["fix"].as_str()),
        (Some("error"), Some("hashtags"), Some("none"))
    );
    assert_eq!((count["file"].as_str(), count["line"].as_u64()), (Some("rules/hashtags.toml"), Some(3)));
    let (human, _, _) = run(std::path::Path::new("."), &["rules", "list"]);
    assert!(
        human.lines().any(|l| l.starts_with("misspelling ") && l.contains("near-miss") && l.contains("safe")),
        "{human}"
    );
}

#[test]
fn rules_explain_prints_message_why_examples_allow_and_the_kind() {
    let (stdout, _, code) = run(std::path::Path::new("."), &["rules", "explain", "misspelling"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("misspelling — kind `near-miss`, error, fix: safe\nfrom rules/spelling.toml:6\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  \"Diclaimaer: NFA\"\n    → \"Disclaimer: NFA\"\n"));
    assert!(stdout.contains("never fires on:\n"));
    assert!(stdout.contains("kind `near-miss`:\n  `near-miss` — a word a typo or two away"));
    let (_, stderr, code) = run(std::path::Path::new("."), &["rules", "explain", "no-such-rule"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no rule `no-such-rule`"));
}

#[test]
fn rules_test_passes_on_the_built_in_rules_and_names_a_broken_one() {
    let output = postlint()
        .args(["rules", "test"])
        .env("DICPATH", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dictionaries"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.ends_with("all behave.\n"), "{stdout}");
    let dir = tempfile::tempdir().unwrap();
    let rules = "# team rules\n\n[[rule]]\nid = \"no-moon\"\nkind = \"forbid\"\nseverity = \"warning\"\nmessage = \"no\"\nany = [\"to the moon\"]\nexamples = [{ bad = \"to the mars\" }]\n";
    fs::write(dir.path().join("team.toml"), rules).unwrap();
    let (stdout, _, code) = run(dir.path(), &["rules", "test", "."]);
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("./team.toml:3: no-moon: does not fire on its example \"to the mars\"\n"),
        "{stdout}"
    );
}

#[test]
fn init_writes_a_config_that_loads_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, _, code) = run(dir.path(), &["init"]);
    assert_eq!((stdout.as_str(), code), ("Wrote postlint.toml.\n", 0));
    let written = fs::read_to_string(dir.path().join("postlint.toml")).unwrap();
    assert_eq!(written, postlint::commands::init::TEMPLATE);
    let (_, _, code) = run(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(code, 0, "the commented template is a valid configuration");
    fs::write(dir.path().join("postlint.toml"), "lang = \"it\"\n").unwrap();
    let (_, stderr, code) = run(dir.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("postlint.toml already exists"));
    assert_eq!(fs::read_to_string(dir.path().join("postlint.toml")).unwrap(), "lang = \"it\"\n");
}

#[test]
fn configuration_mistakes_point_at_the_key_and_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("builtn = false\n", "postlint.toml:1:1: unknown field `builtn`"),
        (
            "[rules.hashtag-count]\nmax = \"three\"\n",
            "postlint.toml:2:7: invalid type: string \"three\", expected usize",
        ),
        ("[rules.misspelling]\nmax = 3\n", "postlint.toml:2:7: `max` is not a parameter of kind `near-miss`"),
        ("[rules.no-such-rule]\nseverity = \"off\"\n", "postlint.toml:1:1: there is no rule `no-such-rule`"),
        (
            "[rules.misspelling]\nseverity = \"loud\"\n",
            "postlint.toml:2:12: unknown severity `loud`; expected off, info, warning or error",
        ),
        ("lang = \"Italian\"\n", "postlint.toml:1:8: `Italian` is not a language code"),
        ("[[overrides]]\nfiles = [\"[a\"]\n", "postlint.toml:2:10: invalid glob"),
    ];
    for (config, expected) in cases {
        fs::write(dir.path().join("postlint.toml"), config).unwrap();
        let (_, stderr, code) = run(dir.path(), &["check", "--color", "never"]);
        assert_eq!(code, 2, "{config}");
        let (file_line_col, message) = expected.split_once(": ").unwrap();
        let (_, position) = file_line_col.split_once(':').unwrap();
        assert!(stderr.contains(&format!("┌─ postlint.toml:{position}")), "{config}\n{stderr}");
        assert!(stderr.contains(message), "{config}\n{stderr}");
    }
}

#[test]
fn config_is_found_in_a_parent_folder_and_named_with_config() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("postlint.toml"), "[rules.stray-label]\nseverity = \"off\"\n").unwrap();
    fs::create_dir(dir.path().join("posts")).unwrap();
    fs::write(dir.path().join("posts/a.txt"), "Heading\nNFA\n").unwrap();
    let (stdout, _, code) = run(
        &dir.path().join("posts"),
        &["check", "--format", "concise", "--ignore", "post-too-short", "a.txt"],
    );
    assert_eq!((stdout.as_str(), code), ("", 0));
    let elsewhere = tempfile::tempdir().unwrap();
    let (_, stderr, code) = run(elsewhere.path(), &["check", "--config", "nope.toml", "x.txt"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("nope.toml"), "{stderr}");
}

#[test]
fn unknown_ids_in_select_and_bad_lang_are_usage_errors() {
    let (_, stderr, code) =
        run(std::path::Path::new("."), &["check", "--select", "misspeling", "fixtures/clean"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no rule `misspeling`"), "{stderr}");
    let (_, _, code) = run(std::path::Path::new("."), &["check", "--lang", "Italian", "fixtures/clean"]);
    assert_eq!(code, 2);
}

#[cfg(unix)]
#[test]
fn an_unreadable_post_is_an_error_and_the_others_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Heading\nNFA\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("deleted.txt"), dir.path().join("gone.txt")).unwrap();
    let (stdout, stderr, code) =
        run(dir.path(), &["check", "--format", "concise", "--ignore", "post-too-short", "gone.txt", "a.txt"]);
    assert_eq!(code, 2);
    assert!(stdout.starts_with("a.txt:1:1: error[stray-label]"), "{stdout}");
    assert_eq!(stderr, "error: gone.txt: a symlink whose target does not exist\n");
}
