//! The annotators on small hand-written reports: attributions, ages, mentions and links.

use corroborate_annotate::annotate;
use corroborate_knowledge::Knowledge;
use corroborate_model::{AnnotatedReport, ClaimValue, Gender, MentionKind, Report, Subject};

fn run(title: &str, body: &str) -> AnnotatedReport {
    let k = Knowledge::builtin().unwrap();
    let report = Report {
        id: "r".into(),
        path: "r.txt".into(),
        title: title.into(),
        outlet: Some("The Hilltop Ledger".into()),
        outlet_source: Some("metadata".into()),
        published: chrono::NaiveDate::from_ymd_opt(2024, 5, 3),
        url: None,
        text: format!("{title}\n\n{body}"),
        removed: vec![],
        meta: Default::default(),
    };
    annotate(report, &k)
}

/// (source, via) of every attribution.
fn credits(a: &AnnotatedReport) -> Vec<(String, Vec<String>)> {
    a.attributions
        .iter()
        .map(|x| {
            (
                x.source.text.clone(),
                x.via.iter().map(|v| v.text.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn nested_credit_makes_the_first_source_an_intermediary() {
    let a = run(
        "Strike ends",
        "According to Reuters, citing the Transport Workers Council, the strike ended on Thursday.",
    );
    assert_eq!(
        credits(&a),
        [(
            "Transport Workers Council".to_string(),
            vec!["Reuters".to_string()]
        )]
    );
}

#[test]
fn citing_before_the_subject_puts_the_unnamed_source_upstream() {
    let a = run(
        "Clash",
        "Citing local witnesses, Amnesty International said that two protesters were hurt.",
    );
    assert_eq!(
        credits(&a),
        [(
            "local witnesses".to_string(),
            vec!["Amnesty International".to_string()]
        )]
    );
    assert!(!a.attributions[0].source.named);
}

#[test]
fn told_another_outlet_is_an_intermediary_but_not_our_own() {
    let a = run(
        "Flood",
        "A spokesman for the Red Cross told the BBC that 40 families were moved.",
    );
    assert_eq!(
        credits(&a),
        [(
            "International Committee of the Red Cross".to_string(),
            vec!["BBC".to_string()]
        )]
    );
    let b = run(
        "Flood",
        "A spokesman for the Red Cross told The Hilltop Ledger that 40 families were moved.",
    );
    // "The Hilltop Ledger" is this report's own outlet: a direct credit.
    assert_eq!(credits(&b)[0].1, Vec::<String>::new());
}

#[test]
fn quotes_and_pronouns_credit_the_last_speaker() {
    let a = run(
        "Mayor speaks",
        "Mayor Jonas Pell visited the site.\n\n“We will rebuild,” he said. “It will take a year.”",
    );
    let sources: Vec<String> = a
        .attributions
        .iter()
        .map(|x| x.source.text.clone())
        .collect();
    assert!(!sources.is_empty());
    assert!(sources.iter().all(|s| s == "Jonas Pell"), "{sources:?}");
}

#[test]
fn passives_and_acts_are_not_credits() {
    let a = run("Case", "The story was first reported by the Coastal Post. Ana Ruiz reported her neighbour to the police.");
    assert_eq!(credits(&a), [("Coastal Post".to_string(), vec![])]);
}

#[test]
fn ages_attach_to_names_kin_and_descriptions() {
    let a = run(
        "Two hurt",
        "Maria Kowalski, 52, was injured. Her 19-year-old son was also hurt, and a man in his sixties was treated at the scene.",
    );
    let ages: Vec<(String, String)> = a
        .claims
        .iter()
        .filter(|c| c.attribute == "age")
        .map(|c| {
            let who = match &c.subject {
                Subject::Mention(m) => a.mentions[*m].text.clone(),
                Subject::Kin(k) => format!("kin:{k}"),
                Subject::Descriptor { noun, .. } => format!("the {noun}"),
                Subject::Event => "event".into(),
            };
            let v = match &c.value {
                ClaimValue::Quantity(q) => q.normalised(),
                other => format!("{other:?}"),
            };
            (who, v)
        })
        .collect();
    assert_eq!(
        ages,
        [
            ("Maria Kowalski".to_string(), "52".to_string()),
            ("kin:son".to_string(), "19".to_string()),
            ("the man".to_string(), "60-69".to_string())
        ]
    );
}

#[test]
fn short_references_link_to_the_full_name_of_matching_gender() {
    let a = run("Siblings", "Omar al-Hadi and his sister Rania al-Hadi were arrested. Ms al-Hadi was released on Friday.");
    let short = a
        .mentions
        .iter()
        .position(|m| m.text == "al-Hadi")
        .expect("the short reference");
    let target = a.mentions[short].refers_to.expect("linked");
    assert_eq!(a.mentions[target].text, "Rania al-Hadi");
    assert_eq!(a.mentions[target].gender, Some(Gender::Female));
    assert_eq!(a.mentions[target].kin.as_deref(), Some("sister"));
    assert!(a
        .mentions
        .iter()
        .any(|m| m.kind == MentionKind::Person && m.text == "Omar al-Hadi"));
}

#[test]
fn organisations_places_and_descriptions_are_recognised() {
    let a = run(
        "Strikes",
        "The Syrian Observatory for Human Rights said six people died in Idleb. The UK-based war monitor said the toll may rise.",
    );
    let canon: Vec<(MentionKind, String)> = a
        .mentions
        .iter()
        .map(|m| (m.kind, m.canonical.clone().unwrap_or_default()))
        .collect();
    assert!(canon.contains(&(
        MentionKind::Org,
        "Syrian Observatory for Human Rights".into()
    )));
    assert!(canon.contains(&(MentionKind::Place, "Idlib".into())));
    let orgs = canon
        .iter()
        .filter(|(k, c)| *k == MentionKind::Org && c.starts_with("Syrian Observatory"))
        .count();
    assert_eq!(
        orgs, 2,
        "the description resolves to the monitor: {canon:?}"
    );
}
