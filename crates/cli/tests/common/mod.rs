//! Helpers shared by the integration tests: run the real binary, find the shared data.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// `../shared/<rel>` beside the checkout, if it is there.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = root().join("../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipping: {} not found (CI has ../shared beside the checkout)",
            p.display()
        );
        None
    }
}

/// Runs `corroborate` with `args`.
pub fn corroborate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run corroborate")
}

/// Runs `corroborate analyze --format json` on `paths`; returns the document and the exit code.
pub fn analyze_json(paths: &[&str]) -> (Value, i32, String) {
    let mut args = vec!["analyze", "--format", "json"];
    args.extend_from_slice(paths);
    let out = corroborate(&args);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (
        doc,
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

pub fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The story that holds report `id`.
pub fn story_of<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| strs(&s["reports"]).iter().any(|r| r == id))
        .unwrap_or_else(|| panic!("no story holds {id}"))
}

/// Facts of a story with this attribute whose subject name contains `subject`.
pub fn fact<'a>(story: &'a Value, subject: &str, attribute: &str) -> &'a Value {
    story["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["attribute"] == attribute
                && f["subject_name"].as_str().unwrap_or("").contains(subject)
        })
        .unwrap_or_else(|| panic!("no {attribute} fact about {subject}"))
}

/// (value, reports) pairs of a fact.
pub fn values(f: &Value) -> Vec<(String, Vec<String>)> {
    f["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_string(),
                strs(&v["reports"]),
            )
        })
        .collect()
}

/// A `corroborate serve` child process on a loopback port, killed when dropped.
pub struct Server {
    pub port: u16,
    child: std::process::Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `corroborate serve` on the store `db` (with a write token if given) and waits for it.
pub fn start(db: &std::path::Path, token: Option<&str>) -> Server {
    let port = free_port();
    let mut args = vec![
        "serve".to_string(),
        "--db".into(),
        db.display().to_string(),
        "--port".into(),
        port.to_string(),
    ];
    if let Some(t) = token {
        args.extend(["--token".to_string(), t.to_string()]);
    }
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "server did not start"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Server { child, port }
}
