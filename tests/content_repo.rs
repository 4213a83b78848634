//! A sample content repository (fixtures/content-repo): configuration discovered from the
//! current directory, an override and a severity change, .gitignore, exclude, hidden files,
//! every suppression form and one unused suppression — in every output format.

use assert_cmd::Command;

const REPO: &str = "fixtures/content-repo";

fn check(args: &[&str]) -> (String, i32) {
    let output = Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(REPO)
        .env_remove("NO_COLOR")
        .args(["check", "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    (String::from_utf8(output.stdout).unwrap(), output.status.code().unwrap())
}

#[test]
fn exactly_the_expected_problems() {
    let (stdout, code) = check(&["--format", "concise"]);
    assert_eq!(
        stdout,
        "en/bitcoin-etf.md:13:1: error[stray-label] stray template label “Summary”\n\
         en/bitcoin-etf.md:15:1: warning[unused-suppression] this suppression of `missing-space` suppresses nothing\n\
         en/bitcoin-etf.md:20:15: error[hashtag-count] 7 hashtags; more than 4 reads as spam\n\
         it/ethereum.txt:3:68: error[misspelling] “Etherium” looks like a misspelling of “Ethereum”\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn every_format() {
    for format in ["human", "json", "json-lines", "github", "sarif", "junit"] {
        let (stdout, _) = check(&["--format", format]);
        insta::assert_snapshot!(format!("content_repo_{format}"), stdout);
    }
}

#[test]
fn json_lines_is_one_object_per_problem() {
    let (stdout, _) = check(&["--format", "json-lines"]);
    let objects: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objects.len(), 4);
    assert_eq!(objects[2]["rule"], "hashtag-count");
    assert_eq!((objects[2]["line"].as_u64(), objects[2]["column"].as_u64()), (Some(20), Some(15)));
}

#[test]
fn github_annotations_escape_their_properties() {
    let (stdout, _) = check(&["--format", "github"]);
    let first = stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "::error file=en/bitcoin-etf.md,line=13,col=1,endLine=13,endColumn=8,title=postlint (stray-label)::stray template label “Summary”"
    );
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let (stdout, _) = check(&["--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/sarif-schema-2.1.0.json").unwrap()).unwrap();
    // tests/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 (rtm.5) schema as the MIT-licensed
    // npm package @microsoft/jest-sarif ships it, with one fix: its two `language` patterns had a
    // stray `]` that no regex engine accepts (corrected as in the schema's errata).
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> =
        validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), 4);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "misspelling" && r["help"]["text"].is_string()));
    let misspelling = &run["results"][3];
    assert_eq!(misspelling["locations"][0]["physicalLocation"]["region"]["startColumn"], 68);
    assert_eq!(
        misspelling["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "Ethereum"
    );
    assert_eq!(rules[misspelling["ruleIndex"].as_u64().unwrap() as usize]["id"], "misspelling");
}

#[test]
fn junit_has_one_suite_per_post() {
    let (stdout, _) = check(&["--format", "junit"]);
    assert_eq!(stdout.matches("<testsuite ").count(), 2);
    assert!(stdout.contains(r#"<testsuite name="it/ethereum.txt" tests="1" failures="1" errors="0">"#));
}

#[test]
fn fail_on_exit_zero_and_quiet() {
    assert_eq!(check(&["--format", "concise", "--ignore", "stray-label,misspelling,hashtag-count"]).1, 0);
    assert_eq!(check(&["--format", "concise", "--select", "unused-suppression,missing-space"]).1, 0);
    assert_eq!(
        check(&[
            "--format",
            "concise",
            "--select",
            "unused-suppression,missing-space",
            "--fail-on",
            "warning"
        ])
        .1,
        1
    );
    assert_eq!(check(&["--exit-zero"]).1, 0);
    let (quiet, _) = check(&["--quiet", "--select", "misspelling"]);
    assert!(quiet.starts_with("error[misspelling]") && !quiet.contains("problem"), "{quiet}");
}

#[test]
fn statistics_count_per_rule() {
    let (stdout, _) = check(&["--statistics"]);
    assert_eq!(stdout, "1  hashtag-count\n1  misspelling [*]\n1  stray-label [*]\n1  unused-suppression\n");
}

#[test]
fn a_file_named_on_the_command_line_is_checked_even_if_excluded_unless_forced() {
    let (stdout, _) = check(&["--format", "concise", "archive/old.md"]);
    assert!(stdout.contains("archive/old.md:1:1: error[stray-label]"), "{stdout}");
    let (stdout, code) = check(&["--format", "concise", "--force-exclude", "archive/old.md"]);
    assert_eq!((stdout.as_str(), code), ("", 0));
}

#[test]
fn turning_off_unused_suppression_in_the_config_or_cli_silences_it() {
    let (stdout, _) = check(&["--format", "concise", "--ignore", "unused-suppression"]);
    assert!(!stdout.contains("unused-suppression"));
}
