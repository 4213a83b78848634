//! A content repository's `postlint.toml` is not trusted with the machine: the paths it names
//! (`rule-dirs`, `words`, `dictionaries`) stay inside the repository around it (or its own
//! folder), links followed, and an error names a path without printing what it holds.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

/// Runs `postlint check post.txt` in `dir` with `config` as its `postlint.toml`: exit code and
/// stderr.
fn check_with(dir: &Path, config: &str) -> (Option<i32>, String) {
    fs::write(dir.join("postlint.toml"), config).unwrap();
    fs::write(dir.join("post.txt"), "Fine.\n").unwrap();
    let output = Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(dir)
        .env("POSTLINT_TEST_SECRET", "s3cr3t-t0ken")
        .args(["check", "--color", "never", "post.txt"])
        .output()
        .unwrap();
    (output.status.code(), String::from_utf8(output.stderr).unwrap())
}

#[test]
fn a_path_outside_the_folder_is_an_error_at_its_key_that_prints_nothing_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.toml"), "token = \"s3cr3t-t0ken\"\nnot toml at all\n").unwrap();
    let secret = outside.path().join("secret.toml");
    let config = format!(
        "rule-dirs = [\"/proc/self/environ\", \"{}\"]\nwords = [\"/etc/passwd\"]\n",
        secret.display()
    );
    let (code, stderr) = check_with(dir.path(), &config);
    assert_eq!(code, Some(2));
    assert!(!stderr.contains("s3cr3t-t0ken") && !stderr.contains("root:"), "{stderr}");
    assert!(
        stderr.contains(
            "error: `rule-dirs` names `/proc/self/environ`, which is outside the folder that holds postlint.toml; \
             name a path inside it\n  ┌─ postlint.toml:1:14"
        ),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("error: `rule-dirs` names `{}`, which is outside", secret.display())));
    assert!(stderr.contains("error: `words` names `/etc/passwd`, which is outside the folder"), "{stderr}");
    assert!(stderr.contains("┌─ postlint.toml:2:10"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_link_in_a_rule_folder_that_leads_outside_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.toml"), "token = \"s3cr3t-t0ken\"\n").unwrap();
    fs::create_dir(dir.path().join("team-rules")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.toml"), dir.path().join("team-rules/evil.toml"))
        .unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linked-out")).unwrap();
    let (code, stderr) = check_with(dir.path(), "rule-dirs = [\"team-rules\", \"linked-out\"]\n");
    assert_eq!(code, Some(2));
    assert!(!stderr.contains("s3cr3t-t0ken"), "{stderr}");
    assert!(stderr.contains("evil.toml` leads outside the folder that holds postlint.toml"), "{stderr}");
    assert!(stderr.contains("`rule-dirs` names `linked-out`, which is outside the folder"), "{stderr}");
}

#[test]
fn a_path_elsewhere_in_the_repository_is_allowed() {
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir(repo.path().join(".git")).unwrap();
    fs::create_dir_all(repo.path().join("shared/rules")).unwrap();
    fs::create_dir(repo.path().join("posts")).unwrap();
    fs::write(repo.path().join("shared/words.txt"), "qzxvbnm\n").unwrap();
    let rule = "[[rule]]\nid = \"no-moon\"\nkind = \"forbid\"\nseverity = \"error\"\nmessage = \"no moon\"\nany = [\"moon\"]\n";
    fs::write(repo.path().join("shared/rules/team.toml"), rule).unwrap();
    let (code, stderr) = check_with(
        &repo.path().join("posts"),
        "rule-dirs = [\"../shared/rules\"]\nwords = [\"../shared/words.txt\"]\n",
    );
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn a_missing_folder_or_list_is_an_error_at_its_key() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a-file.txt"), "x\n").unwrap();
    let (code, stderr) = check_with(
        dir.path(),
        "rule-dirs = [\"missing-rules\"]\ndictionaries = [\"no-such-folder\", \"a-file.txt\"]\n",
    );
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(
            "error: `rule-dirs` names `missing-rules`: no such file or directory\n  ┌─ postlint.toml:1:14"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: `dictionaries` names `no-such-folder`: no such file or directory\n  ┌─ postlint.toml:2:17"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: `a-file.txt` is not a folder; name the folder that holds LANG.aff and LANG.dic"
        ),
        "{stderr}"
    );
}
