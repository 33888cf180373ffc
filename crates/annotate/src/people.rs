//! People within one report: gender and kinship cues, and linking short references
//! ("al-Qasem", "Ms al-Qasem", "Lena", "L. Q") to the fuller name they stand for.
//!
//! Cues, in order of strength:
//! - a kinship word before the name: "his mother Lena" (kin `mother`, female);
//! - the name as subject of a clause with "his/her (own) KIN" after it:
//!   "Leena pleaded with her son" (female; kin `mother`, the inverse of `son` for a woman);
//! - the first third-person pronoun after the name in its sentence, with no other person between.
//!
//! A short reference links to the nearest earlier (else the first later) fuller name whose
//! words contain its words, or whose initials it is, and whose gender does not conflict.
//! Single capitalised words that link to nothing and have no person cue are dropped.

use corroborate_knowledge::Knowledge;
use corroborate_model::{Gender, Mention, MentionKind};

use crate::mentions::Candidate;
use crate::tokens::Token;

const POSSESSIVES: [&str; 5] = ["his", "her", "their", "its", "'s"];

/// Index of the token starting at byte `offset`.
pub fn token_at(toks: &[Token], offset: usize) -> Option<usize> {
    toks.iter().position(|t| t.span.start == offset)
}

/// Index of the first token after byte `offset`.
fn token_after(toks: &[Token], offset: usize) -> usize {
    toks.iter()
        .position(|t| t.span.start >= offset)
        .unwrap_or(toks.len())
}

fn pronoun_gender(t: &str) -> Option<Gender> {
    match t.to_lowercase().as_str() {
        "he" | "his" | "him" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Applies gender and kinship cues to person candidates.
pub fn apply_cues(cands: &mut [Candidate], tokens: &[Vec<Token>], k: &Knowledge) {
    let starts: Vec<(usize, usize, MentionKind)> = cands
        .iter()
        .map(|c| (c.mention.sentence, c.mention.span.start, c.mention.kind))
        .collect();
    for (ci, cand) in cands.iter_mut().enumerate() {
        if cand.mention.kind != MentionKind::Person {
            continue;
        }
        let s = cand.mention.sentence;
        let toks = &tokens[s];
        let Some(a) = token_at(toks, cand.mention.span.start) else {
            continue;
        };
        let b = token_after(toks, cand.mention.span.end);
        let m = &mut cand.mention;
        // (a) a kinship word before the name.
        let mut p = a;
        let comma = p > 0 && toks[p - 1].text == ",";
        if comma {
            p -= 1;
        }
        // "her son, Ali, said": an apposition closes after the name; "his mother, Ali can" is a new clause.
        let closes = toks
            .get(b)
            .is_none_or(|t| [",", ".", ")", ";"].contains(&t.text));
        if p > 0 && (!comma || closes) {
            let word = toks[p - 1].lower();
            if let Some(kin) = k.names.kinship.get(&word) {
                if m.gender.is_none() {
                    m.gender = kin.gender;
                }
                let own = p >= 2 && toks[p - 2].is("own");
                let poss_at = if own {
                    p.checked_sub(3)
                } else {
                    p.checked_sub(2)
                };
                let possessed =
                    poss_at.is_some_and(|i| POSSESSIVES.contains(&toks[i].lower().as_str()));
                if possessed {
                    m.kin = Some(word);
                }
            }
        }
        // Other people in the same sentence, by token index.
        let others: Vec<usize> = starts
            .iter()
            .enumerate()
            .filter(|&(j, &(sj, _, kind))| j != ci && sj == s && kind == MentionKind::Person)
            .filter_map(|(_, &(_, off, _))| token_at(toks, off))
            .collect();
        let first_person = !others.iter().any(|&o| o < a);
        let next_other = others
            .iter()
            .copied()
            .filter(|&o| o > a)
            .min()
            .unwrap_or(toks.len());
        // (b) subject of "his/her (own) KIN".
        if first_person && m.kin.is_none() {
            let mut i = b;
            while i + 1 < next_other.min(toks.len()) {
                if let Some(g) = pronoun_gender(toks[i].text).filter(|_| toks[i].lower() != "him") {
                    let j = if toks[i + 1].is("own") { i + 2 } else { i + 1 };
                    if let Some(kin) = toks.get(j).and_then(|t| k.names.kinship.get(&t.lower())) {
                        if let Some(role) = kin.inverse.get(&g) {
                            m.kin = Some(role.clone());
                            if m.gender.is_none() {
                                m.gender = Some(g);
                            }
                        }
                        break;
                    }
                }
                i += 1;
            }
        }
        // (c) the first subject or possessive pronoun after the name ("her" may be an object).
        if m.gender.is_none() {
            m.gender = toks[b.min(toks.len())..next_other.min(toks.len())]
                .iter()
                .filter(|t| !t.is("her") && !t.is("him"))
                .find_map(|t| pronoun_gender(t.text));
        }
    }
}

fn key_words(c: &Candidate, k: &Knowledge) -> Vec<String> {
    c.words
        .iter()
        .map(|w| match w.split_once('-') {
            Some((p, rest)) if k.names.particles.contains(&p.to_lowercase()) => rest.to_string(),
            _ => w.clone(),
        })
        .filter(|w| !k.names.particles.contains(&w.to_lowercase()))
        .map(|w| k.names.fold(&w))
        .collect()
}

fn is_initials(c: &Candidate) -> bool {
    c.words.iter().all(|w| w.chars().count() == 1)
}

/// Whether short reference `s` can stand for fuller name `f`.
fn stands_for(s: &[String], s_initials: bool, f: &[String]) -> bool {
    if s.len() >= f.len() {
        return false;
    }
    if s_initials {
        let initials: Vec<String> = f
            .iter()
            .filter_map(|w| w.chars().next())
            .map(|c| c.to_string())
            .collect();
        let mine: Vec<String> = s.iter().map(|w| w.to_lowercase()).collect();
        return initials == mine
            || (initials.len() > mine.len()
                && initials[initials.len() - mine.len()..] == mine[..]
                && mine.len() >= 2);
    }
    let mut it = f.iter();
    s.iter().all(|w| it.any(|x| x == w))
}

/// Links short references, drops unlinked provisional candidates, returns the mentions.
pub fn link(mut cands: Vec<Candidate>, k: &Knowledge) -> Vec<Mention> {
    let keys: Vec<Vec<String>> = cands.iter().map(|c| key_words(c, k)).collect();
    let mut target: Vec<Option<usize>> = vec![None; cands.len()];
    for i in 0..cands.len() {
        if cands[i].mention.kind != MentionKind::Person {
            continue;
        }
        let init = is_initials(&cands[i]);
        let g = cands[i].mention.gender;
        let fits = |j: usize| {
            j != i
                && cands[j].mention.kind == MentionKind::Person
                && !cands[j].provisional
                && stands_for(&keys[i], init, &keys[j])
                && !matches!((g, cands[j].mention.gender), (Some(x), Some(y)) if x != y)
        };
        let before = (0..i).rev().find(|&j| fits(j));
        let after = || (i + 1..cands.len()).find(|&j| fits(j));
        target[i] = before.or_else(after);
    }
    // Keep linked and non-provisional candidates; map indices.
    let keep: Vec<bool> = cands
        .iter()
        .zip(&target)
        .map(|(c, t)| !c.provisional || t.is_some())
        .collect();
    let mut new_index = vec![usize::MAX; cands.len()];
    let mut n = 0;
    for (i, &kept) in keep.iter().enumerate() {
        if kept {
            new_index[i] = n;
            n += 1;
        }
    }
    let mut out = Vec::with_capacity(n);
    for (i, c) in cands.drain(..).enumerate() {
        if !keep[i] {
            continue;
        }
        let mut m = c.mention;
        m.refers_to = target[i].map(|t| new_index[t]);
        out.push(m);
    }
    out
}
