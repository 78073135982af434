//! `--stats`: the stage table goes to standard error, and standard output is byte for byte
//! what it is without the option.

mod common;

use common::wirecheck;

/// The stage rows of a `--stats` table: (name, CPU column, wall column).
fn stage_rows(stderr: &str) -> Vec<(String, String, String)> {
    stderr
        .lines()
        .skip_while(|l| !l.starts_with("stage "))
        .skip(1)
        .map_while(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (cols.len() == 3).then(|| (cols[0].into(), cols[1].into(), cols[2].into()))
        })
        .collect()
}

#[test]
fn inspect_stats_leave_stdout_unchanged_and_name_every_ingest_stage() {
    let args = ["inspect", "--format", "json", "seeds/"];
    let plain = wirecheck(&args);
    let timed = wirecheck(&["inspect", "--format", "json", "--stats", "seeds/"]);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert_eq!(timed.code, plain.code);
    assert_eq!(timed.stdout, plain.stdout);
    assert!(!plain.stderr.contains("wirecheck stats"));
    assert!(
        timed.stderr.contains("wirecheck stats: "),
        "{}",
        timed.stderr
    );
    let rows = stage_rows(&timed.stderr);
    let names: Vec<&str> = rows.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["read", "extract", "clean", "segment", "language", "load", "output", "total"],
        "{}",
        timed.stderr
    );
    for (name, cpu, wall) in &rows {
        // Per-document stages have no wall time of their own; the phases and the total do.
        let per_document =
            ["read", "extract", "clean", "segment", "language"].contains(&name.as_str());
        assert_eq!(wall == "-", per_document, "{name}: {wall}");
        if cfg!(unix) {
            assert!(cpu.parse::<f64>().is_ok_and(|c| c >= 0.0), "{name}: {cpu}");
        }
    }
}

#[test]
fn audit_stats_add_the_analysis_and_check_phases() {
    let plain = wirecheck(&["audit", "--format", "json", "seeds/"]);
    let timed = wirecheck(&["audit", "--format", "json", "--stats", "seeds/"]);
    assert_eq!(timed.code, plain.code);
    assert_eq!(timed.stdout, plain.stdout);
    let rows = stage_rows(&timed.stderr);
    for phase in [
        "load", "analyse", "features", "index", "cluster", "align", "quotes", "names", "checks",
        "output", "total",
    ] {
        let row = rows.iter().find(|(n, _, _)| n == phase);
        assert!(
            row.is_some_and(|(_, _, wall)| wall.parse::<f64>().is_ok()),
            "{phase}: {}",
            timed.stderr
        );
    }
}
