//! Entity resolution within a story: one entity per person, organisation or place,
//! whatever the spelling.
//!
//! - Organisations and places merge by their canonical name from the knowledge files
//!   (so "SOHR", "SyriaHR", "the Observatory" and "the UK-based conflict monitor" are one),
//!   else by normalised name.
//! - People: each report's mentions are first joined by the links the annotator made
//!   ("al-Qasem" -> "Ali Saqr al-Qasem"). Across reports, two full names are one person
//!   when their first names match and every word of the shorter matches, in order, a
//!   word of the longer; words match when equal after transliteration folding
//!   (`names.toml`), or close by Jaro-Winkler (`strsim`) with the same consonant key
//!   ("Leena"/"Lena", "Hassani"/"Hussan"). A lone first name, surname or initials ("L. Q")
//!   joins the one person it can stand for, and stays apart when there are several.
//!   Conflicting genders never merge.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use corroborate_knowledge::{org_key, place_key, Knowledge, Names};
use corroborate_model::{AnnotatedReport, Entity, Evidence, Gender, MentionKind};

/// The entities of a story and which mention belongs to which.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    /// (report position in the story, mention index) -> entity index.
    pub of_mention: HashMap<(usize, usize), usize>,
}

impl Resolution {
    /// The entity a mention belongs to.
    pub fn entity(&self, report: usize, mention: usize) -> Option<usize> {
        self.of_mention.get(&(report, mention)).copied()
    }

    /// People mentioned in one report: (entity index, number of mentions), most mentioned first.
    pub fn people_in(&self, report: usize) -> Vec<(usize, usize)> {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for (&(r, _), &e) in &self.of_mention {
            if r == report && self.entities[e].kind == MentionKind::Person {
                *counts.entry(e).or_default() += 1;
            }
        }
        let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

fn root_of(r: &AnnotatedReport, mut i: usize) -> usize {
    for _ in 0..16 {
        match r.mentions[i].refers_to {
            Some(t) => i = t,
            None => break,
        }
    }
    i
}

/// A person as one report knows them.
struct Local {
    report: usize,
    mentions: Vec<usize>,
    /// Folded name words of the fullest mention.
    words: Vec<String>,
    /// Initials of the fullest mention (particles dropped).
    initials: Vec<char>,
    is_initials: bool,
    gender: Option<Gender>,
}

fn name_words(text: &str, k: &Knowledge) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| match w.split_once('-') {
            Some((p, rest)) if k.names.particles.contains(&p.to_lowercase()) => rest.to_string(),
            _ => w.to_string(),
        })
        .filter(|w| !k.names.particles.contains(&w.to_lowercase()))
        .collect()
}

fn words_match(a: &str, b: &str, names: &Names) -> bool {
    if a == b {
        return true;
    }
    let jw = strsim::jaro_winkler(a, b);
    jw >= names.token_min_similarity
        || (a.len() >= 3
            && b.len() >= 3
            && Names::skeleton(a) == Names::skeleton(b)
            && jw >= names.skeleton_min_similarity)
}

fn full_names_match(a: &[String], b: &[String], names: &Names) -> bool {
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if s.is_empty() || !words_match(&s[0], &l[0], names) {
        return false;
    }
    let mut j = 1;
    for w in &s[1..] {
        match (j..l.len()).find(|&x| words_match(w, &l[x], names)) {
            Some(x) => j = x + 1,
            None => return false,
        }
    }
    true
}

fn majority(genders: impl Iterator<Item = Gender>) -> Option<Gender> {
    let (mut f, mut m) = (0, 0);
    for g in genders {
        match g {
            Gender::Female => f += 1,
            Gender::Male => m += 1,
        }
    }
    match f.cmp(&m) {
        std::cmp::Ordering::Greater => Some(Gender::Female),
        std::cmp::Ordering::Less => Some(Gender::Male),
        std::cmp::Ordering::Equal => None,
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi] = lo;
        }
    }
}

/// Resolves the entities of a story.
pub fn resolve(reports: &[&AnnotatedReport], k: &Knowledge) -> Resolution {
    // Each group of mentions that will become one entity, keyed for ordering.
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut keyed: BTreeMap<(u8, String), usize> = BTreeMap::new();
    let mut locals: Vec<Local> = Vec::new();
    let mut local_of: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (ri, r) in reports.iter().enumerate() {
        for (mi, m) in r.mentions.iter().enumerate() {
            match m.kind {
                MentionKind::Org | MentionKind::Place => {
                    let key = match (&m.canonical, m.kind) {
                        (Some(c), _) => c.to_lowercase(),
                        (None, MentionKind::Org) => org_key(&m.text),
                        _ => place_key(&m.text),
                    };
                    let kind = if m.kind == MentionKind::Org { 1 } else { 2 };
                    let g = *keyed.entry((kind, key)).or_insert_with(|| {
                        groups.push(Vec::new());
                        groups.len() - 1
                    });
                    groups[g].push((ri, mi));
                }
                MentionKind::Person => {
                    let root = root_of(r, mi);
                    let li = *local_of.entry((ri, root)).or_insert_with(|| {
                        locals.push(Local {
                            report: ri,
                            mentions: vec![],
                            words: vec![],
                            initials: vec![],
                            is_initials: false,
                            gender: None,
                        });
                        locals.len() - 1
                    });
                    locals[li].mentions.push(mi);
                }
            }
        }
    }
    for l in &mut locals {
        let r = reports[l.report];
        let fullest = l
            .mentions
            .iter()
            .map(|&mi| name_words(&r.mentions[mi].text, k))
            .max_by_key(|w| w.len())
            .unwrap_or_default();
        l.is_initials = fullest.iter().all(|w| w.chars().count() == 1);
        l.initials = fullest
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect();
        l.words = fullest.iter().map(|w| k.names.fold(w)).collect();
        l.gender = majority(l.mentions.iter().filter_map(|&mi| r.mentions[mi].gender));
    }
    // Merge full names across reports.
    let mut uf = UnionFind((0..locals.len()).collect());
    for a in 0..locals.len() {
        for b in a + 1..locals.len() {
            let (la, lb) = (&locals[a], &locals[b]);
            if la.words.len() >= 2 && lb.words.len() >= 2 && !la.is_initials && !lb.is_initials {
                let conflict = matches!((la.gender, lb.gender), (Some(x), Some(y)) if x != y);
                if !conflict && full_names_match(&la.words, &lb.words, &k.names) {
                    uf.union(a, b);
                }
            }
        }
    }
    // Lone names and initials join the one person they can stand for.
    let cluster_gender = |uf: &mut UnionFind, root: usize, locals: &[Local]| {
        majority(
            (0..locals.len())
                .filter(|&i| uf.find(i) == root)
                .filter_map(|i| locals[i].gender),
        )
    };
    for a in 0..locals.len() {
        let la = &locals[a];
        if la.words.len() >= 2 && !la.is_initials {
            continue;
        }
        let mut candidates = BTreeSet::new();
        for (b, lb) in locals.iter().enumerate() {
            if lb.words.len() < 2 || lb.is_initials {
                continue;
            }
            let fits = if la.is_initials {
                la.initials.len() >= 2 && lb.initials == la.initials
            } else {
                la.words
                    .iter()
                    .all(|w| lb.words.iter().any(|x| words_match(w, x, &k.names)))
            };
            if fits {
                candidates.insert(uf.find(b));
            }
        }
        let candidates: Vec<usize> = candidates
            .into_iter()
            .filter(|&c| {
                let g = cluster_gender(&mut uf, c, &locals);
                !matches!((la.gender, g), (Some(x), Some(y)) if x != y)
            })
            .collect();
        if let [only] = candidates[..] {
            uf.union(a, only);
        }
    }
    // Remaining lone names merge with equal lone names.
    for a in 0..locals.len() {
        for b in a + 1..locals.len() {
            let (la, lb) = (&locals[a], &locals[b]);
            if la.words.len() == 1
                && lb.words.len() == 1
                && uf.find(a) == a
                && uf.find(b) == b
                && words_match(&la.words[0], &lb.words[0], &k.names)
            {
                uf.union(a, b);
            }
        }
    }
    let mut person_groups: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, l) in locals.iter().enumerate() {
        let root = uf.find(i);
        for &mi in &l.mentions {
            person_groups.entry(root).or_default().push((l.report, mi));
        }
    }
    groups.extend(person_groups.into_values());
    build(groups, reports)
}

fn build(groups: Vec<Vec<(usize, usize)>>, reports: &[&AnnotatedReport]) -> Resolution {
    let mut entities: Vec<(Entity, Vec<(usize, usize)>)> = groups
        .into_iter()
        .map(|members| {
            let first = &reports[members[0].0].mentions[members[0].1];
            let kind = first.kind;
            let mut variants: BTreeSet<String> = BTreeSet::new();
            let mut report_ids: BTreeSet<String> = BTreeSet::new();
            let mut kin: BTreeSet<String> = BTreeSet::new();
            let mut by_name: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
            let mut mentions = Vec::new();
            for &(ri, mi) in &members {
                let r = reports[ri];
                let m = &r.mentions[mi];
                variants.insert(m.text.clone());
                report_ids.insert(r.report.id.clone());
                if let Some(kr) = &m.kin {
                    kin.insert(kr.clone());
                }
                by_name.entry(m.text.clone()).or_default().insert(ri);
                mentions.push(Evidence {
                    report: r.report.id.clone(),
                    sentence: m.sentence,
                    span: m.span,
                });
            }
            mentions.sort();
            let name = first.canonical.clone().unwrap_or_else(|| {
                // The fullest name, written by the most reports.
                by_name
                    .iter()
                    .max_by(|a, b| {
                        let wa = a.0.split_whitespace().count();
                        let wb = b.0.split_whitespace().count();
                        wa.cmp(&wb)
                            .then(a.1.len().cmp(&b.1.len()))
                            .then(b.0.cmp(a.0))
                    })
                    .map(|(n, _)| n.clone())
                    .unwrap_or_default()
            });
            let gender = majority(
                members
                    .iter()
                    .filter_map(|&(ri, mi)| reports[ri].mentions[mi].gender),
            );
            let class = first.class.clone();
            let e = Entity {
                id: String::new(),
                kind,
                name,
                variants: variants.into_iter().collect(),
                reports: report_ids.into_iter().collect(),
                gender: if kind == MentionKind::Person {
                    gender
                } else {
                    None
                },
                kin: kin.into_iter().collect(),
                class,
                mentions,
            };
            (e, members)
        })
        .collect();
    entities.sort_by(|a, b| {
        b.0.reports
            .len()
            .cmp(&a.0.reports.len())
            .then(b.0.mentions.len().cmp(&a.0.mentions.len()))
            .then(a.0.kind.cmp(&b.0.kind))
            .then(a.0.name.cmp(&b.0.name))
    });
    let mut of_mention = HashMap::new();
    let mut out = Vec::with_capacity(entities.len());
    for (i, (mut e, members)) in entities.into_iter().enumerate() {
        e.id = format!("E{}", i + 1);
        for m in members {
            of_mention.insert(m, i);
        }
        out.push(e);
    }
    Resolution {
        entities: out,
        of_mention,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_match_across_spellings_but_not_across_people() {
        let k = Knowledge::builtin().unwrap();
        let w = |s: &str| {
            name_words(s, &k)
                .iter()
                .map(|x| k.names.fold(x))
                .collect::<Vec<_>>()
        };
        assert!(full_names_match(
            &w("Leena al-Qasem"),
            &w("Lena al-Qasem"),
            &k.names
        ));
        assert!(full_names_match(
            &w("Ruqia Hassani"),
            &w("Ruqia Hussan"),
            &k.names
        ));
        assert!(full_names_match(
            &w("Ali Saqr"),
            &w("Ali Saqr el-Qasem"),
            &k.names
        ));
        assert!(!full_names_match(
            &w("Lena al-Qasem"),
            &w("Ali Saqr al-Qasem"),
            &k.names
        ));
        assert!(!full_names_match(
            &w("Abu Mohammed al-Adnani"),
            &w("Abu Bakr al-Baghdadi"),
            &k.names
        ));
    }
}
