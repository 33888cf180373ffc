//! The on-disk shape of each knowledge file, and the copies compiled into the binary.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The text of a built-in knowledge file.
pub fn builtin(name: &str) -> &'static str {
    match name {
        "boilerplate.toml" => include_str!("../../../data/boilerplate.toml"),
        "organisations.toml" => include_str!("../../../data/organisations.toml"),
        "attribution.toml" => include_str!("../../../data/attribution.toml"),
        "names.toml" => include_str!("../../../data/names.toml"),
        "places.toml" => include_str!("../../../data/places.toml"),
        "events.toml" => include_str!("../../../data/events.toml"),
        "language.toml" => include_str!("../../../data/language.toml"),
        "us_places.tsv" => include_str!("../../../data/us_places.tsv"),
        _ => "",
    }
}

#[derive(Deserialize)]
pub struct BoilerplateFile {
    pub classes: BTreeMap<String, Vec<String>>,
    pub calls_to_action: CallsToAction,
}

#[derive(Deserialize)]
pub struct CallsToAction {
    pub imperative_verbs: Vec<String>,
    pub reader_words: Vec<String>,
    #[serde(default)]
    pub any_length_classes: Vec<String>,
    pub fragment_max_words: usize,
}

#[derive(Deserialize)]
pub struct OrgsFile {
    pub org: Vec<OrgRow>,
}

#[derive(Deserialize)]
pub struct OrgRow {
    pub name: String,
    pub class: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub based: Vec<String>,
    #[serde(default)]
    pub descriptors: Vec<String>,
}

#[derive(Deserialize)]
pub struct AttributionFile {
    pub reporting_verbs: Vec<String>,
    pub statement_nouns: Vec<String>,
    pub prefix_cues: Vec<String>,
    pub nested_cues: Vec<String>,
    pub source_descriptors: Vec<String>,
    pub unnamed_sources: Vec<String>,
    #[serde(default)]
    pub org_anaphors: Vec<String>,
    pub pronouns: Vec<String>,
}

#[derive(Deserialize)]
pub struct NamesFile {
    pub particles: Vec<String>,
    pub honorifics: BTreeMap<String, String>,
    pub kinship: BTreeMap<String, KinshipRow>,
    pub person_nouns: BTreeMap<String, String>,
    pub folds: Vec<Vec<String>>,
    pub skeleton_min_similarity: f64,
    pub token_min_similarity: f64,
}

#[derive(Deserialize)]
pub struct KinshipRow {
    pub gender: String,
    #[serde(default)]
    pub inverse: BTreeMap<String, String>,
}

#[derive(Deserialize)]
pub struct PlacesFile {
    pub countries: Vec<[String; 3]>,
    pub us_states: Vec<[String; 3]>,
    pub regions: Vec<[String; 3]>,
    pub cities: Vec<[String; 3]>,
}

#[derive(Deserialize)]
pub struct EventsFile {
    pub types: BTreeMap<String, Vec<String>>,
    pub status: BTreeMap<String, Vec<String>>,
    pub roles: BTreeMap<String, Vec<String>>,
    pub street_types: Vec<String>,
    pub type_cue_blockers: Vec<String>,
    pub counts: BTreeMap<String, Vec<String>>,
    pub vague_numbers: BTreeMap<String, [u32; 2]>,
    pub number_words: BTreeMap<String, u32>,
    pub decades: BTreeMap<String, u32>,
    pub weapons: Vec<String>,
    pub charge_cues: Vec<String>,
}

#[derive(Deserialize)]
pub struct LanguageFile {
    pub abbreviations: Vec<String>,
    pub not_names: Vec<String>,
    pub org_words: Vec<String>,
    pub place_nouns: Vec<String>,
    pub stopwords: Vec<String>,
}
