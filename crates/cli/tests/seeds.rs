//! Acceptance on the five seed reports in ../shared/seeds (five outlets, one killing in
//! Raqqa in 2016). Nothing in corroborate knows these texts; these tests check that the
//! general mechanisms read them as a careful analyst would. Skipped where ../shared is absent.

mod common;

use common::*;
use serde_json::Value;

fn seeds() -> Option<Value> {
    let dir = shared("seeds")?;
    let (doc, code, stderr) = analyze_json(&[dir.to_str().unwrap()]);
    assert_eq!(code, 0, "stderr: {stderr}");
    Some(doc)
}

/// The seed report whose id starts with `prefix`.
fn id(doc: &Value, prefix: &str) -> String {
    doc["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .find(|i| i.starts_with(prefix))
        .unwrap()
}

#[test]
fn all_five_reports_form_one_story() {
    let Some(doc) = seeds() else { return };
    assert_eq!(doc["reports"].as_array().unwrap().len(), 5);
    assert_eq!(doc["stories"].as_array().unwrap().len(), 1);
    assert_eq!(strs(&doc["stories"][0]["reports"]).len(), 5);
}

#[test]
fn the_sons_age_is_disputed_and_the_mothers_is_not() {
    let Some(doc) = seeds() else { return };
    let story = &doc["stories"][0];
    let son = fact(story, "Ali", "age");
    assert_eq!(son["status"], "disputed");
    let vals = values(son);
    let twenty = vals.iter().find(|(v, _)| v == "20").expect("a value 20");
    let twenty_one = vals.iter().find(|(v, _)| v == "21").expect("a value 21");
    let mut expected_20 = vec![id(&doc, "001"), id(&doc, "002"), id(&doc, "004")];
    expected_20.sort();
    assert_eq!(twenty.1, expected_20);
    assert_eq!(twenty_one.1, vec![id(&doc, "003")]);

    let mother = story["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["attribute"] == "age" && values(f).iter().any(|(v, _)| v == "45"))
        .expect("an age fact with 45");
    assert_ne!(mother["status"], "disputed");
    assert_ne!(mother["subject"], son["subject"]);
}

#[test]
fn spelling_variants_of_the_mother_are_one_entity() {
    let Some(doc) = seeds() else { return };
    let entities = doc["stories"][0]["entities"].as_array().unwrap();
    let with = |name: &str| {
        entities
            .iter()
            .filter(|e| strs(&e["variants"]).iter().any(|v| v.starts_with(name)))
            .count()
    };
    let both = entities.iter().find(|e| {
        let v = strs(&e["variants"]);
        v.iter().any(|x| x.starts_with("Leena")) && v.iter().any(|x| x.starts_with("Lena"))
    });
    assert!(both.is_some(), "Leena and Lena are one entity");
    assert_eq!(with("Leena"), 1);
    assert_eq!(both.unwrap()["kind"], "person");
}

#[test]
fn the_monitors_are_origins_once_each() {
    let Some(doc) = seeds() else { return };
    let origins = doc["stories"][0]["origins"].as_array().unwrap();
    let named: Vec<&str> = origins
        .iter()
        .filter(|o| o["named"] == true)
        .map(|o| o["source"].as_str().unwrap())
        .collect();
    let sohr = named
        .iter()
        .filter(|n| n.contains("Syrian Observatory"))
        .count();
    assert_eq!(
        sohr, 1,
        "one origin for the Observatory despite its aliases: {named:?}"
    );
    assert!(
        named.iter().any(|n| n.contains("Slaughtered Silently")),
        "{named:?}"
    );
    let sohr_reports = origins
        .iter()
        .find(|o| o["source"].as_str().unwrap().contains("Syrian Observatory"))
        .unwrap();
    assert!(strs(&sohr_reports["reports"]).len() >= 4);
}

#[test]
fn haaretz_credits_the_monitors_via_the_independent() {
    let Some(doc) = seeds() else { return };
    let haaretz = id(&doc, "001");
    let cites: Vec<&Value> = doc["stories"][0]["citations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["report"] == haaretz.as_str() && c["named"] == true)
        .collect();
    assert!(cites.len() >= 2, "{cites:?}");
    for c in cites {
        assert_eq!(strs(&c["via"]), ["The Independent"], "{c}");
    }
}

#[test]
fn boilerplate_goes_and_news_stays() {
    let Some(doc) = seeds() else { return };
    let removed = |prefix: &str| -> Vec<String> {
        let r = doc["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"].as_str().unwrap().starts_with(prefix))
            .unwrap();
        strs(&r["boilerplate_removed"])
    };
    let any =
        |lines: &[String], needle: &str| lines.iter().any(|l| l.to_lowercase().contains(needle));
    assert!(
        any(&removed("000"), "subscri"),
        "the newsletter prompt is removed"
    );
    assert!(any(&removed("001"), "e-mail"), "the share text is removed");
    assert!(
        any(&removed("004"), "your support"),
        "the donation appeal is removed"
    );
    // No removed line names a person of the story: news sentences all do here.
    let story = &doc["stories"][0];
    let people: Vec<String> = story["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "person")
        .flat_map(|e| strs(&e["variants"]))
        .filter(|v| v.len() >= 4)
        .collect();
    for r in doc["reports"].as_array().unwrap() {
        for line in strs(&r["boilerplate_removed"]) {
            assert!(
                !people.iter().any(|p| line.contains(p.as_str())),
                "a news line was removed: {line}"
            );
        }
        assert!(r["text"].as_str().unwrap().contains("Raqqa"));
    }
}

#[test]
fn the_brief_mentions_raqqa_and_every_sentence_cites_reports() {
    let Some(doc) = seeds() else { return };
    let brief = doc["stories"][0]["brief"].as_array().unwrap();
    assert!((3..=8).contains(&brief.len()), "{} sentences", brief.len());
    let ids: Vec<String> = strs(&doc["stories"][0]["reports"]);
    for b in brief {
        let cited = strs(&b["reports"]);
        assert!(!cited.is_empty(), "{b}");
        assert!(cited.iter().all(|c| ids.contains(c)));
    }
    assert!(brief
        .iter()
        .any(|b| b["text"].as_str().unwrap().contains("Raqqa")));
    // The dispute is shown as a dispute, not picked.
    assert!(brief.iter().any(|b| {
        let t = b["text"].as_str().unwrap();
        t.contains("20") && t.contains("21")
    }));
}
