//! Bad input: each bad file is named with its reason, the rest is analysed, the exit
//! status is 1, and nothing panics.

mod common;

use std::fs;

use common::*;

#[test]
fn bad_files_are_reported_and_the_rest_analysed() {
    let dir = std::env::temp_dir().join(format!("corroborate-bad-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("good.txt"), "Bridge reopens after repairs\n\nThe river bridge in the town of Elmsford reopened on Tuesday after six weeks of repairs, the council said.\n").unwrap();
    fs::write(
        dir.join("binary.txt"),
        [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1],
    )
    .unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"Caf\xe9 opens\n\nA new caf\xe9 opened.\n",
    )
    .unwrap();
    fs::write(dir.join("empty.md"), "   \n\n").unwrap();
    fs::write(
        dir.join("feed.jsonl"),
        "{\"id\":\"ok-1\",\"title\":\"Dam inspection\",\"text\":\"Engineers inspected the dam on Monday and found no damage, officials said.\"}\n{\"id\": broken\n{\"id\":\"no-text\",\"title\":\"x\"}\n",
    )
    .unwrap();
    fs::write(
        dir.join("big.txt"),
        format!("Title\n\n{}", "word ".repeat(5000)),
    )
    .unwrap();
    let missing = dir.join("does-not-exist.txt");

    let out = corroborate(&[
        "analyze",
        "--format",
        "json",
        "--max-bytes",
        "10000",
        dir.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON still written");
    let ids: Vec<String> = doc["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["ok-1", "good"], "the good inputs are analysed");
    let errors: Vec<(String, Option<u64>, String)> = doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["line"].as_u64(),
                e["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let reason = |file: &str| {
        errors
            .iter()
            .find(|e| e.0.ends_with(file))
            .map(|e| e.2.clone())
            .unwrap_or_else(|| panic!("no error for {file}: {errors:?}"))
    };
    assert!(reason("binary.txt").contains("binary"));
    assert!(reason("latin1.txt").contains("UTF-8"));
    assert!(reason("empty.md").contains("empty"));
    assert!(reason("big.txt").contains("larger than"));
    assert!(reason("does-not-exist.txt").contains("no such file"));
    let feed: Vec<_> = errors
        .iter()
        .filter(|e| e.0.ends_with("feed.jsonl"))
        .collect();
    assert_eq!(
        feed.iter().map(|e| e.1).collect::<Vec<_>>(),
        [Some(2), Some(3)]
    );
    assert!(feed[0].2.contains("malformed JSON"));
    assert!(feed[1].2.contains("no `text`"));
    // Every error is also on stderr, naming the file.
    for (path, _, _) in &errors {
        assert!(stderr.contains(path.as_str()), "{path} not named on stderr");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn unsupported_file_named_explicitly_is_an_error_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("corroborate-unsup-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let p = dir.join("photo.png");
    fs::write(&p, [0u8, 1, 2]).unwrap();
    let out = corroborate(&["analyze", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported file type"));
    let _ = fs::remove_dir_all(&dir);
}
