//! A small load generator for `corroborate serve`: concurrent clients on loopback asking
//! for story pages (the ids from `/api/v1/stories`), each request on its own connection,
//! bounded by a request count and a time limit. Reports p50 and p99 latency.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The outcome of a load run.
#[derive(Debug, Clone)]
pub struct LoadResult {
    pub done: usize,
    pub errors: usize,
    pub seconds: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

fn get(port: u16, path: &str) -> Result<(u16, String), String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((
        status,
        text.split_once("\r\n\r\n")
            .map(|x| x.1.to_string())
            .unwrap_or_default(),
    ))
}

/// Runs `clients` threads against `127.0.0.1:port` until `requests` are done or `limit` passes.
pub fn run(
    port: u16,
    clients: usize,
    requests: usize,
    limit: Duration,
) -> Result<LoadResult, String> {
    let (status, body) = get(port, "/api/v1/stories")?;
    if status != 200 {
        return Err(format!("GET /api/v1/stories answered {status}"));
    }
    let v: serde_json::Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
    let ids: Vec<String> = v["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["id"].as_str().map(str::to_string))
        .collect();
    if ids.is_empty() {
        return Err("the store has no stories".into());
    }
    let ids = Arc::new(ids);
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let times = Arc::new(Mutex::new(Vec::with_capacity(requests)));
    let start = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|_| {
            let (ids, next, errors, times) =
                (ids.clone(), next.clone(), errors.clone(), times.clone());
            std::thread::spawn(move || loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= requests || start.elapsed() > limit {
                    break;
                }
                let path = format!("/stories/{}", ids[n % ids.len()]);
                let t = Instant::now();
                match get(port, &path) {
                    Ok((200, _)) => times
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(t.elapsed().as_secs_f64() * 1000.0),
                    _ => {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    let seconds = start.elapsed().as_secs_f64();
    let mut t = times.lock().unwrap_or_else(|p| p.into_inner()).clone();
    t.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| {
        t.get(((t.len() as f64 - 1.0) * p).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    Ok(LoadResult {
        done: t.len(),
        errors: errors.load(Ordering::Relaxed),
        seconds,
        p50_ms: pct(0.5),
        p99_ms: pct(0.99),
    })
}
