//! Output formats and flags: JSON to stdout or --output, Markdown, terminal text, --help.

mod common;

use common::*;

#[test]
fn json_has_the_documented_top_level_fields() {
    let (doc, code, _) = analyze_json(&["examples/demo"]);
    assert_eq!(code, 0);
    assert_eq!(doc["schema_version"], "1.0");
    for key in [
        "reports",
        "stories",
        "errors",
        "reports_without_article_text",
    ] {
        assert!(doc[key].is_array(), "{key}");
    }
    let r = &doc["reports"][0];
    for key in [
        "id",
        "path",
        "title",
        "outlet",
        "published",
        "text",
        "boilerplate_removed",
    ] {
        assert!(r.get(key).is_some(), "report.{key}");
    }
    let s = &doc["stories"][0];
    for key in [
        "id",
        "headline",
        "reports",
        "brief",
        "entities",
        "facts",
        "citations",
        "origins",
    ] {
        assert!(s.get(key).is_some(), "story.{key}");
    }
    for key in ["subject", "attribute", "status", "values"] {
        assert!(s["facts"][0].get(key).is_some(), "fact.{key}");
    }
    for key in ["value", "reports", "sources"] {
        assert!(s["facts"][0]["values"][0].get(key).is_some(), "value.{key}");
    }
    for key in ["report", "source", "via", "quote"] {
        assert!(s["citations"][0].get(key).is_some(), "citation.{key}");
    }
    let inc = &s["incidents"][0];
    for key in [
        "id",
        "reports",
        "type",
        "date",
        "location",
        "killed",
        "injured",
        "arrested",
        "participants",
    ] {
        assert!(inc.get(key).is_some(), "incident.{key}");
    }
    for key in ["address", "city", "region", "country"] {
        assert!(
            inc["location"][key]["status"].is_string(),
            "location.{key} is a field"
        );
    }
    for key in ["name", "variants", "age", "gender", "role", "status"] {
        assert!(
            inc["participants"][0].get(key).is_some(),
            "participant.{key}"
        );
    }
}

#[test]
fn output_flag_writes_the_same_json_as_stdout() {
    let path = std::env::temp_dir().join(format!("corroborate-out-{}.json", std::process::id()));
    let out = corroborate(&[
        "analyze",
        "examples/demo",
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout with --output");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let (doc, _, _) = analyze_json(&["examples/demo"]);
    assert_eq!(written, doc, "the same input gives the same output");
    let _ = std::fs::remove_file(path);
}

#[test]
fn markdown_and_text_show_the_brief_and_disputes() {
    let md = corroborate(&["analyze", "examples/demo", "--format", "md"]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# corroborate analysis"));
    assert!(md.contains("### Brief") && md.contains("**disputed**") && md.contains("### Sources"));
    let text = corroborate(&["analyze", "examples/demo"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("Disputed")
            && text.contains("Origins")
            && text.contains("Marrowick Fire Service")
    );
}

#[test]
fn help_explains_the_commands() {
    let out = corroborate(&["--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("analyze") && help.contains("eval"));
    let out = corroborate(&["analyze", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--format") && help.contains(".jsonl"));
}
