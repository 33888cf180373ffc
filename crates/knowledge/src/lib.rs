//! Loads corroborate's knowledge files (`data/*.toml`) into typed, indexed lookups.
//!
//! The files are compiled into the binary ([`Knowledge::builtin`]) and can be
//! replaced from a directory ([`Knowledge::from_dir`]). Stages receive a
//! `&Knowledge` explicitly: there is no global state.

mod files;
pub mod normalise;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use corroborate_model::{Gender, Quantity};
use regex::{Regex, RegexBuilder};

pub use normalise::{fold_accents, org_key};

/// A knowledge file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("{file}: {reason}")]
    Invalid { file: String, reason: String },
}

/// Everything the pipeline knows, as opposed to what it does.
#[derive(Debug)]
pub struct Knowledge {
    pub boilerplate: Boilerplate,
    pub orgs: Orgs,
    pub attribution: AttributionCues,
    pub names: Names,
    pub places: Places,
    pub us_places: UsPlaces,
    pub events: Events,
    pub language: Language,
}

/// Boilerplate line classes and call-to-action cues.
#[derive(Debug)]
pub struct Boilerplate {
    pub classes: Vec<(String, Vec<Regex>)>,
    pub imperative_verbs: HashSet<String>,
    pub reader_words: HashSet<String>,
    /// Classes that may match a line of any length.
    pub any_length_classes: HashSet<String>,
    pub fragment_max_words: usize,
}

/// One known organisation.
#[derive(Debug, Clone)]
pub struct Org {
    pub name: String,
    pub class: String,
    pub aliases: Vec<String>,
    pub domains: Vec<String>,
    pub based: Vec<String>,
    pub descriptors: Vec<String>,
}

/// Known organisations, indexed by normalised name and alias.
#[derive(Debug)]
pub struct Orgs {
    pub list: Vec<Org>,
    /// normalised key -> (org index, the alias needs a leading "the" in the text)
    index: HashMap<String, (usize, bool)>,
}

impl Orgs {
    /// The organisation a written name refers to. `with_article`: the text has "the" before it.
    pub fn lookup(&self, written: &str, with_article: bool) -> Option<usize> {
        if let Some(&(i, _)) = self.index.get(&format!("={}", written.trim())) {
            return Some(i);
        }
        let key = org_key(written);
        match self.index.get(&key) {
            Some(&(i, needs_article)) if !needs_article || with_article => Some(i),
            _ => None,
        }
    }

    /// The organisation whose web domain is `host` or a parent of it.
    pub fn by_domain(&self, host: &str) -> Option<usize> {
        let host = host.trim_start_matches("www.").to_ascii_lowercase();
        self.list.iter().position(|o| {
            o.domains
                .iter()
                .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        })
    }

    /// Longest known names first, for scanning text.
    pub fn all_names(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for (i, o) in self.list.iter().enumerate() {
            out.push((o.name.clone(), i));
            for a in &o.aliases {
                out.push((a.clone(), i));
            }
        }
        out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        out
    }
}

/// Reporting verbs and attribution phrases.
#[derive(Debug)]
pub struct AttributionCues {
    pub reporting_verbs: HashSet<String>,
    pub statement_nouns: HashSet<String>,
    pub prefix_cues: Vec<String>,
    pub nested_cues: Vec<String>,
    pub source_descriptors: Vec<String>,
    pub unnamed_sources: HashSet<String>,
    pub org_anaphors: HashSet<String>,
    pub pronouns: HashSet<String>,
}

/// A kinship word: the gender it states and its inverse roles by the other person's gender.
#[derive(Debug, Clone)]
pub struct Kinship {
    pub gender: Option<Gender>,
    pub inverse: HashMap<Gender, String>,
}

/// Name particles, honorifics, kinship, person nouns and transliteration folds.
#[derive(Debug)]
pub struct Names {
    pub particles: HashSet<String>,
    pub honorifics: HashMap<String, Option<Gender>>,
    pub kinship: HashMap<String, Kinship>,
    pub person_nouns: HashMap<String, Option<Gender>>,
    pub folds: Vec<(String, String)>,
    pub skeleton_min_similarity: f64,
    pub token_min_similarity: f64,
}

impl Names {
    /// A name token lower-cased, accent-free and with the transliteration folds applied.
    pub fn fold(&self, token: &str) -> String {
        let mut s: String = fold_accents(token)
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        for (from, to) in &self.folds {
            if s.contains(from.as_str()) {
                s = s.replace(from.as_str(), to);
            }
        }
        s
    }

    /// The consonant key of a folded token: first letter, then consonants, doubles collapsed.
    pub fn skeleton(folded: &str) -> String {
        let mut out = String::new();
        for (i, c) in folded.chars().enumerate() {
            if i > 0 && "aeiou".contains(c) {
                continue;
            }
            if out.ends_with(c) {
                continue;
            }
            out.push(c);
        }
        out
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    /// `country`, `state`, `region` or `city`.
    pub kind: &'static str,
    pub country: Option<String>,
}

/// The gazetteer, indexed by normalised name and alias.
#[derive(Debug)]
pub struct Places {
    pub list: Vec<Place>,
    index: HashMap<String, usize>,
}

impl Places {
    pub fn lookup(&self, written: &str) -> Option<usize> {
        self.index.get(&place_key(written)).copied()
    }
}

/// A US place key: [`place_key`] with "St."/"Ft."/"Mt." written out.
fn us_key(s: &str) -> String {
    let k = place_key(s);
    for (short, long) in [
        ("st. ", "saint "),
        ("st ", "saint "),
        ("ft. ", "fort "),
        ("ft ", "fort "),
        ("mt. ", "mount "),
        ("mt ", "mount "),
    ] {
        if let Some(rest) = k.strip_prefix(short) {
            return format!("{long}{rest}");
        }
    }
    k
}

/// A place name normalised for lookup: accent-free, lower case, a leading article dropped.
pub fn place_key(s: &str) -> String {
    let k = fold_accents(s).to_lowercase().replace(['\'', '’'], "");
    let k = k.trim_start_matches("the ");
    let k = ["al-", "ar-", "as-", "el-", "al ", "ar "]
        .iter()
        .find_map(|p| k.strip_prefix(p))
        .unwrap_or(k);
    k.replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// US places of at least 1,000 people (GeoNames), by name: their states, most populous first.
#[derive(Debug, Default)]
pub struct UsPlaces {
    by_name: HashMap<String, Vec<(String, u32)>>,
    /// key -> the name as GeoNames writes it ("Saint Augustine")
    names: HashMap<String, String>,
}

impl UsPlaces {
    /// The states a place of this name is in, most populous first.
    pub fn states(&self, name: &str) -> &[(String, u32)] {
        self.by_name
            .get(&us_key(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn contains(&self, name: &str) -> bool {
        self.by_name.contains_key(&us_key(name))
    }

    /// The gazetteer's spelling of a place name ("St. Augustine" -> "Saint Augustine").
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.names.get(&us_key(name)).map(String::as_str)
    }

    fn parse(text: &str) -> Result<Self, KnowledgeError> {
        let mut by_name: HashMap<String, Vec<(String, u32)>> = HashMap::new();
        let mut names: HashMap<String, String> = HashMap::new();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut cols = line.split('\t');
            let (Some(name), Some(state), Some(pop)) = (cols.next(), cols.next(), cols.next())
            else {
                return Err(KnowledgeError::Invalid {
                    file: "us_places.tsv".into(),
                    reason: format!("line {}: expected name, state, population", n + 1),
                });
            };
            let pop = pop.trim().parse().unwrap_or(0);
            by_name
                .entry(us_key(name))
                .or_default()
                .push((state.to_string(), pop));
            names
                .entry(us_key(name))
                .or_insert_with(|| name.to_string());
        }
        for v in by_name.values_mut() {
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        Ok(UsPlaces { by_name, names })
    }
}

/// Casualty and arrest words, number words, weapons, charges.
#[derive(Debug)]
pub struct Events {
    /// (type, cue phrases)
    pub types: Vec<(String, Vec<String>)>,
    /// Type cues by their first word (lower case): (type index, the cue's words).
    pub type_cues: HashMap<String, Vec<(usize, Vec<String>)>>,
    /// (status, phrases), every phrase of every status sorted longest first
    pub status: Vec<(String, String)>,
    /// The same phrases split into words: (status, words), longest first.
    pub status_words: Vec<(String, Vec<String>)>,
    /// (role, nouns)
    pub roles: Vec<(String, Vec<String>)>,
    pub street_types: Vec<String>,
    /// Words after which a type cue is part of another name ("fire brigade").
    pub type_cue_blockers: Vec<String>,
    /// (attribute, cue words)
    pub counts: Vec<(String, Vec<String>)>,
    pub vague_numbers: Vec<(String, Quantity)>,
    pub number_words: HashMap<String, u32>,
    pub decades: HashMap<String, u32>,
    pub weapons: Vec<String>,
    pub charge_cues: Vec<String>,
}

/// Abbreviations, non-name capitalised words, stopwords.
#[derive(Debug)]
pub struct Language {
    pub abbreviations: HashSet<String>,
    pub not_names: HashSet<String>,
    pub org_words: HashSet<String>,
    pub place_nouns: HashSet<String>,
    pub stopwords: HashSet<String>,
}

impl Knowledge {
    /// The knowledge files compiled into the binary.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        Self::from_sources(|name| Ok(files::builtin(name).to_string()))
    }

    /// Knowledge files read from a directory holding the same file names as `data/`.
    pub fn from_dir(dir: &Path) -> Result<Self, KnowledgeError> {
        Self::from_sources(|name| {
            std::fs::read_to_string(dir.join(name)).map_err(|e| KnowledgeError::Invalid {
                file: dir.join(name).display().to_string(),
                reason: e.to_string(),
            })
        })
    }

    fn from_sources(
        read: impl Fn(&str) -> Result<String, KnowledgeError>,
    ) -> Result<Self, KnowledgeError> {
        let bp: files::BoilerplateFile = parse("boilerplate.toml", &read)?;
        let orgs: files::OrgsFile = parse("organisations.toml", &read)?;
        let attr: files::AttributionFile = parse("attribution.toml", &read)?;
        let names: files::NamesFile = parse("names.toml", &read)?;
        let places: files::PlacesFile = parse("places.toml", &read)?;
        let events: files::EventsFile = parse("events.toml", &read)?;
        let lang: files::LanguageFile = parse("language.toml", &read)?;
        Ok(Knowledge {
            boilerplate: build_boilerplate(bp)?,
            orgs: build_orgs(orgs),
            attribution: AttributionCues {
                reporting_verbs: attr.reporting_verbs.into_iter().collect(),
                statement_nouns: attr.statement_nouns.into_iter().collect(),
                prefix_cues: sorted_longest_first(attr.prefix_cues),
                nested_cues: sorted_longest_first(attr.nested_cues),
                source_descriptors: sorted_longest_first(attr.source_descriptors),
                unnamed_sources: attr.unnamed_sources.into_iter().collect(),
                org_anaphors: attr.org_anaphors.into_iter().collect(),
                pronouns: attr.pronouns.into_iter().collect(),
            },
            names: build_names(names)?,
            places: build_places(places),
            us_places: UsPlaces::parse(&read("us_places.tsv")?)?,
            events: build_events(events),
            language: Language {
                abbreviations: lang.abbreviations.into_iter().collect(),
                not_names: lang.not_names.into_iter().collect(),
                org_words: lang.org_words.into_iter().collect(),
                place_nouns: lang.place_nouns.into_iter().collect(),
                stopwords: lang.stopwords.into_iter().collect(),
            },
        })
    }
}

fn parse<T: serde::de::DeserializeOwned>(
    name: &str,
    read: &impl Fn(&str) -> Result<String, KnowledgeError>,
) -> Result<T, KnowledgeError> {
    let text = read(name)?;
    toml::from_str(&text).map_err(|e| KnowledgeError::Invalid {
        file: name.to_string(),
        reason: e.to_string(),
    })
}

fn sorted_longest_first(mut v: Vec<String>) -> Vec<String> {
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v
}

fn gender(s: &str) -> Option<Gender> {
    match s {
        "female" => Some(Gender::Female),
        "male" => Some(Gender::Male),
        _ => None,
    }
}

fn build_boilerplate(f: files::BoilerplateFile) -> Result<Boilerplate, KnowledgeError> {
    let mut classes = Vec::new();
    for (class, patterns) in f.classes {
        let mut compiled = Vec::new();
        for p in patterns {
            let re = RegexBuilder::new(&p)
                .case_insensitive(true)
                .build()
                .map_err(|e| KnowledgeError::Invalid {
                    file: "boilerplate.toml".into(),
                    reason: format!("class {class}: pattern {p:?}: {e}"),
                })?;
            compiled.push(re);
        }
        classes.push((class, compiled));
    }
    Ok(Boilerplate {
        classes,
        imperative_verbs: f.calls_to_action.imperative_verbs.into_iter().collect(),
        reader_words: f.calls_to_action.reader_words.into_iter().collect(),
        any_length_classes: f.calls_to_action.any_length_classes.into_iter().collect(),
        fragment_max_words: f.calls_to_action.fragment_max_words,
    })
}

fn build_orgs(f: files::OrgsFile) -> Orgs {
    let mut index = HashMap::new();
    let mut list = Vec::new();
    for (i, o) in f.org.into_iter().enumerate() {
        for (n, written) in std::iter::once(&o.name).chain(&o.aliases).enumerate() {
            // Acronyms ("IS", "AP") match only as written in capitals.
            if is_acronym(written) {
                index.entry(format!("={written}")).or_insert((i, false));
            } else {
                let needs_article = n > 0 && written.starts_with("the ");
                index.entry(org_key(written)).or_insert((i, needs_article));
            }
        }
        list.push(Org {
            name: o.name,
            class: o.class,
            aliases: o.aliases,
            domains: o.domains,
            based: o.based,
            descriptors: o.descriptors,
        });
    }
    Orgs { list, index }
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

fn build_names(f: files::NamesFile) -> Result<Names, KnowledgeError> {
    let kinship = f
        .kinship
        .into_iter()
        .map(|(word, k)| {
            let inverse = k
                .inverse
                .into_iter()
                .filter_map(|(g, role)| gender(&g).map(|g| (g, role)))
                .collect();
            (
                word,
                Kinship {
                    gender: gender(&k.gender),
                    inverse,
                },
            )
        })
        .collect();
    let mut folds = Vec::new();
    for pair in f.folds {
        if pair.len() != 2 {
            return Err(KnowledgeError::Invalid {
                file: "names.toml".into(),
                reason: format!("fold {pair:?} must be [from, to]"),
            });
        }
        folds.push((pair[0].clone(), pair[1].clone()));
    }
    Ok(Names {
        particles: f.particles.into_iter().collect(),
        honorifics: f
            .honorifics
            .into_iter()
            .map(|(k, v)| (k, gender(&v)))
            .collect(),
        kinship,
        person_nouns: f
            .person_nouns
            .into_iter()
            .map(|(k, v)| (k, gender(&v)))
            .collect(),
        folds,
        skeleton_min_similarity: f.skeleton_min_similarity,
        token_min_similarity: f.token_min_similarity,
    })
}

fn build_places(f: files::PlacesFile) -> Places {
    let mut list = Vec::new();
    let mut index = HashMap::new();
    let rows = f
        .countries
        .into_iter()
        .map(|r| (r, "country"))
        .chain(f.us_states.into_iter().map(|r| (r, "state")))
        .chain(f.regions.into_iter().map(|r| (r, "region")))
        .chain(f.cities.into_iter().map(|r| (r, "city")));
    for (row, kind) in rows {
        let [name, country, aliases] = row;
        let i = list.len();
        index.entry(place_key(&name)).or_insert(i);
        for a in aliases.split('|').filter(|a| !a.is_empty()) {
            index.entry(place_key(a)).or_insert(i);
        }
        list.push(Place {
            name,
            kind,
            country: if country.is_empty() {
                None
            } else {
                Some(country)
            },
        });
    }
    Places { list, index }
}

fn build_events(f: files::EventsFile) -> Events {
    let mut vague: Vec<(String, Quantity)> = f
        .vague_numbers
        .into_iter()
        .map(|(w, [lo, hi])| {
            let q = if hi == 0 {
                Quantity::at_least(lo)
            } else {
                Quantity::range(lo, hi)
            };
            (w, q)
        })
        .collect();
    vague.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut status: Vec<(String, String)> = f
        .status
        .into_iter()
        .flat_map(|(s, phrases)| phrases.into_iter().map(move |p| (s.clone(), p)))
        .collect();
    status.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.1.cmp(&b.1)));
    let types: Vec<(String, Vec<String>)> = f.types.into_iter().collect();
    let mut type_cues: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
    for (i, (_, cues)) in types.iter().enumerate() {
        for c in cues {
            let words: Vec<String> = c.split(' ').map(str::to_lowercase).collect();
            type_cues
                .entry(words[0].clone())
                .or_default()
                .push((i, words));
        }
    }
    let status_words = status
        .iter()
        .map(|(s, p)| (s.clone(), p.split(' ').map(str::to_string).collect()))
        .collect();
    Events {
        types,
        type_cues,
        status_words,
        status,
        roles: f.roles.into_iter().collect(),
        street_types: f.street_types,
        type_cue_blockers: f.type_cue_blockers,
        counts: f.counts.into_iter().collect(),
        vague_numbers: vague,
        number_words: f.number_words.into_iter().collect(),
        decades: f.decades.into_iter().collect(),
        weapons: sorted_longest_first(f.weapons),
        charge_cues: sorted_longest_first(f.charge_cues),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_knowledge_parses() {
        let k = Knowledge::builtin().expect("builtin knowledge parses");
        assert!(k.orgs.list.len() > 50);
        assert!(k.boilerplate.classes.iter().any(|(c, _)| c == "newsletter"));
        assert!(k.places.lookup("Al-Raqqah").is_some());
        assert_eq!(k.us_places.states("Rocky Mount")[0].0, "North Carolina");
        assert!(k.us_places.states("Springfield").len() > 3);
        assert_eq!(
            k.us_places.canonical("St. Augustine"),
            Some("Saint Augustine")
        );
    }

    #[test]
    fn org_lookup_respects_article_rule_and_spelling_variants() {
        let k = Knowledge::builtin().unwrap();
        let sohr = k
            .orgs
            .lookup("Syrian Observatory for Human Rights", false)
            .unwrap();
        assert_eq!(
            k.orgs.lookup("Syrian Observatory of Human Rights", false),
            Some(sohr)
        );
        assert_eq!(k.orgs.lookup("Observatory", true), Some(sohr));
        assert_eq!(k.orgs.lookup("Observatory", false), None);
        assert_eq!(k.orgs.by_domain("www.syriahr.com"), Some(sohr));
        assert_eq!(k.orgs.lookup("SOHR", false), Some(sohr));
        assert!(k.orgs.lookup("IS", false).is_some());
        assert_eq!(k.orgs.lookup("Is", false), None);
    }

    #[test]
    fn folds_merge_transliterations() {
        let k = Knowledge::builtin().unwrap();
        let n = &k.names;
        assert_eq!(
            Names::skeleton(&n.fold("Leena")),
            Names::skeleton(&n.fold("Lena"))
        );
        assert_eq!(
            Names::skeleton(&n.fold("Hassani")),
            Names::skeleton(&n.fold("Hussan"))
        );
        assert_ne!(
            Names::skeleton(&n.fold("Ali")),
            Names::skeleton(&n.fold("Lena"))
        );
    }
}
