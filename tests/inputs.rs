//! What postlint reads: only regular files and stdin, within a size limit, with every path it
//! cannot read named once with its exact cause.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use std::time::Duration;

fn postlint(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("postlint").unwrap();
    command.current_dir(dir).args(["check", "--color", "never", "--format", "concise"]);
    // A hang is a failure, not a stuck test run.
    command.timeout(Duration::from_secs(20));
    command
}

/// The run's exit code and stderr.
fn run(command: &mut Command) -> (Option<i32>, String) {
    let output = command.output().unwrap();
    (output.status.code(), String::from_utf8(output.stderr).unwrap())
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_named_on_the_command_line_is_an_error_naming_it_and_nothing_waits() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    fs::write(dir.path().join("ok.txt"), "Fine.\n").unwrap();
    let (code, stderr) = run(postlint(dir.path()).args(["pipe.txt", "/dev/zero", "ok.txt"]));
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: pipe.txt: a FIFO (named pipe), not a regular file; name a post file, a folder or `-` for stdin\n\
         error: /dev/zero: a device, not a regular file; name a post file, a folder or `-` for stdin\n"
    );
    // A walk never opens one either.
    let (code, stderr) = run(postlint(dir.path()).arg("."));
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn a_post_over_the_size_limit_is_an_error_naming_the_file_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("big.txt"), "word ".repeat(300)).unwrap();
    fs::write(dir.path().join("small.txt"), "Fine.\n").unwrap();
    fs::write(dir.path().join("postlint.toml"), "max-post-size = \"1 KB\"\n").unwrap();
    let (code, stderr) = run(postlint(dir.path()).args(["big.txt", "small.txt"]));
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: big.txt: larger than the 1 KB limit for a post; it was not checked \
         (raise `max-post-size` in postlint.toml to check it)\n"
    );
    // Stdin is cut at the limit too, and a larger limit lets the post through.
    let (code, stderr) = run(postlint(dir.path()).arg("-").write_stdin("word ".repeat(300)));
    assert_eq!(code, Some(2));
    assert!(stderr.starts_with("error: <stdin>: larger than the 1 KB limit"), "{stderr}");
    fs::write(dir.path().join("postlint.toml"), "max-post-size = 2000\n").unwrap();
    let (code, _) = run(postlint(dir.path()).arg("big.txt"));
    assert_ne!(code, Some(2));
}

#[test]
fn the_default_limit_is_4_mb_and_a_wrong_size_is_an_error_at_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("huge.txt");
    fs::write(&post, "a".repeat(4 * 1024 * 1024 + 1)).unwrap();
    let (code, stderr) = run(postlint(dir.path()).arg("huge.txt"));
    assert_eq!(code, Some(2));
    assert!(stderr.starts_with("error: huge.txt: larger than the 4 MB limit for a post"), "{stderr}");
    fs::write(dir.path().join("postlint.toml"), "\nmax-post-size = \"8 GB\"\n").unwrap();
    let (code, stderr) = run(postlint(dir.path()).arg("huge.txt"));
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with(
            "error: `max-post-size` is a number of bytes or a size such as \"8 MB\" or \"512 KB\"\n  ┌─ postlint.toml:2:17"
        ),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_and_a_dangling_link_are_named_for_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("loop-b.txt", dir.path().join("loop-a.txt")).unwrap();
    std::os::unix::fs::symlink("loop-a.txt", dir.path().join("loop-b.txt")).unwrap();
    std::os::unix::fs::symlink("gone.txt", dir.path().join("dangling.txt")).unwrap();
    let (code, stderr) = run(postlint(dir.path()).args(["loop-a.txt", "dangling.txt", "missing.txt"]));
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: loop-a.txt: a symlink loop (too many levels of symbolic links)\n\
         error: dangling.txt: a symlink whose target does not exist\n\
         error: missing.txt: no such file or directory\n"
    );
}
