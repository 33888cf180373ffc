//! The demo corpus (examples/demo, fictional) pins the analysis end to end.

mod common;

use common::*;

#[test]
fn demo_forms_two_stories_of_the_right_reports() {
    let (doc, code, stderr) = analyze_json(&["examples/demo"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(doc["reports"].as_array().unwrap().len(), 6);
    let fire = story_of(&doc, "gazette-warehouse-fire");
    let mut fire_reports = strs(&fire["reports"]);
    fire_reports.sort();
    assert_eq!(
        fire_reports,
        [
            "courier-death-toll",
            "gazette-warehouse-fire",
            "radio-union-inquiry",
            "wire-marrowick"
        ]
    );
    let arrest = story_of(&doc, "wire-varnholm");
    assert_eq!(
        strs(&arrest["reports"]),
        ["courier-journalist-arrest", "wire-varnholm"]
    );
    assert_eq!(doc["stories"].as_array().unwrap().len(), 2);
}

#[test]
fn the_death_toll_is_disputed_and_the_date_agreed_after_resolution() {
    let (doc, _, _) = analyze_json(&["examples/demo"]);
    let fire = story_of(&doc, "gazette-warehouse-fire");
    let killed = fact(fire, "the event", "killed");
    assert_eq!(killed["status"], "disputed");
    assert_eq!(
        values(killed),
        [
            (
                "4".to_string(),
                vec![
                    "gazette-warehouse-fire".into(),
                    "radio-union-inquiry".into(),
                    "wire-marrowick".into()
                ]
            ),
            (">=5".to_string(), vec!["courier-death-toll".to_string()])
        ]
    );
    // "on Wednesday" in reports published on Thursday, Friday and Saturday is one date.
    let date = fact(fire, "the event", "date");
    assert_eq!(date["status"], "agreed");
    assert_eq!(values(date)[0].0, "2024-03-06");
    assert_eq!(values(date)[0].1.len(), 3);
    let injured = fact(fire, "the event", "injured");
    assert_eq!(values(injured)[0].0, "11");
    let place = fact(fire, "the event", "place");
    assert_eq!(values(place)[0].0, "Marrowick");
}

#[test]
fn names_spelled_two_ways_are_one_person() {
    let (doc, _, _) = analyze_json(&["examples/demo"]);
    for (report, a, b) in [
        (
            "gazette-warehouse-fire",
            "Tomasz Wierzbicki",
            "Tomas Wierzbicki",
        ),
        ("wire-varnholm", "Amira Haddad", "Amira Hadad"),
    ] {
        let story = story_of(&doc, report);
        let e = story["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| strs(&e["variants"]).contains(&a.to_string()))
            .unwrap_or_else(|| panic!("no entity for {a}"));
        assert!(
            strs(&e["variants"]).contains(&b.to_string()),
            "{a} and {b}: {e}"
        );
        assert_eq!(strs(&e["reports"]).len(), 2);
    }
    let arrest = story_of(&doc, "wire-varnholm");
    let age = fact(arrest, "Amira", "age");
    assert_eq!(age["status"], "agreed");
    assert_eq!(values(age)[0].0, "41");
}

#[test]
fn citation_chains_lead_to_their_origins() {
    let (doc, _, _) = analyze_json(&["examples/demo"]);
    let fire = story_of(&doc, "gazette-warehouse-fire");
    let courier = fire["citations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["report"] == "courier-death-toll" && c["source"] == "Marrowick Fire Service")
        .expect("the Courier credits the fire service");
    assert_eq!(strs(&courier["via"]), ["Harbour Gazette"]);
    let service = fire["origins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["source"] == "Marrowick Fire Service")
        .unwrap();
    assert_eq!(
        strs(&service["reports"]).len(),
        4,
        "four reports rest on one origin"
    );

    let arrest = story_of(&doc, "wire-varnholm");
    let alliance = arrest["origins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["source"] == "Free Press Alliance")
        .unwrap();
    assert_eq!(strs(&alliance["cites_unnamed"]), ["her lawyer"]);
}

#[test]
fn boilerplate_is_removed_and_outlets_and_dates_kept() {
    let (doc, _, _) = analyze_json(&["examples/demo"]);
    let report = |id: &str| {
        doc["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    let gazette = report("gazette-warehouse-fire");
    let removed = strs(&gazette["boilerplate_removed"]);
    assert_eq!(removed.len(), 5, "{removed:?}");
    assert!(removed.iter().any(|l| l.starts_with("Sign up")));
    assert!(removed.iter().all(|l| !l.contains("Tomasz")));
    assert!(gazette["text"]
        .as_str()
        .unwrap()
        .contains("Fire chief Helena Brandt said"));
    assert_eq!(gazette["outlet"], "Harbour Gazette");
    assert_eq!(gazette["published"], "2024-03-08");
    let courier = report("courier-journalist-arrest");
    assert_eq!(
        strs(&courier["boilerplate_removed"]),
        ["Help us keep reporting. Become a member today."]
    );
    let wire = report("wire-varnholm");
    assert_eq!(strs(&wire["boilerplate_removed"]), ["Share this story"]);
}

#[test]
fn every_fact_value_has_evidence_that_quotes_its_report() {
    let (doc, _, _) = analyze_json(&["examples/demo"]);
    for story in doc["stories"].as_array().unwrap() {
        for f in story["facts"].as_array().unwrap() {
            for v in f["values"].as_array().unwrap() {
                let ev = v["evidence"].as_array().unwrap();
                assert!(!ev.is_empty(), "{v}");
                for e in ev {
                    let r = doc["reports"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|r| r["id"] == e["report"])
                        .unwrap();
                    let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
                    let (s, t) = (
                        e["start"].as_u64().unwrap() as usize,
                        e["end"].as_u64().unwrap() as usize,
                    );
                    let slice: String = text[s..t].iter().collect();
                    assert_eq!(
                        slice,
                        e["text"].as_str().unwrap(),
                        "character offsets point at the evidence"
                    );
                }
            }
        }
    }
}

#[test]
fn every_brief_sentence_cites_reports_of_its_story() {
    let (doc, _, _) = analyze_json(&["examples/demo"]);
    for story in doc["stories"].as_array().unwrap() {
        let brief = story["brief"].as_array().unwrap();
        assert!((3..=8).contains(&brief.len()), "{}", story["id"]);
        let ids = strs(&story["reports"]);
        for b in brief {
            let cited = strs(&b["reports"]);
            assert!(
                !cited.is_empty() && cited.iter().all(|c| ids.contains(c)),
                "{b}"
            );
        }
    }
}

#[test]
fn incident_records_have_fields_participants_and_disputes() {
    let (doc, _, _) = analyze_json(&["examples/demo"]);
    let fire = story_of(&doc, "gazette-warehouse-fire");
    let inc = &fire["incidents"][0];
    assert_eq!(inc["id"], "S1-I1");
    let vals = |f: &serde_json::Value| {
        f["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["value"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(vals(&inc["type"]).contains(&"fire".to_string()));
    assert_eq!(inc["date"]["status"], "agreed");
    assert_eq!(vals(&inc["date"]), ["2024-03-06"]);
    assert_eq!(vals(&inc["location"]["city"]), ["Marrowick"]);
    assert_eq!(inc["killed"]["status"], "disputed");
    assert_eq!(vals(&inc["killed"]), ["4", ">=5"]);
    assert_eq!(vals(&inc["injured"]), ["11"]);
    assert_eq!(inc["arrested"]["status"], "absent");
    let tomasz = inc["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"].as_str().unwrap().contains("Wierzbicki"))
        .unwrap();
    assert_eq!(vals(&tomasz["age"]), ["34"]);
    assert_eq!(vals(&tomasz["role"]), ["victim"]);

    // A detained journalist is recorded as arrested, and not as a suspect.
    let arrest = story_of(&doc, "wire-varnholm");
    let amira = &arrest["incidents"][0]["participants"][0];
    assert_eq!(vals(&amira["status"]), ["arrested"]);
    assert_eq!(amira["role"]["status"], "absent");
}

#[test]
fn csv_export_has_one_row_per_incident_with_disputes_named() {
    let out = corroborate(&["analyze", "examples/demo", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("story_id,incident_id,headline,report_count,reports,type,date,address,city,region,country,killed,injured,arrested"));
    assert_eq!(lines.len(), 3, "a header and two incidents: {text}");
    let fire = lines.iter().find(|l| l.starts_with("S1,")).unwrap();
    assert!(fire.contains(",4 | >=5,11,"), "{fire}");
    assert!(
        fire.contains(",killed,"),
        "the disputed field is named: {fire}"
    );
}
