//! Helpers for running the built binary from the crate root.

#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Exit code, stderr and stdout together, for snapshots.
    pub fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stderr\n{}--- stdout\n{}",
            self.code, self.stderr, self.stdout
        )
    }
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn wirecheck(args: &[&str]) -> Outcome {
    wirecheck_in(root(), args, None)
}

pub fn wirecheck_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Outcome {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary builds");
    cmd.current_dir(dir).args(args).env("NO_COLOR", "1");
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.output().expect("binary runs");
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// No text is ever outside every sentence and every removed region: whatever lies between them
/// is whitespace.
pub fn assert_no_text_outside(doc: &wirecheck::model::Document) {
    let mut covered: Vec<std::ops::Range<usize>> = doc
        .sentences
        .iter()
        .map(|s| s.range.clone())
        .chain(doc.removed.iter().map(|r| r.range.clone()))
        .collect();
    covered.sort_by_key(|r| (r.start, r.end));
    let mut pos = 0;
    for r in covered
        .iter()
        .chain(std::iter::once(&(doc.text.len()..doc.text.len())))
    {
        if r.start > pos {
            let gap = &doc.text[pos..r.start];
            assert!(
                gap.trim().is_empty(),
                "{}: text outside every sentence and removed region at {pos}: {gap:?}",
                doc.name
            );
        }
        pos = pos.max(r.end);
    }
}
