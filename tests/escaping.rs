//! Control characters in a post's name or text never reach the output raw: a newline in a file
//! name cannot start a line (a forged CI workflow command), and ESC or BEL in a post cannot
//! drive the terminal, in any format.

use assert_cmd::Command;
use std::fs;

/// A post whose name holds a newline and a workflow command, and whose text holds ESC, BEL and
/// a C1 control (CSI), in a new folder.
fn hostile_post() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("evil\n::error::forged.txt"),
        "Heading\nThe price \x1b[2Jred\x07 moves \u{9b}2J.\n",
    )
    .unwrap();
    dir
}

fn output(dir: &std::path::Path, format: &str) -> String {
    let output = Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--color", "never", "--format", format, "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{format}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn no_format_prints_a_control_character_or_lets_a_name_start_a_line() {
    let dir = hostile_post();
    for format in ["human", "concise", "github", "junit", "json", "json-lines", "sarif"] {
        let out = output(dir.path(), format);
        let raw: Vec<char> =
            out.chars().filter(|&c| (c.is_control() && c != '\n') || c == '\u{9b}').collect();
        assert!(raw.is_empty(), "{format} prints {raw:?}");
        assert!(!out.lines().any(|l| l.starts_with("::error::")), "{format}:\n{out}");
        assert!(out.contains("forged"), "{format} names the post");
    }
}

#[test]
fn the_human_format_shows_control_characters_visibly_and_underlines_the_right_text() {
    let dir = hostile_post();
    let out = output(dir.path(), "human");
    let expected = "warning[unbalanced-delimiters]: “[” is not closed in this paragraph\n  \
                    ┌─ evil␊::error::forged.txt:2:12\n  │\n\
                    2 │ The price ␛[2Jred␇ moves \\u{9b}2J.\n  \
                    │            ^\n";
    assert!(out.contains(expected), "{out}");
    let concise = output(dir.path(), "concise");
    assert!(
        concise.contains(
            "evil␊::error::forged.txt:2:12: warning[unbalanced-delimiters] “[” is not closed in this paragraph\n"
        ),
        "{concise}"
    );
}

#[test]
fn json_keeps_the_exact_name_and_escapes_terminal_controls() {
    let dir = hostile_post();
    let out = output(dir.path(), "json-lines");
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["path"], "evil\n::error::forged.txt");
}

#[test]
fn an_error_about_a_file_shows_its_name_visibly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad\x1b[31m.txt"), b"\xff\n").unwrap();
    let output = Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--color", "never", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: bad␛[31m.txt:1:1: invalid UTF-8 at byte 0 (0xFF); save the file as UTF-8\n"
    );
}
