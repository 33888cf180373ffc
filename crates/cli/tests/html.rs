//! HTML reports: the fixture pages in tests/fixtures/html (written for these tests:
//! fictional outlets and people; JSON-LD and Open Graph metadata, page furniture, a
//! malformed page, a windows-1252 page), mixed-format folders, and hostile pages.

mod common;

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use common::*;
use serde_json::Value;

const FIXTURES: &str = "crates/cli/tests/fixtures/html";

fn report<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no report {id}"))
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("corroborate-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn metadata_comes_from_the_page_with_its_source() {
    let (doc, code, stderr) = analyze_json(&[FIXTURES]);
    assert_eq!(code, 0, "{stderr}");
    let tide = report(&doc, "tide-ferry");
    assert_eq!(tide["title"], "Ferry capsizes off Cape Lorn, three dead");
    assert_eq!(tide["outlet"], "The Tide");
    assert_eq!(tide["published"], "2023-05-17");
    assert_eq!(tide["authors"], serde_json::json!(["Mara Ellison"]));
    assert_eq!(tide["language"], "en-GB");
    assert_eq!(
        tide["canonical_url"],
        "https://tide.example/news/2023/05/17/ferry-capsizes-cape-lorn"
    );
    let src = &tide["metadata_sources"];
    assert_eq!(src["published"], "json-ld datePublished");
    assert_eq!(src["outlet"], "og:site_name");
    assert_eq!(src["title"], "json-ld headline");

    let harbour = report(&doc, "harbour-ferry");
    assert_eq!(harbour["published"], "2023-05-17");
    assert_eq!(
        harbour["metadata_sources"]["published"],
        "article:published_time"
    );
    assert_eq!(harbour["authors"], serde_json::json!(["Ola Brandvik"]));
    assert_eq!(harbour["outlet_source"], "og:site_name");
}

#[test]
fn page_furniture_is_left_out_and_the_article_kept() {
    let (doc, _, _) = analyze_json(&[FIXTURES]);
    let text = report(&doc, "tide-ferry")["text"]
        .as_str()
        .unwrap()
        .to_string();
    for kept in [
        "Three passengers died",
        "Tomas Grieve, 61",
        "Lorn Ferries, said it would cooperate",
    ] {
        assert!(text.contains(kept), "missing {kept:?} in {text}");
    }
    for furniture in [
        "cookies",
        "Weather",
        "Share on",
        "Storm warnings",
        "newsletter",
        "thoughts with the families",
        "All rights reserved",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} left in {text}");
    }
    let harbour = report(&doc, "harbour-ferry")["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        !harbour.contains("Donate today") && !harbour.contains("Harbour fees"),
        "{harbour}"
    );
}

#[test]
fn two_pages_of_one_sinking_are_one_story_with_a_disputed_toll() {
    let (doc, _, _) = analyze_json(&[FIXTURES]);
    let story = story_of(&doc, "tide-ferry");
    assert_eq!(strs(&story["reports"]), ["harbour-ferry", "tide-ferry"]);
    let killed = fact(story, "the event", "killed");
    assert_eq!(killed["status"], "disputed");
    // "on Tuesday" in pages published on Wednesday 17 May 2023.
    let date = fact(story, "the event", "date");
    assert_eq!(
        values(date),
        [(
            "2023-05-16".to_string(),
            vec!["harbour-ferry".to_string(), "tide-ferry".to_string()]
        )]
    );
    let age = fact(story, "Grieve", "age");
    assert_eq!(age["status"], "agreed");
    let coastguard = story["origins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["source"] == "Northern Coastguard")
        .unwrap();
    assert_eq!(
        strs(&coastguard["reports"]),
        ["harbour-ferry", "tide-ferry"]
    );
    let via = story["citations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["report"] == "harbour-ferry" && c["source"] == "Northern Coastguard")
        .unwrap();
    assert_eq!(strs(&via["via"]), ["Tide"]);
}

#[test]
fn malformed_and_legacy_charset_pages_are_read() {
    let (doc, _, _) = analyze_json(&[FIXTURES]);
    let flood = report(&doc, "malformed-flood");
    assert_eq!(flood["title"], "River Aske bursts its banks in Dunmore");
    assert!(flood["text"]
        .as_str()
        .unwrap()
        .contains("more than two hundred homes"));
    let fire = report(&doc, "latin1-fire");
    assert_eq!(fire["title"], "Incendie à Brévannes");
    assert!(fire["text"].as_str().unwrap().contains("entrepôt"));
    assert_eq!(fire["language"], "fr");
}

#[test]
fn a_mixed_folder_of_text_gzip_html_and_jsonl_is_one_analysis() {
    let dir = temp_dir("mixed");
    let page = fs::read(format!("{}/{FIXTURES}/tide-ferry.html", root().display())).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&page).unwrap();
    fs::write(dir.join("tide.html.gz"), gz.finish().unwrap()).unwrap();
    let harbour = fs::read_to_string(format!(
        "{}/{FIXTURES}/harbour-ferry.html",
        root().display()
    ))
    .unwrap();
    let line = serde_json::json!({"id": "harbour-jsonl", "html": harbour}).to_string();
    fs::write(dir.join("feed.jsonl"), line + "\n").unwrap();
    fs::write(
        dir.join("wire.txt"),
        "---\noutlet: Coastline Wire\npublished: 2023-05-16\n---\nThree dead as ferry capsizes off Cape Lorn\n\nThree people died when the Saint Brendan ferry capsized off Cape Lorn on Tuesday, the Northern Coastguard said.\n",
    )
    .unwrap();
    let (doc, code, stderr) = analyze_json(&[dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let ids: Vec<&str> = doc["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["harbour-jsonl", "tide", "wire"]);
    assert_eq!(report(&doc, "harbour-jsonl")["outlet"], "Harbour Gazette");
    assert_eq!(report(&doc, "tide")["published"], "2023-05-17");
    assert_eq!(
        doc["stories"].as_array().unwrap().len(),
        1,
        "one sinking, one story"
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn hostile_pages_give_errors_or_best_effort_never_a_panic() {
    let dir = temp_dir("hostile");
    fs::write(
        dir.join("deep.html"),
        format!("<html><body>{}text", "<div>".repeat(20_000)),
    )
    .unwrap();
    let article = "<p>The harbour master said the storm damaged twelve boats on Monday and closed the port for the day.</p>".repeat(3);
    let script = format!("<script>var x = \"{}\";</script>", "a".repeat(3 << 20));
    fs::write(
        dir.join("script.html"),
        format!("<html><head>{script}</head><body><article>{article}</article></body></html>"),
    )
    .unwrap();
    fs::write(
        dir.join("truncated.html"),
        format!("<html><body><article>{article}<p>And then the pa"),
    )
    .unwrap();
    fs::write(dir.join("garbage.html"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    fs::write(dir.join("bad.html.gz"), b"this is not gzip").unwrap();
    fs::write(dir.join("empty.htm"), "").unwrap();
    fs::write(
        dir.join("no-article.html"),
        "<html><body><nav><a href=/>Home</a></nav></body></html>",
    )
    .unwrap();
    let out = corroborate(&["analyze", "--format", "json", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reason = |file: &str| {
        doc["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["path"].as_str().unwrap().ends_with(file))
            .map(|e| e["reason"].as_str().unwrap().to_string())
    };
    assert!(reason("deep.html").unwrap().contains("nested"));
    assert!(reason("garbage.html").unwrap().contains("binary"));
    assert!(reason("bad.html.gz").unwrap().contains("gzip"));
    assert!(reason("empty.htm").unwrap().contains("empty"));
    // A page of navigation only is read, has no article text, and joins no story.
    assert!(strs(&doc["reports_without_article_text"]).contains(&"no-article".to_string()));
    // Megabytes of script and a cut-off page still yield their article.
    for id in ["script", "truncated"] {
        let r = doc["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} not read: {stderr}"));
        assert!(r["text"].as_str().unwrap().contains("twelve boats"), "{id}");
    }
    let _ = fs::remove_dir_all(dir);
}
