//! The web UI and API, through the real binary on a loopback port: pages, escaping of
//! hostile report text, the API's status codes and error bodies, and token-gated writing.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::*;

/// (status, body) of one HTTP/1.1 request.
fn http(port: u16, method: &str, path: &str, headers: &[&str], body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    (status, body)
}

fn store_with_demo_and_hostile(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-web-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let hostile = dir.join("hostile.txt");
    std::fs::write(
        &hostile,
        "Riot at the <script>alert('x')</script> stadium\n\nFans broke <img src=x onerror=alert(1)> seats at the stadium in the town of Kelby on Saturday, police said. See <a href=\"javascript:alert(2)\">this</a>.\n",
    )
    .unwrap();
    let db = dir.join("s.db");
    let out = corroborate(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        &format!("{}/examples/demo", root().display()),
        hostile.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

#[test]
fn pages_show_the_brief_disputes_and_graph_and_escape_report_text() {
    let db = store_with_demo_and_hostile("pages");
    let server = start(&db, None);
    let (status, list) = http(server.port, "GET", "/", &[], "");
    assert_eq!(status, 200);
    assert!(list.contains("Fire at Marrowick warehouse kills four workers"));
    let (_, found) = http(server.port, "GET", "/?q=Varnholm", &[], "");
    assert!(
        found.contains("Journalist detained in Varnholm") && !found.contains("Marrowick warehouse"),
        "{found}"
    );

    let (status, story) = http(server.port, "GET", "/api/v1/stories", &[], "");
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&story).unwrap();
    let fire = v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["headline"].as_str().unwrap().contains("Marrowick"))
        .unwrap();
    let id = fire["id"].as_str().unwrap().to_string();
    let (status, page) = http(server.port, "GET", &format!("/stories/{id}"), &[], "");
    assert_eq!(status, 200);
    assert!(
        page.contains("<h2>Brief</h2>") && page.contains("href=\"#report-courier-death-toll\"")
    );
    assert!(
        page.contains("class=\"disputed\""),
        "the disputed death toll is highlighted"
    );
    assert!(page.contains("<svg") && page.contains("Marrowick Fire Service (origin)"));
    assert!(page.contains("<details><summary>"));

    let riot = v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["headline"].as_str().unwrap().contains("Riot"))
        .unwrap();
    let (_, hostile) = http(
        server.port,
        "GET",
        &format!("/stories/{}", riot["id"].as_str().unwrap()),
        &[],
        "",
    );
    assert!(
        !hostile.contains("<script>alert") && hostile.contains("&lt;script&gt;alert"),
        "script escaped"
    );
    assert!(
        !hostile.contains("<img src=x") && hostile.contains("&lt;img src=x onerror=alert(1)&gt;")
    );
    assert!(
        !hostile.contains("<a href=\"javascript:")
            && hostile.contains("&lt;a href=&quot;javascript:alert(2)&quot;&gt;")
    );
}

#[test]
fn the_api_answers_with_status_codes_and_error_bodies() {
    let db = store_with_demo_and_hostile("api");
    let server = start(&db, Some("s3cret"));
    let (status, body) = http(server.port, "GET", "/api/v1/stories/S999", &[], "");
    assert_eq!(status, 404);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["error"]["code"], "not_found");
    assert_eq!(http(server.port, "GET", "/api/v1/search", &[], "").0, 400);
    assert_eq!(http(server.port, "GET", "/api/v1/nothing", &[], "").0, 404);
    let (status, body) = http(server.port, "GET", "/api/v1/search?q=Marrowick", &[], "");
    assert_eq!(status, 200);
    assert!(body.contains("Marrowick"));
    // The story object equals analyze's (ids aside): spot-check its contract fields.
    let (_, list) = http(server.port, "GET", "/api/v1/stories", &[], "");
    let first = serde_json::from_str::<serde_json::Value>(&list).unwrap()["stories"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, story) = http(
        server.port,
        "GET",
        &format!("/api/v1/stories/{first}"),
        &[],
        "",
    );
    assert_eq!(status, 200);
    let s: serde_json::Value = serde_json::from_str(&story).unwrap();
    for key in [
        "id",
        "headline",
        "reports",
        "brief",
        "entities",
        "facts",
        "incidents",
        "citations",
        "origins",
    ] {
        assert!(s.get(key).is_some(), "{key}");
    }
    // Writing needs the token.
    let report = r#"{"id":"late","title":"Dam inspection in Kelby","text":"Engineers inspected the Kelby dam on Monday and found no damage, officials said."}"#;
    assert_eq!(
        http(
            server.port,
            "POST",
            "/api/v1/reports",
            &["Content-Type: application/json"],
            report
        )
        .0,
        401
    );
    assert_eq!(
        http(
            server.port,
            "POST",
            "/api/v1/reports",
            &["Authorization: Bearer wrong"],
            report
        )
        .0,
        401
    );
    assert_eq!(
        http(
            server.port,
            "POST",
            "/api/v1/reports",
            &["Authorization: Bearer s3cret"],
            "[1,2]"
        )
        .0,
        400
    );
    let (status, body) = http(
        server.port,
        "POST",
        "/api/v1/reports",
        &["Authorization: Bearer s3cret"],
        report,
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        http(
            server.port,
            "POST",
            "/api/v1/reports",
            &["Authorization: Bearer s3cret"],
            report
        )
        .0,
        200,
        "a duplicate adds nothing"
    );
    let big = format!("{{\"text\":\"{}\"}}", "a".repeat(2 << 20));
    assert_eq!(
        http(
            server.port,
            "POST",
            "/api/v1/reports",
            &["Authorization: Bearer s3cret"],
            &big
        )
        .0,
        413
    );
}

#[test]
fn writing_is_off_without_a_token() {
    let db = store_with_demo_and_hostile("readonly");
    let server = start(&db, None);
    let (status, body) = http(server.port, "POST", "/api/v1/reports", &[], "{}");
    assert_eq!(status, 403);
    assert!(body.contains("writing_disabled"));
}
