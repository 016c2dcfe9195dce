//! Hostile and unlucky inputs, outputs and signals: each test reproduces
//! a defect found by trying kabar as an attacker would (issue 15).

use std::time::Duration;

use crate::util::*;

/// Far above any run of these tests: only a hang reaches it.
const HANG: Duration = Duration::from_secs(120);

fn seed_text(n: usize) -> String {
    let mut names: Vec<_> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    std::fs::read_to_string(&names[n]).unwrap()
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_a_folder_are_walked_once_with_a_warning() {
    use std::os::unix::fs::symlink;
    let dir = tempdir();
    let clean = dir.path().join("clean");
    std::fs::create_dir_all(clean.join("sub")).unwrap();
    std::fs::write(clean.join("a.txt"), seed_text(0)).unwrap();
    std::fs::write(clean.join("sub/b.txt"), seed_text(1)).unwrap();
    let want = kabar_or_kill(&["extract", p(&clean), "--cooccurrence", "-q"], HANG);
    assert!(want.status.success(), "{}", stderr(&want));

    // The same folder with two loops and a second way into `sub`.
    let looped = dir.path().join("looped");
    std::fs::create_dir_all(looped.join("sub")).unwrap();
    std::fs::write(looped.join("a.txt"), seed_text(0)).unwrap();
    std::fs::write(looped.join("sub/b.txt"), seed_text(1)).unwrap();
    symlink(".", looped.join("loop")).unwrap();
    symlink("..", looped.join("sub/up")).unwrap();
    symlink("sub", looped.join("alias")).unwrap();
    let got = kabar_or_kill(&["extract", p(&looped), "--cooccurrence", "-q"], HANG);
    let err = stderr(&got);
    assert!(got.status.success(), "{err}");
    assert_eq!(
        String::from_utf8_lossy(&got.stdout),
        String::from_utf8_lossy(&want.stdout),
        "every document once"
    );
    for link in ["loop", "up"] {
        assert!(
            err.lines().any(|l| l.contains("warning")
                && l.contains(&format!("/{link}:"))
                && l.contains("loop")),
            "no warning naming the link {link}: {err}"
        );
    }
    assert!(err.contains("read already"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_folder_is_skipped_not_waited_on() {
    let dir = tempdir();
    std::fs::write(dir.path().join("a.txt"), seed_text(0)).unwrap();
    let fifo = dir.path().join("b.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let out = kabar_or_kill(&["extract", p(dir.path()), "-q"], HANG);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("b.txt: skipped: not a regular file"), "{err}");
    assert!(!out.stdout.is_empty());
}
