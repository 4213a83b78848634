//! The `postlint check` command end to end: exact diagnostics, formats, stdin and exit codes.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const EXAMPLE: &str = "fixtures/example/nvidia-openai-it.txt";

fn postlint() -> Command {
    let mut cmd = Command::cargo_bin("postlint").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs `check --format json` with `args`; returns the problems and the exit code.
fn json(args: &[&str]) -> (Vec<Value>, i32) {
    let output = postlint().args(["check", "--format", "json"]).args(args).output().unwrap();
    let problems: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    (problems.as_array().unwrap().clone(), output.status.code().unwrap())
}

/// (rule, line, column, text at the reported bytes) of each problem.
fn summary(problems: &[Value], text: &[u8]) -> Vec<(String, u64, u64, String)> {
    problems
        .iter()
        .map(|p| {
            let (start, end) =
                (p["byte_start"].as_u64().unwrap() as usize, p["byte_end"].as_u64().unwrap() as usize);
            (
                p["rule"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
                p["column"].as_u64().unwrap(),
                String::from_utf8_lossy(&text[start..end]).into_owned(),
            )
        })
        .collect()
}

fn row(rule: &str, line: u64, column: u64, text: &str) -> (String, u64, u64, String) {
    (rule.to_owned(), line, column, text.to_owned())
}

fn example_table() -> Vec<(String, u64, u64, String)> {
    vec![
        row(
            "title-case",
            1,
            1,
            "Quando i Giganti dell'IA si Scontrano: Perché l'Accordo Nvidia–OpenAI è Stagnato",
        ),
        row("stray-label", 2, 1, "Heading"),
        row("stray-label", 3, 78, "Subheading"),
        row("stray-label", 4, 1, "Introduction"),
        row("stray-label", 5, 1, "Body"),
        row("stray-label", 7, 1, "Conclusion"),
        row("hashtag-placement", 7, 387, "#AIInfrastructure"),
        row("hashtag-count", 7, 446, "#Web3Infrastructure"),
        row("misspelling", 9, 1, "Diclaimaer"),
        row("missing-space", 9, 11, ":"),
        row("disclaimer-wording", 9, 12, "Non Consiglio Finanziario"),
        row("hashtag-campaign", 10, 31, "#writetoearn"),
    ]
}

#[test]
fn the_users_example_reports_exactly_the_expected_problems() {
    let (problems, code) = json(&[EXAMPLE]);
    assert_eq!(summary(&problems, &std::fs::read(EXAMPLE).unwrap()), example_table());
    assert_eq!(code, 1);
    let errors: Vec<&str> =
        problems.iter().filter(|p| p["severity"] == "error").map(|p| p["rule"].as_str().unwrap()).collect();
    assert_eq!(errors, ["stray-label"; 5].into_iter().chain(["misspelling"]).collect::<Vec<_>>());
}

#[test]
fn messages_and_fixes_name_what_was_found_and_the_replacement() {
    let (problems, _) = json(&[EXAMPLE]);
    let misspelling = problems.iter().find(|p| p["rule"] == "misspelling").unwrap();
    assert_eq!(misspelling["message"], "“Diclaimaer” looks like a misspelling of “Disclaimer”");
    assert_eq!(misspelling["fix"]["applicability"], "safe");
    assert_eq!(misspelling["fix"]["edits"][0]["replacement"], "Disclaimer");
    let wording = problems.iter().find(|p| p["rule"] == "disclaimer-wording").unwrap();
    assert_eq!(
        wording["message"],
        "malformed disclaimer “Non Consiglio Finanziario”; write “Non è un consiglio finanziario”"
    );
    assert_eq!(wording["fix"]["applicability"], "unsafe");
    let count = problems.iter().find(|p| p["rule"] == "hashtag-count").unwrap();
    assert_eq!(count["message"], "9 hashtags; more than 5 reads as spam");
    assert_eq!(count["fix"], Value::Null);
}

#[test]
fn json_objects_have_the_documented_fields() {
    let (problems, _) = json(&[EXAMPLE]);
    let label = problems.iter().find(|p| p["rule"] == "stray-label" && p["line"] == 3).unwrap();
    let mut keys: Vec<&str> = label.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "byte_end",
            "byte_start",
            "column",
            "end_column",
            "end_line",
            "fix",
            "line",
            "message",
            "path",
            "rule",
            "severity"
        ]
    );
    assert_eq!(label["path"], EXAMPLE);
    assert_eq!((label["end_line"].as_u64(), label["end_column"].as_u64()), (Some(3), Some(88)));
    let edit = &label["fix"]["edits"][0];
    let mut keys: Vec<&str> = edit.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["byte_end", "byte_start", "replacement"]);
    assert_eq!(edit["replacement"], "\n");
}

#[test]
fn without_its_disclaimer_line_the_example_needs_one_only_once_it_gives_a_buy_call() {
    // The example is an analysis of two companies, with no price or trading call: without its
    // disclaimer it needs none. With a buy call and a price target in place of the disclaimer,
    // it does.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let missing = |post: &str| {
        let path = dir.path().join("post.txt");
        std::fs::write(&path, post).unwrap();
        let (problems, _) = json(&[path.to_str().unwrap()]);
        summary(&problems, post.as_bytes())
            .into_iter()
            .filter(|p| p.0 == "disclaimer-missing")
            .collect::<Vec<_>>()
    };
    let without: String = text.split_inclusive('\n').filter(|line| !line.starts_with("Diclaimaer")).collect();
    assert_eq!(missing(&without), []);
    let call = text.replace(
        "Diclaimaer:Non Consiglio Finanziario",
        "Compra ora: il prezzo di $NVDA salirà, obiettivo 250.",
    );
    assert_eq!(missing(&call), [row("disclaimer-missing", 10, 1, "#Aigiants")]);
}

#[test]
fn well_written_posts_produce_nothing() {
    let (problems, code) = json(&["fixtures/clean"]);
    assert_eq!(problems, Vec::<Value>::new());
    assert_eq!(code, 0);
    let output = postlint().args(["check", "fixtures/clean"]).output().unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "No problems in 3 files.\n");
}

#[test]
fn human_output_is_rustc_style() {
    let output = postlint().args(["check", "--color", "never", EXAMPLE]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn concise_output_is_one_line_per_problem() {
    let output = postlint().args(["check", "--format", "concise", EXAMPLE]).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 12);
    assert_eq!(
        stdout.lines().nth(1),
        Some("fixtures/example/nvidia-openai-it.txt:2:1: error[stray-label] stray template label “Heading”")
    );
}

#[test]
fn stdin_is_named_by_stdin_filename_which_picks_markdown() {
    let draft = "Heading\n\n```\nHeading\n```\nOk.\n";
    let output = postlint()
        .args([
            "check",
            "--format",
            "concise",
            "--ignore",
            "post-too-short",
            "--stdin-filename",
            "draft.md",
            "-",
        ])
        .write_stdin(draft)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("draft.md:1:1: error[stray-label]"), "{stdout}");
    assert!(!stdout.contains("draft.md:4:"), "code blocks are not prose: {stdout}");
    assert_eq!(output.status.code(), Some(1));
    let output = postlint()
        .args(["check", "--format", "concise", "--ignore", "post-too-short", "-"])
        .write_stdin("Fine.\nNFA\n")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn warnings_alone_exit_zero() {
    let output = postlint().args(["check", "-"]).write_stdin("Il prezzo sale,ma piano.\n").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8(output.stdout).unwrap().contains("warning[missing-space]"));
}

#[test]
fn usage_and_io_errors_exit_two() {
    let output = postlint().args(["check", "--no-such-flag"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = postlint().args(["check", "no/such/post.txt"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: no/such/post.txt: no such file or directory\n"
    );
    let output = postlint().args(["check", "--rules", "no/such/rules", EXAMPLE]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_rule_file_error_is_rendered_like_a_compiler_error_and_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "[[rule]]\nid = \"x\"\nkind = \"forbid\"\nseverity = \"warning\"\nmessage = \"m\"\nany = [\"x\"]\nterms = [\"Bitcoin\"]\n";
    std::fs::write(dir.path().join("bad.toml"), rules).unwrap();
    let output = postlint()
        .args(["check", "--color", "never", "--rules"])
        .arg(dir.path())
        .arg(EXAMPLE)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let path = dir.path().join("bad.toml");
    assert_eq!(
        stderr,
        format!(
            "error: `terms` is not a parameter of kind `forbid`\n  ┌─ {}:7:9\n  │\n7 │ terms = [\"Bitcoin\"]\n  │         ^^^^^^^^^^^\n\n",
            path.display()
        )
    );
    assert!(output.stdout.is_empty(), "nothing is checked with broken rules");
}

#[test]
fn invalid_utf8_is_an_error_for_that_file_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-bad.txt"), b"ok\nab\xFFc\n").unwrap();
    std::fs::write(dir.path().join("b-good.txt"), "Heading\nNFA\n").unwrap();
    let output = postlint().args(["check", "--format", "concise"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let bad = dir.path().join("a-bad.txt");
    assert_eq!(
        stderr,
        format!("error: {}:2:3: invalid UTF-8 at byte 5 (0xFF); save the file as UTF-8\n", bad.display())
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("b-good.txt:1:1: error[stray-label]"), "{stdout}");
}

#[test]
fn crlf_posts_report_the_same_lines_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replace('\n', "\r\n");
    let path = dir.path().join("crlf.txt");
    std::fs::write(&path, &text).unwrap();
    let (problems, _) = json(&[path.to_str().unwrap()]);
    assert_eq!(summary(&problems, text.as_bytes()), example_table());
    let label = problems.iter().find(|p| p["rule"] == "stray-label" && p["line"] == 3).unwrap();
    assert_eq!(label["fix"]["edits"][0]["replacement"], "\r\n");
}

#[test]
fn byte_offsets_count_a_byte_order_mark_but_columns_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    std::fs::write(&path, "\u{feff}Heading\nNFA\n").unwrap();
    let (problems, _) = json(&[path.to_str().unwrap()]);
    assert_eq!((problems[0]["line"].as_u64(), problems[0]["column"].as_u64()), (Some(1), Some(1)));
    assert_eq!((problems[0]["byte_start"].as_u64(), problems[0]["byte_end"].as_u64()), (Some(3), Some(10)));
}

#[test]
fn directories_are_walked_for_posts_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["b.md", "a.txt", "c.markdown", "notes.rs", ".hidden.txt"] {
        std::fs::write(dir.path().join(name), "Heading\nNFA\n").unwrap();
    }
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/d.txt"), "Heading\nNFA\n").unwrap();
    let (problems, _) = json(&["--select", "stray-label", dir.path().to_str().unwrap()]);
    let files: Vec<String> = problems
        .iter()
        .map(|p| {
            Path::new(p["path"].as_str().unwrap()).strip_prefix(dir.path()).unwrap().display().to_string()
        })
        .collect();
    assert_eq!(files, ["a.txt", "b.md", "c.markdown", "sub/d.txt"]);
}

#[test]
fn markdown_positions_count_source_characters_around_entities_and_markup() {
    let draft = "Research &amp; **Diclaimaer**:Non `code,here` [Bitcon](https://x.io/Etherium)\n";
    let output = postlint()
        .args(["check", "--format", "concise", "--no-builtin", "--rules", "rules/spelling.toml"])
        .args(["--stdin-filename", "d.md", "-"])
        .write_stdin(draft)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "d.md:1:18: error[misspelling] “Diclaimaer” looks like a misspelling of “Disclaimer”\n\
         d.md:1:48: error[misspelling] “Bitcon” looks like a misspelling of “Bitcoin”\n"
    );
}

#[test]
fn the_binance_square_profile_adds_cashtag_missing_and_its_length_limit() {
    // The example post is about NVIDIA and OpenAI: it names no coin to tag.
    let (problems, _) = json(&["--profile", "binance-square", EXAMPLE]);
    let text = std::fs::read(EXAMPLE).unwrap();
    let added: Vec<_> = summary(&problems, &text)
        .into_iter()
        .filter(|p| p.0 == "cashtag-missing" || p.0 == "post-too-long")
        .map(|p| (p.0, p.1, p.2))
        .collect();
    assert_eq!(added, [("post-too-long".to_string(), 7, 271)]);
    let (problems, _) = json(&[EXAMPLE]);
    assert!(problems.iter().all(|p| p["rule"] != "cashtag-missing" && p["rule"] != "post-too-long"));
    // A post about a coin, named twice, is asked for its cashtag at the first name; a how-to
    // that names one in passing is not.
    let dir = tempfile::tempdir().unwrap();
    let (coin, guide) = (dir.path().join("coin.txt"), dir.path().join("guide.txt"));
    std::fs::write(&coin, "My week with crypto.\nSolana held up well, and Solana fees stayed low.\n")
        .unwrap();
    std::fs::write(
        &guide,
        "How to set a stop-limit order.\nPick a pair such as BTC/USDT, then set the stop.\n",
    )
    .unwrap();
    let args = ["--profile", "binance-square", "--select", "cashtag-missing"];
    let (problems, _) = json(&[&args[..], &[coin.to_str().unwrap(), guide.to_str().unwrap()]].concat());
    let found: Vec<_> =
        problems.iter().map(|p| (p["line"].clone(), p["column"].clone(), p["severity"].clone())).collect();
    assert_eq!(found, [(2.into(), 1.into(), "info".into())], "{problems:?}");
}

#[test]
fn a_message_quoting_text_across_lines_stays_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nid = \"two-lines\"\nkind = \"forbid\"\nseverity = \"warning\"\n\
         message = \"found “{found}”\"\npatterns = ['moon\\n+soon']\n",
    )
    .unwrap();
    let post = dir.path().join("post.txt");
    std::fs::write(&post, "To the moon\nsoon, they say.\n").unwrap();
    let output = postlint()
        .args(["check", "--format", "concise", "--no-builtin", "--rules"])
        .args([&rules, &post])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout, format!("{}:1:8: warning[two-lines] found “moon…”\n", post.display()));
}

#[test]
fn spaces_before_a_mark_are_one_problem_not_two() {
    let output = postlint()
        .args(["check", "--format", "concise", "--select", "double-space,space-before-punctuation", "-"])
        .write_stdin("Bitcoin rose  , then fell.  The end.\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "<stdin>:1:13: warning[space-before-punctuation] space before “,”\n\
         <stdin>:1:27: warning[double-space] 2 spaces in a row\n"
    );
}
