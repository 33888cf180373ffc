//! Ages of people: "Ali, 21", "20-year-old Ali", "her 20-year-old son", "a woman in her
//! forties", "Ali (21)", "Ali, aged 21".
//!
//! The subject of an age is the named mention it stands beside, a kinship reference
//! ("her son": the person who is someone's son), or a generic noun ("the woman"); a generic
//! noun followed by "his/her (own) KIN" becomes the kinship inverse ("a militant ... his own
//! mother": the son).

use corroborate_knowledge::Knowledge;
use corroborate_model::{Claim, ClaimValue, Gender, Mention, MentionKind, Quantity, Span, Subject};

use crate::people::token_at;
use crate::tokens::Token;

fn years_old(t: &Token) -> Option<u32> {
    let l = t.lower();
    let head = l
        .strip_suffix("-year-old")
        .or_else(|| l.strip_suffix("-years-old"))?;
    head.parse().ok().filter(|n| (1..=120).contains(n))
}

fn age_number(t: &Token) -> Option<u32> {
    t.text.parse::<u32>().ok().filter(|n| (1..=120).contains(n))
}

/// Decades: "forties", "40s".
fn decade(t: &Token, k: &Knowledge) -> Option<u32> {
    let l = t.lower();
    if let Some(&d) = k.events.decades.get(&l) {
        return Some(d);
    }
    let n: u32 = l.strip_suffix('s')?.parse().ok()?;
    (n.is_multiple_of(10) && (10..=110).contains(&n)).then_some(n)
}

fn gender_of_pronoun(t: &Token) -> Option<Gender> {
    match t.lower().as_str() {
        "his" | "he" => Some(Gender::Male),
        "her" | "she" => Some(Gender::Female),
        _ => None,
    }
}

/// A generic person noun at `i` ("the woman"), and the subject it makes, looking ahead for
/// "his/her (own) KIN" until `limit`.
fn descriptor_subject(toks: &[Token], i: usize, limit: usize, k: &Knowledge) -> Option<Subject> {
    let noun = toks.get(i)?.lower();
    let noun_singular = noun
        .strip_suffix('s')
        .filter(|_| !k.names.person_nouns.contains_key(&noun))
        .unwrap_or(&noun);
    let gender = *k.names.person_nouns.get(noun_singular)?;
    if let Some(kin) = kin_after(toks, i + 1, limit, k) {
        return Some(Subject::Kin(kin));
    }
    Some(Subject::Descriptor {
        noun: noun_singular.to_string(),
        gender,
    })
}

/// "his (own) mother" after position `from`: the inverse role for the pronoun's gender.
fn kin_after(toks: &[Token], from: usize, limit: usize, k: &Knowledge) -> Option<String> {
    for i in from..limit.min(toks.len()).saturating_sub(1) {
        if let Some(g) = gender_of_pronoun(&toks[i]) {
            let j = if toks[i + 1].is("own") { i + 2 } else { i + 1 };
            let kin = toks.get(j).and_then(|t| k.names.kinship.get(&t.lower()))?;
            return kin.inverse.get(&g).cloned();
        }
    }
    None
}

/// Age claims in one sentence. `mentions` are the report's mentions (indices are theirs).
pub fn find(s: usize, toks: &[Token], mentions: &[Mention], k: &Knowledge, out: &mut Vec<Claim>) {
    let people: Vec<(usize, usize, usize)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.sentence == s && m.kind == MentionKind::Person)
        .filter_map(|(mi, m)| {
            let a = token_at(toks, m.span.start)?;
            let b = toks
                .iter()
                .position(|t| t.span.start >= m.span.end)
                .unwrap_or(toks.len());
            Some((mi, a, b))
        })
        .collect();
    let claim = |subject: Subject, q: Quantity, span: Span| Claim {
        subject,
        attribute: "age".into(),
        value: ClaimValue::Quantity(q),
        span,
        sentence: s,
    };
    // Appositions after a name: "Ali, 21," "Ali (21)" "Ali, aged 21".
    for &(mi, _, b) in &people {
        let t = |n: usize| toks.get(b + n);
        let comma = t(0).is_some_and(|x| x.text == ",");
        let paren = t(0).is_some_and(|x| x.text == "(");
        let (num_at, ok_after): (usize, &[&str]) = if comma && t(1).is_some_and(|x| x.is("aged")) {
            (b + 2, &[",", ".", ")", "and", "who", "of", "was", "is"])
        } else if comma {
            (b + 1, &[",", ".", ")", "and", "who", "of"])
        } else if paren {
            (b + 1, &[")"])
        } else {
            continue;
        };
        if let Some(n) = toks.get(num_at).and_then(age_number) {
            if toks
                .get(num_at + 1)
                .is_none_or(|x| ok_after.contains(&x.text))
            {
                out.push(claim(
                    Subject::Mention(mi),
                    Quantity::exact(n),
                    toks[num_at].span,
                ));
            }
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if let Some(n) = years_old(t) {
            // A name within the next four tokens, with no punctuation between.
            let next_name = people
                .iter()
                .find(|&&(_, a, _)| a > i && a <= i + 4 && toks[i + 1..a].iter().all(|x| x.is_word))
                .map(|&(mi, _, _)| mi);
            let possessive = i > 0 && gender_of_pronoun(&toks[i - 1]).is_some();
            let kin_next = toks
                .get(i + 1)
                .filter(|x| k.names.kinship.contains_key(&x.lower()));
            let subject = if let Some(mi) = next_name {
                Some(Subject::Mention(mi))
            } else if let (true, Some(kin)) = (possessive, kin_next) {
                Some(Subject::Kin(kin.lower()))
            } else {
                (i + 1..(i + 4).min(toks.len()))
                    .take_while(|&j| toks[j].is_word)
                    .find_map(|j| descriptor_subject(toks, j, toks.len(), k))
                    .or_else(|| {
                        // "Smith, a 20-year-old ..." refers back to the name.
                        let before_a = i >= 2 && toks[i - 1].is("a") && toks[i - 2].text == ",";
                        people
                            .iter()
                            .rev()
                            .find(|&&(_, _, b)| before_a && b == i - 2)
                            .map(|&(mi, _, _)| Subject::Mention(mi))
                    })
            };
            if let Some(subject) = subject {
                out.push(claim(subject, Quantity::exact(n), t.span));
            }
        }
        // "in her forties", "in his early 40s".
        if t.is("in")
            && toks
                .get(i + 1)
                .is_some_and(|x| gender_of_pronoun(x).is_some())
        {
            let mut j = i + 2;
            if toks
                .get(j)
                .is_some_and(|x| x.is("early") || x.is("mid") || x.is("late"))
            {
                j += 1;
            }
            let Some(d) = toks.get(j).and_then(|x| decade(x, k)) else {
                continue;
            };
            let g = gender_of_pronoun(&toks[i + 1]);
            let q = Quantity::range(d, d + 9);
            let span = Span::new(t.span.start, toks[j].span.end);
            // The nearest person before: a name of compatible gender, or a generic noun.
            let name = people
                .iter()
                .rev()
                .find(|&&(mi, _, b)| b <= i && mentions[mi].gender.is_none_or(|mg| Some(mg) == g))
                .map(|&(mi, _, b)| (b, Subject::Mention(mi)));
            let noun = (0..i)
                .rev()
                .find_map(|p| descriptor_subject(toks, p, p + 1, k).map(|s| (p + 1, s)))
                .filter(|(_, s)| !matches!(s, Subject::Descriptor { gender: Some(dg), .. } if Some(*dg) != g));
            let pick = match (name, noun) {
                (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
                (a, b) => a.or(b).map(|x| x.1),
            };
            if let Some(subject) = pick {
                out.push(claim(subject, q, span));
            }
        }
    }
}
