//! Every rule's fixture folders: `flags_*` cases must produce findings of that rule (the JSON
//! findings are snapshotted and were read by hand), `allows_*` cases must produce none.

mod common;

use common::wirecheck;

fn cases() -> Vec<(String, String, std::path::PathBuf)> {
    let root = common::root().join("fixtures/rules");
    let mut out = Vec::new();
    for rule in std::fs::read_dir(&root).unwrap().filter_map(Result::ok) {
        let rule_name = rule.file_name().to_string_lossy().into_owned();
        for case in std::fs::read_dir(rule.path())
            .unwrap()
            .filter_map(Result::ok)
        {
            out.push((
                rule_name.clone(),
                case.file_name().to_string_lossy().into_owned(),
                case.path(),
            ));
        }
    }
    out.sort();
    out
}

fn findings_of(rule: &str, case_path: &std::path::Path) -> Vec<serde_json::Value> {
    let rel = case_path
        .strip_prefix(common::root())
        .unwrap()
        .to_string_lossy()
        .into_owned();
    // A case may carry its own wirecheck.toml (names.canonical, names.allow).
    let config = case_path.join("wirecheck.toml");
    let config_rel = format!("{rel}/wirecheck.toml");
    // A case with a draft is a `check` run: the draft against the other files, with
    // `reference.*` files as references.
    let files: Vec<String> = std::fs::read_dir(case_path)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n != "wirecheck.toml")
        .collect();
    let mut files = files;
    files.sort();
    let in_case = |n: &String| format!("{rel}/{n}");
    let drafts: Vec<String> = files
        .iter()
        .filter(|n| n.starts_with("draft"))
        .map(in_case)
        .collect();
    let references: Vec<String> = files
        .iter()
        .filter(|n| n.starts_with("reference"))
        .map(in_case)
        .collect();
    let others: Vec<String> = files
        .iter()
        .filter(|n| !n.starts_with("draft") && !n.starts_with("reference"))
        .map(in_case)
        .collect();
    let mut args: Vec<&str> = if drafts.is_empty() {
        vec!["audit", &rel]
    } else {
        let mut a = vec!["check"];
        a.extend(drafts.iter().map(String::as_str));
        if !others.is_empty() {
            a.push("--against");
            a.extend(others.iter().map(String::as_str));
        }
        if !references.is_empty() {
            a.push("--reference");
            a.extend(references.iter().map(String::as_str));
        }
        a
    };
    args.extend(["--format", "json", "--fail-on", "never"]);
    if config.exists() {
        args.extend(["--config", &config_rel]);
    }
    let out = wirecheck(&args);
    assert_eq!(out.code, 0, "{rel}: {}", out.stderr);
    out.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .cloned()
        .collect()
}

#[test]
fn allows_cases_stay_silent() {
    for (rule, case, path) in cases()
        .into_iter()
        .filter(|(_, c, _)| c.starts_with("allows_"))
    {
        let found = findings_of(&rule, &path);
        assert!(found.is_empty(), "{rule}/{case} must not fire: {found:#?}");
    }
}

#[test]
fn flags_cases_fire() {
    for (rule, case, path) in cases()
        .into_iter()
        .filter(|(_, c, _)| c.starts_with("flags_"))
    {
        let found = findings_of(&rule, &path);
        assert!(!found.is_empty(), "{rule}/{case} must fire");
        let summary: Vec<String> = found
            .iter()
            .map(|f| {
                format!(
                    "{}:{}:{} {} found={:?} suggestion={:?} | {}",
                    f["document"].as_str().unwrap().rsplit('/').next().unwrap(),
                    f["line"],
                    f["column"],
                    f["severity"].as_str().unwrap(),
                    f["found"].as_str().unwrap(),
                    f["suggestion"].as_str(),
                    f["message"].as_str().unwrap()
                )
            })
            .collect();
        insta::assert_snapshot!(format!("{rule}__{case}"), summary.join("\n"));
    }
}
