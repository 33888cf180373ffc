//! A browser test: Debian's Chromium, headless, loads a story page served from the demo
//! corpus and must find the brief, the disputed field and the source graph; a screenshot is
//! written to target/browser/story.png for people to look at. Skipped, with a message, where
//! no `chromium` is installed (.ci/run installs it).

mod common;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Runs Chromium headless with the flags that keep it off the closed network; kills it
/// after a minute.
fn run_chromium(bin: &PathBuf, profile: &std::path::Path, args: &[String]) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn a_headless_browser_sees_the_brief_the_dispute_and_the_graph() {
    let Some(bin) = chromium() else {
        eprintln!("skipping: no chromium installed (apt-get install chromium; .ci/run does)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("corroborate-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("s.db");
    let out = corroborate(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        &format!("{}/examples/demo", root().display()),
    ]);
    assert!(out.status.success());
    let server = start(&db, None);
    let port = server.port;
    let list =
        String::from_utf8(corroborate(&["stories", "--db", db.to_str().unwrap()]).stdout).unwrap();
    let fire = list
        .lines()
        .find(|l| l.contains("Marrowick"))
        .and_then(|l| l.split('\t').next())
        .unwrap()
        .to_string();
    let url = format!("http://127.0.0.1:{port}/stories/{fire}");

    let dom = run_chromium(
        &bin,
        &dir.join("profile-dom"),
        &["--dump-dom".into(), url.clone()],
    );
    assert!(dom.contains("<h2>Brief</h2>"), "the brief is on the page");
    assert!(
        dom.contains("class=\"disputed\""),
        "the disputed field is highlighted"
    );
    assert!(
        dom.contains("<svg") && dom.contains("(origin)"),
        "the source graph is drawn"
    );

    let shots = root().join("target").join("browser");
    std::fs::create_dir_all(&shots).unwrap();
    let png = shots.join("story.png");
    let _ = std::fs::remove_file(&png);
    run_chromium(
        &bin,
        &dir.join("profile-shot"),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1200,1800".into(),
            url,
        ],
    );
    let bytes = std::fs::read(&png).expect("a screenshot was written");
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "a real PNG ({} bytes)",
        bytes.len()
    );

    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}
