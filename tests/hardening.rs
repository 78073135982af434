//! Regression tests for issue 9 (hardening): each is named after the failure it caught.

mod common;

use std::process::Command as StdCommand;

use common::{root, wirecheck, wirecheck_in};

const SEED_000: &str = "seeds/000_b626a1907856b0c6.txt";
const SEED_002: &str = "seeds/002_eee5f4eedff0fa07.txt";
const SEED_004: &str = "seeds/004_e9edd771bc22db2a.txt";

const ARTICLE: &str = "The minister said the plan would work. Officials in the capital agreed \
                       with the plan on Tuesday, and the vote is expected next week.\n";

fn binary() -> StdCommand {
    StdCommand::new(env!("CARGO_BIN_EXE_wirecheck"))
}

#[test]
fn huge_columns_value_does_not_panic_the_side_by_side_diff() {
    let out = binary()
        .current_dir(root())
        .env("COLUMNS", "200000")
        .args(["diff", "--side-by-side", SEED_000, SEED_004])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let longest = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    assert!(longest <= 1000, "a row of {longest} characters");
}

#[test]
fn terminal_escapes_in_article_text_are_never_printed_raw_even_with_colour() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "The minister \u{1b}]52;c;ZXZpbA==\u{7}said the plan would work.\u{1b}[2J Officials \
         \u{1b}]8;;https://x.example\u{1b}\\agreed with the the plan on Tuesday.\n{ARTICLE}"
    );
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    for args in [
        &["inspect", "a.txt"][..],
        &["audit", "a.txt"],
        &["check", "a.txt"],
    ] {
        let out = binary()
            .current_dir(dir.path())
            .args(["--color", "always"])
            .args(args)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        // Our own colour codes are SGR sequences (ESC [ ... m); nothing else may start with ESC.
        for (i, _) in stdout.match_indices('\u{1b}') {
            let rest = &stdout[i + 1..];
            let sgr = rest.starts_with('[')
                && rest[1..]
                    .find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .is_some_and(|end| rest[1 + end..].starts_with('m'));
            assert!(
                sgr,
                "{args:?}: raw escape at {i}: {:?}",
                &rest[..rest.len().min(20)]
            );
        }
        assert!(!stdout.contains('\u{7}'), "{args:?}: raw BEL");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains('\u{1b}'),
            "{args:?}: raw escape on stderr"
        );
        if args[0] == "inspect" {
            assert!(stdout.contains("\\u{1b}]52;c;ZXZpbA==\\u{7}"), "{stdout}");
        }
    }
}

#[test]
fn a_file_name_with_a_line_break_cannot_start_a_workflow_command() {
    let dir = tempfile::tempdir().unwrap();
    let name = "e\n::warning file=a.txt,line=1::X\n.txt";
    std::fs::write(dir.path().join(name), format!("{ARTICLE}The the plan.\n")).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    for format in ["human", "github"] {
        let out = wirecheck_in(
            dir.path(),
            &[
                "audit",
                "--format",
                format,
                name,
                "empty.txt",
                "missing.txt",
            ],
            None,
        );
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream
                    .lines()
                    .any(|l| l.starts_with("::warning file=a.txt")),
                "{format}: {stream}"
            );
        }
        assert!(
            out.stderr.contains("empty.txt: file is empty"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_quotation_mark_storm_is_capped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("q.txt"), "\u{201c}".repeat(100_000) + "\n").unwrap();
    let out = wirecheck_in(dir.path(), &["audit", "q.txt"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("q.txt: unbalanced-quotes: 100 findings shown, and 49,900 more"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.len() < 100_000,
        "{} bytes of output",
        out.stdout.len()
    );
}

#[test]
fn a_quotation_mark_storm_lists_no_empty_quotations_in_json() {
    // Regression (issue 9, row 3): the JSON report listed 50,000 quotations of nothing (9.3 MB).
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("q.txt"), "\u{201c}".repeat(100_000) + "\n").unwrap();
    let out = wirecheck_in(dir.path(), &["audit", "q.txt", "--format", "json"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.json()["quotes"].as_array().map(Vec::len), Some(0));
    assert!(
        out.stdout.len() < 100_000,
        "{} bytes of output",
        out.stdout.len()
    );
}

#[test]
fn files_over_the_size_limit_are_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), ARTICLE.repeat(100)).unwrap();
    std::fs::write(dir.path().join("small.txt"), ARTICLE).unwrap();
    let out = wirecheck_in(
        dir.path(),
        &["inspect", "--max-file-size", "4KiB", "big.txt", "small.txt"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(
            "big.txt: larger than the size limit of 4 KiB (raise it with --max-file-size)"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("small.txt"));
    let out = wirecheck_in(
        dir.path(),
        &["inspect", "--max-file-size", "12", "small.txt"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("out of range: allowed 1KiB to 4GiB"),
        "{}",
        out.stderr
    );
}

#[cfg(target_os = "linux")]
#[test]
fn dev_zero_is_cut_at_the_size_limit() {
    let out = wirecheck(&["inspect", "--max-file-size", "1MiB", "/dev/zero"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("/dev/zero: larger than the size limit of 1 MiB"),
        "{}",
        out.stderr
    );
}

#[test]
fn repeated_json_lines_ids_keep_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..20)
        .map(|n| {
            format!("{{\"id\": \"a\", \"text\": \"Story number {n} says the plan would work.\"}}\n")
        })
        .collect();
    std::fs::write(dir.path().join("feed.jsonl"), lines).unwrap();
    let out = wirecheck_in(
        dir.path(),
        &["inspect", "--format", "json", "feed.jsonl"],
        None,
    );
    let docs = out.json()["documents"].as_array().unwrap().len();
    assert_eq!(docs, 20, "{}", out.stderr);
    assert_eq!(
        out.stderr.matches("names an earlier article too").count(),
        19
    );
}

#[test]
fn json_lines_findings_point_at_the_file_line_in_github_and_sarif() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for n in 0..4 {
        lines.push_str(&format!(
            "{{\"id\": \"s{n}\", \"text\": \"Story {n} is quiet.\"}}\n"
        ));
    }
    lines.push_str("{\"id\": \"five\", \"text\": \"Line one.\\nThe minister said the the plan would work.\"}\n");
    std::fs::write(dir.path().join("feed.jsonl"), lines).unwrap();
    let out = wirecheck_in(
        dir.path(),
        &["audit", "--format", "github", "feed.jsonl"],
        None,
    );
    assert!(
        out.stdout
            .contains("::warning file=feed.jsonl,line=5,title=wirecheck repeated-word::"),
        "{}",
        out.stdout
    );
    let out = wirecheck_in(
        dir.path(),
        &["audit", "--format", "sarif", "feed.jsonl"],
        None,
    );
    let sarif = out.json();
    let location = &sarif["runs"][0]["results"][0]["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "feed.jsonl"
    );
    assert_eq!(location["physicalLocation"]["region"]["startLine"], 5);
    assert_eq!(
        location["logicalLocations"][0]["fullyQualifiedName"],
        "feed.jsonl#five"
    );
}

#[test]
fn utf16_file_with_a_bom_is_read_not_called_binary() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("u16.txt"), bytes).unwrap();
    let out = wirecheck_in(dir.path(), &["inspect", "u16.txt"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("encoding  UTF-16LE"), "{}", out.stdout);
    assert!(out
        .stdout
        .contains("The minister said the plan would work."));
}

#[test]
fn a_missing_config_is_reported_once_by_every_command() {
    for args in [
        &["rules", "--config", "nope.toml"][..],
        &["inspect", "--config", "nope.toml", SEED_000],
        &["diff", "--config", "nope.toml", SEED_000, SEED_004],
        &["audit", "--config", "nope.toml", SEED_000],
    ] {
        let out = wirecheck(args);
        assert_eq!(out.code, 2, "{args:?}");
        assert_eq!(
            out.stderr.matches("No such file").count(),
            1,
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn rules_json_is_json() {
    let out = wirecheck(&["rules", "--format", "json"]);
    let json = out.json();
    assert!(json["rules"].as_array().unwrap().len() >= 12);
    let out = wirecheck(&["rules", "repeated-word", "--format", "json"]);
    assert_eq!(out.json()["rules"][0]["id"], "repeated-word");
}

/// A copy of seed 002 in a scratch directory under the given name.
fn seed_002_as(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::copy(root().join(SEED_002), &path).unwrap();
    path
}

fn fix(dir: &std::path::Path, args: &[&str]) -> common::Outcome {
    let against = root().join("seeds");
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--against", against.to_str().unwrap(), "--fix"]);
    wirecheck_in(dir, &all, None)
}

#[test]
fn fix_accepts_a_file_name_with_a_hash() {
    let dir = tempfile::tempdir().unwrap();
    let path = seed_002_as(dir.path(), "h#1.txt");
    let before = std::fs::read(&path).unwrap();
    let out = fix(dir.path(), &["h#1.txt"]);
    assert!(
        out.stderr.contains("h#1.txt: fixed 3 findings"),
        "{}",
        out.stderr
    );
    assert_ne!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn fix_named_twice_fixes_once_without_a_changed_file_error() {
    let dir = tempfile::tempdir().unwrap();
    seed_002_as(dir.path(), "d.txt");
    let out = fix(dir.path(), &["d.txt", "./d.txt"]);
    assert!(
        !out.stderr.contains("changed since it was read"),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.stderr.matches("fixed 3 findings").count(),
        1,
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn fix_through_a_symlink_fixes_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = seed_002_as(dir.path(), "real.txt");
    let before = std::fs::read(&real).unwrap();
    std::os::unix::fs::symlink("real.txt", dir.path().join("link.txt")).unwrap();
    let out = fix(dir.path(), &["link.txt"]);
    assert!(
        out.stderr.contains("link.txt: fixed 3 findings"),
        "{}",
        out.stderr
    );
    let link = std::fs::symlink_metadata(dir.path().join("link.txt")).unwrap();
    assert!(link.file_type().is_symlink());
    assert_ne!(std::fs::read(&real).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn fix_refuses_hard_links_and_read_only_files_unless_forced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let a = seed_002_as(dir.path(), "a.txt");
    std::fs::hard_link(&a, dir.path().join("b.txt")).unwrap();
    let before = std::fs::read(&a).unwrap();
    let out = fix(dir.path(), &["a.txt"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("a.txt: not fixed: the file has 2 hard links"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(&a).unwrap(), before);

    let ro = seed_002_as(dir.path(), "ro.txt");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = fix(dir.path(), &["ro.txt"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("ro.txt: not fixed: the file is read-only"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(&ro).unwrap(), before);
    let out = fix(dir.path(), &["ro.txt", "--force"]);
    assert!(
        out.stderr.contains("ro.txt: fixed 3 findings"),
        "{}",
        out.stderr
    );
    let mode = std::fs::metadata(&ro).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}
