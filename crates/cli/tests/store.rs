//! The store: incremental ingest, idempotent re-ingest, a killed ingest completed by a
//! re-run, and story records equal to what `analyze` gives for the same reports.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("corroborate-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn demo(file: &str) -> String {
    format!("{}/examples/demo/{file}", root().display())
}

fn ingest(db: &Path, paths: &[&str]) -> String {
    let mut args = vec!["ingest", "--db", db.to_str().unwrap()];
    args.extend_from_slice(paths);
    let out = corroborate(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn story_with(db: &Path, report: &str) -> Value {
    let out = corroborate(&["export", "--db", db.to_str().unwrap(), "--format", "jsonl"]);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|s| strs(&s["reports"]).iter().any(|r| r == report))
        .unwrap_or_else(|| panic!("no stored story holds {report}"))
}

#[test]
fn a_later_report_joins_its_story_and_turns_agreement_into_dispute() {
    let dir = temp_dir("incremental");
    let db = dir.join("s.db");
    ingest(
        &db,
        &[&demo("gazette-warehouse-fire.md"), &demo("wire.jsonl")],
    );
    let fire = story_with(&db, "gazette-warehouse-fire");
    assert_eq!(
        strs(&fire["reports"]),
        ["gazette-warehouse-fire", "wire-marrowick"]
    );
    assert_eq!(fact(&fire, "the event", "killed")["status"], "agreed");

    let summary = ingest(&db, &[&demo("courier-death-toll.txt")]);
    assert!(
        summary.starts_with("added 1, duplicates 0, failed 0; 1 stories touched"),
        "{summary}"
    );
    let fire = story_with(&db, "gazette-warehouse-fire");
    assert_eq!(
        strs(&fire["reports"]),
        [
            "courier-death-toll",
            "gazette-warehouse-fire",
            "wire-marrowick"
        ]
    );
    assert_eq!(fact(&fire, "the event", "killed")["status"], "disputed");
    // The other story was not touched.
    let arrest = story_with(&db, "wire-varnholm");
    assert_eq!(strs(&arrest["reports"]), ["wire-varnholm"]);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn re_ingest_is_idempotent_and_records_equal_analyze() {
    let dir = temp_dir("idempotent");
    let db = dir.join("s.db");
    let folder = format!("{}/examples/demo", root().display());
    let first = ingest(&db, &[&folder]);
    assert!(first.starts_with("added 6, duplicates 0"), "{first}");
    let export = |db: &Path| {
        String::from_utf8(corroborate(&["export", "--db", db.to_str().unwrap()]).stdout).unwrap()
    };
    let before = export(&db);
    let second = ingest(&db, &[&folder]);
    assert!(second.starts_with("added 0, duplicates 6"), "{second}");
    assert_eq!(export(&db), before, "nothing changes on re-ingest");

    // Same reports, same record as analyze (story ids aside).
    let (doc, _, _) = analyze_json(&[&folder]);
    for story in doc["stories"].as_array().unwrap() {
        let first_report = strs(&story["reports"])[0].clone();
        let stored = story_with(&db, &first_report);
        let normalise = |v: &Value| {
            v.to_string()
                .replace(&format!("\"{}", v["id"].as_str().unwrap()), "\"S?")
        };
        assert_eq!(
            normalise(&stored),
            normalise(story),
            "story of {first_report}"
        );
    }
    let listing =
        String::from_utf8(corroborate(&["stories", "--db", db.to_str().unwrap()]).stdout).unwrap();
    assert_eq!(listing.lines().count(), 2);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_killed_ingest_is_completed_by_a_re_run_without_duplicates() {
    let dir = temp_dir("kill");
    let input = dir.join("reports");
    fs::create_dir_all(&input).unwrap();
    let n = 300;
    for i in 0..n {
        let town = format!("Testville{}", i % 100);
        fs::write(
            input.join(format!("r{i:03}.txt")),
            format!(
                "---\npublished: 2024-02-{:02}\n---\nStorm damages homes in the town of {town}\n\nA storm damaged {} homes in the town of {town} on Monday, the county fire service said. Crews worked through the night to clear fallen trees from the roads of {town}.\n",
                1 + i % 27,
                3 + i
            ),
        )
        .unwrap();
    }
    let db = dir.join("s.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args([
            "ingest",
            "--db",
            db.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some reports are committed (or after a bound, whichever comes first).
    let start = Instant::now();
    let count = |db: &Path| -> usize {
        let out = corroborate(&["export", "--db", db.to_str().unwrap()]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l)
                    .map(|s| strs(&s["reports"]).len())
                    .unwrap_or(0)
            })
            .sum()
    };
    while start.elapsed() < Duration::from_secs(60) {
        if db.exists() && count(&db) >= 10 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    let partial = count(&db);
    assert!(
        partial < n,
        "the ingest was interrupted ({partial} of {n} stored)"
    );

    let out = ingest(&db, &[input.to_str().unwrap()]);
    let added: usize = out
        .split_whitespace()
        .nth(1)
        .unwrap()
        .trim_end_matches(',')
        .parse()
        .unwrap();
    let duplicates: usize = out
        .split_whitespace()
        .nth(3)
        .unwrap()
        .trim_end_matches(',')
        .parse()
        .unwrap();
    assert_eq!(added + duplicates, n, "{out}");
    assert!(
        duplicates >= partial,
        "everything committed before the kill is kept: {out}"
    );
    // Every report is in exactly one story record.
    let export =
        String::from_utf8(corroborate(&["export", "--db", db.to_str().unwrap()]).stdout).unwrap();
    let mut all: Vec<String> = export
        .lines()
        .flat_map(|l| strs(&serde_json::from_str::<Value>(l).unwrap()["reports"]))
        .collect();
    all.sort();
    let total = all.len();
    all.dedup();
    assert_eq!(total, n, "each report once");
    assert_eq!(all.len(), n);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn reading_commands_do_not_create_a_store() {
    let dir = temp_dir("nostore");
    let db = dir.join("absent.db");
    let out = corroborate(&["stories", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store at"));
    assert!(!db.exists());
    let out = corroborate(&["show", "S9", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let _ = fs::remove_dir_all(dir);
}
