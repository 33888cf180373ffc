//! Reconciling small hand-written stories: entities across reports, facts, trace, brief.

use corroborate_annotate::annotate;
use corroborate_knowledge::Knowledge;
use corroborate_model::{AnnotatedReport, Report, Status, Story};
use corroborate_reconcile::reconcile;

fn report(id: &str, published: &str, title: &str, body: &str, k: &Knowledge) -> AnnotatedReport {
    annotate(
        Report {
            id: id.into(),
            path: format!("{id}.txt"),
            title: title.into(),
            outlet: None,
            outlet_source: None,
            published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            url: None,
            text: format!("{title}\n\n{body}"),
            removed: vec![],
            meta: Default::default(),
        },
        k,
    )
}

fn story(reports: &[AnnotatedReport], k: &Knowledge) -> Story {
    let refs: Vec<&AnnotatedReport> = reports.iter().collect();
    reconcile("S1".into(), &refs, k)
}

fn flood(k: &Knowledge) -> Vec<AnnotatedReport> {
    vec![
        report(
            "a",
            "2024-04-05",
            "Flood kills three in the town of Dunmore",
            "Three people were killed when the river burst its banks in the town of Dunmore on Thursday, the regional fire brigade said. Among them was Yusuf el-Amin, 62, a baker.",
            k,
        ),
        report(
            "b",
            "2024-04-05",
            "Dunmore flood death toll",
            "At least four people died in flooding in the town of Dunmore on Thursday, according to the Valley Herald, citing the regional fire brigade. Youssef al-Amin, 62, was among the dead.",
            k,
        ),
        report(
            "c",
            "2024-04-06",
            "Dunmore mourns flood victims",
            "The flood that killed three people in the town of Dunmore on Thursday destroyed forty homes, the regional fire brigade said. Relatives named Yusuf el-Amin, 62, as one of the victims.",
            k,
        ),
    ]
}

#[test]
fn transliterations_are_one_person_with_an_agreed_age() {
    let k = Knowledge::builtin().unwrap();
    let s = story(&flood(&k), &k);
    let amin = s
        .entities
        .iter()
        .find(|e| e.variants.iter().any(|v| v == "Youssef al-Amin"))
        .expect("entity");
    assert!(
        amin.variants.contains(&"Yusuf el-Amin".to_string()),
        "{:?}",
        amin.variants
    );
    assert_eq!(amin.reports, ["a", "b", "c"]);
    let age = s
        .facts
        .iter()
        .find(|f| f.subject == amin.id && f.attribute == "age")
        .unwrap();
    assert_eq!(age.field.status, Status::Agreed);
    assert_eq!(age.field.values[0].value, "62");
}

#[test]
fn an_incompatible_toll_is_disputed_and_the_brief_does_not_pick_a_side() {
    let k = Knowledge::builtin().unwrap();
    let s = story(&flood(&k), &k);
    let killed = s
        .facts
        .iter()
        .find(|f| f.subject == "event" && f.attribute == "killed")
        .unwrap();
    assert_eq!(killed.field.status, Status::Disputed);
    let vals: Vec<(&str, Vec<&str>)> = killed
        .field
        .values
        .iter()
        .map(|v| {
            (
                v.value.as_str(),
                v.reports.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(vals, [("3", vec!["a", "c"]), (">=4", vec!["b"])]);
    // No brief sentence quotes one side of the dispute as fact.
    for b in &s.brief {
        let states_three =
            b.text.starts_with("Three people were killed") || b.text.starts_with("At least four");
        assert!(!states_three, "{}", b.text);
    }
    assert!(s
        .brief
        .iter()
        .any(|b| b.text.contains("disagree") && b.reports == ["a", "b", "c"]));
    let date = s.facts.iter().find(|f| f.attribute == "date").unwrap();
    assert_eq!(date.field.status, Status::Agreed);
    assert_eq!(date.field.values[0].value, "2024-04-04");
}

#[test]
fn three_reports_repeating_one_brigade_are_one_origin() {
    let k = Knowledge::builtin().unwrap();
    let s = story(&flood(&k), &k);
    let named: Vec<(&str, usize)> = s
        .origins
        .iter()
        .filter(|o| o.named)
        .map(|o| (o.source.as_str(), o.reports.len()))
        .collect();
    assert_eq!(named.len(), 1, "{named:?}");
    assert_eq!(named[0].1, 3);
    let b = s.citations.iter().find(|c| c.report == "b").unwrap();
    assert_eq!(b.via, ["Valley Herald"]);
}
