//! Output formats: SARIF 2.1.0 structure, GitHub workflow commands, colour handling, exit codes.

mod common;

use common::{wirecheck, wirecheck_in};

const SEED_003: &str = "seeds/003_b756bfc8c22fe334.txt";

#[test]
fn sarif_is_2_1_0_with_rules_and_one_based_regions() {
    let out = wirecheck(&["audit", "--format", "sarif", SEED_003]);
    assert_eq!(out.code, 1);
    let sarif = out.json();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 13);
    assert!(rules
        .iter()
        .all(|r| r["id"].is_string() && r["shortDescription"]["text"].is_string()));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let first = &results[0];
    assert_eq!(first["ruleId"], "confusable-chars");
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "confusable-chars"
    );
    let region = &first["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        SEED_003
    );
    assert_eq!(region["startLine"], 6);
    assert!(region["startColumn"].as_u64().unwrap() >= 1);
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_says_the_run_did_not_succeed_when_an_input_could_not_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let out = wirecheck(&[
        "audit",
        "--format",
        "sarif",
        SEED_003,
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 2);
    let sarif = out.json();
    let run = &sarif["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    // The readable input is still reported.
    assert_eq!(run["results"].as_array().unwrap().len(), 3);
}

#[test]
fn github_commands_have_file_line_and_column() {
    let out = wirecheck(&["audit", "--format", "github", SEED_003]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with(&format!("::warning file={SEED_003},line=6,col=")),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("title=wirecheck confusable-chars::"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = wirecheck(&["audit", SEED_003]);
    assert!(!plain.stdout.contains('\u{1b}'));
    let out = wirecheck_in(
        common::root(),
        &["audit", "--color", "always", SEED_003],
        None,
    );
    // NO_COLOR is set by the helper; --color always still colours, as asked.
    assert!(out.stdout.contains("\u{1b}["), "{}", out.stdout);
}

#[test]
fn fail_on_levels_set_the_exit_code() {
    assert_eq!(
        wirecheck(&["audit", "--fail-on", "never", SEED_003]).code,
        0
    );
    assert_eq!(
        wirecheck(&["audit", "--fail-on", "warning", SEED_003]).code,
        1
    );
    assert_eq!(
        wirecheck(&["audit", "--fail-on", "error", SEED_003]).code,
        0
    );
    assert_eq!(wirecheck(&["audit", "--format", "xml", SEED_003]).code, 2);
}
