//! Bag-of-words vectors for comparing reports and sentences: lower-cased, stopwords
//! dropped, Snowball-stemmed (`rust-stemmers`), weighted by TF-IDF, L2-normalised.

use std::collections::{BTreeMap, HashMap};

use corroborate_knowledge::Knowledge;
use rust_stemmers::{Algorithm, Stemmer};

/// A sparse, normalised vector over stems.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector {
    pub weights: Vec<(u32, f32)>,
}

impl TermVector {
    /// Cosine similarity of two normalised vectors (both sorted by term id).
    pub fn cosine(&self, other: &TermVector) -> f32 {
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.weights.len() && j < other.weights.len() {
            let (a, wa) = self.weights[i];
            let (b, wb) = other.weights[j];
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += wa * wb;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }

    /// Adds `other` scaled by `w` (for centroids), keeping terms sorted.
    pub fn add_scaled(&mut self, other: &TermVector, w: f32) {
        let mut merged: BTreeMap<u32, f32> = self.weights.iter().copied().collect();
        for &(t, x) in &other.weights {
            *merged.entry(t).or_default() += x * w;
        }
        self.weights = merged.into_iter().collect();
    }

    pub fn normalise(&mut self) {
        let norm: f32 = self.weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut self.weights {
                *w /= norm;
            }
        }
    }
}

/// Turns texts into term vectors; holds the vocabulary and document frequencies.
pub struct Vectoriser<'k> {
    k: &'k Knowledge,
    stemmer: Stemmer,
    vocab: HashMap<String, u32>,
    df: Vec<u32>,
    docs: u32,
}

impl<'k> Vectoriser<'k> {
    pub fn new(k: &'k Knowledge) -> Self {
        Vectoriser {
            k,
            stemmer: Stemmer::create(Algorithm::English),
            vocab: HashMap::new(),
            df: Vec::new(),
            docs: 0,
        }
    }

    /// Stemmed content terms of a text, with counts.
    pub fn terms(&mut self, text: &str) -> BTreeMap<u32, f32> {
        let mut counts: BTreeMap<u32, f32> = BTreeMap::new();
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if w.len() < 3 || w.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let lower = w.to_lowercase();
            if self.k.language.stopwords.contains(&lower) {
                continue;
            }
            let stem = self.stemmer.stem(&lower).to_string();
            let next = self.vocab.len() as u32;
            let id = *self.vocab.entry(stem).or_insert(next);
            if id as usize >= self.df.len() {
                self.df.push(0);
            }
            *counts.entry(id).or_default() += 1.0;
        }
        counts
    }

    /// The stems of counted terms, for storing them.
    pub fn stems(&self, counts: &BTreeMap<u32, f32>) -> BTreeMap<String, f32> {
        let mut names: Vec<Option<&str>> = vec![None; self.vocab.len()];
        for (stem, &id) in &self.vocab {
            names[id as usize] = Some(stem);
        }
        counts
            .iter()
            .filter_map(|(&id, &c)| {
                names
                    .get(id as usize)
                    .copied()
                    .flatten()
                    .map(|s| (s.to_string(), c))
            })
            .collect()
    }

    /// Counted terms from stored stems (interning any new ones).
    pub fn intern(&mut self, stems: &BTreeMap<String, f32>) -> BTreeMap<u32, f32> {
        let mut out = BTreeMap::new();
        for (stem, &c) in stems {
            let next = self.vocab.len() as u32;
            let id = *self.vocab.entry(stem.clone()).or_insert(next);
            if id as usize >= self.df.len() {
                self.df.push(0);
            }
            out.insert(id, c);
        }
        out
    }

    /// Records a document's terms in the document frequencies.
    pub fn observe(&mut self, terms: &BTreeMap<u32, f32>) {
        self.docs += 1;
        for &t in terms.keys() {
            self.df[t as usize] += 1;
        }
    }

    /// The TF-IDF vector of counted terms (sublinear tf, smoothed idf), normalised.
    pub fn weigh(&self, terms: &BTreeMap<u32, f32>) -> TermVector {
        let n = self.docs.max(1) as f32;
        let mut v = TermVector {
            weights: terms
                .iter()
                .map(|(&t, &c)| {
                    let df = self.df.get(t as usize).copied().unwrap_or(0) as f32;
                    let idf = ((1.0 + n) / (1.0 + df)).ln() + 1.0;
                    (t, (1.0 + c.ln()) * idf)
                })
                .collect(),
        };
        v.normalise();
        v
    }
}
