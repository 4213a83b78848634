//! Thirty-four posts in twelve languages (fixtures/posts): the exact problems postlint reports on
//! each are in fixtures/posts/expected.concise, and the well-written ones (clean-*) get none.

use assert_cmd::Command;

#[test]
fn every_post_gets_exactly_its_expected_problems() {
    let output = Command::cargo_bin("postlint")
        .unwrap()
        .args(["check", "--format", "concise", "fixtures/posts"])
        .output()
        .unwrap();
    let expected = std::fs::read_to_string("fixtures/posts/expected.concise").unwrap();
    let actual = String::from_utf8(output.stdout).unwrap();
    assert_eq!(actual, expected, "update the expectations only after reading the difference");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn the_set_has_thirty_posts_in_at_least_eight_languages_and_clean_ones_in_each() {
    let mut posts = 0;
    let mut languages = 0;
    for language in std::fs::read_dir("fixtures/posts").unwrap().flatten().filter(|e| e.path().is_dir()) {
        languages += 1;
        let files: Vec<String> = std::fs::read_dir(language.path())
            .unwrap()
            .flatten()
            .map(|f| f.file_name().to_string_lossy().into_owned())
            .collect();
        posts += files.len();
        assert!(files.iter().any(|f| f.starts_with("clean-")), "{:?} has no clean post", language.path());
    }
    assert!(posts >= 30 && languages >= 8, "{posts} posts in {languages} languages");
    let expected = std::fs::read_to_string("fixtures/posts/expected.concise").unwrap();
    assert!(!expected.contains("/clean-"), "a clean post has problems:\n{expected}");
}
