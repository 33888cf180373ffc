//! PolNeAR (dev and test): attributions annotated as source, cue and content spans (brat
//! standoff, character offsets into each text). corroborate's attributions are compared on
//! their source and cue spans: exactly (same start and end) and by overlap. A text with two
//! annotators is scored against the first annotation file in name order. Each `via`
//! intermediary counts as a predicted source too (it is the source of its own credit).

use std::collections::BTreeMap;
use std::path::Path;

use corroborate_annotate::annotate;
use corroborate_knowledge::Knowledge;
use corroborate_model::{Report, Span};

/// Spans of one text: (sources, cues), character offsets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spans {
    pub sources: Vec<(usize, usize)>,
    pub cues: Vec<(usize, usize)>,
}

/// Gold spans from a brat `.ann` file (fragments "a b;c d" become their hull).
pub fn parse_ann(text: &str) -> Spans {
    let mut out = Spans::default();
    for line in text.lines() {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(def)) = (cols.next(), cols.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let mut parts = def.splitn(2, ' ');
        let kind = parts.next().unwrap_or("");
        let offsets: Vec<usize> = parts
            .next()
            .unwrap_or("")
            .split([' ', ';'])
            .filter_map(|x| x.parse().ok())
            .collect();
        let (Some(&start), Some(&end)) = (offsets.iter().min(), offsets.iter().max()) else {
            continue;
        };
        match kind {
            "Source" => out.sources.push((start, end)),
            "Cue" => out.cues.push((start, end)),
            _ => {}
        }
    }
    out
}

/// corroborate's spans for a text, in character offsets.
pub fn predict(text: &str, k: &Knowledge) -> Spans {
    let report = Report {
        id: "t".into(),
        path: String::new(),
        title: text.lines().next().unwrap_or("").to_string(),
        outlet: None,
        outlet_source: None,
        published: None,
        url: None,
        text: text.to_string(),
        removed: Vec::new(),
        meta: Default::default(),
    };
    let a = annotate(report, k);
    let chars = |b: usize| text[..b.min(text.len())].chars().count();
    let c = |s: Span| (chars(s.start), chars(s.end));
    let mut out = Spans::default();
    for at in &a.attributions {
        out.sources.push(c(at.source.span));
        out.sources.extend(at.via.iter().map(|v| c(v.span)));
        out.cues.push(c(at.cue));
    }
    out.sources.sort();
    out.sources.dedup();
    out.cues.sort();
    out.cues.dedup();
    out
}

/// Counts for precision and recall: (matched predicted, predicted, matched gold, gold).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts(pub usize, pub usize, pub usize, pub usize);

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.0 += o.0;
        self.1 += o.1;
        self.2 += o.2;
        self.3 += o.3;
    }

    /// (precision, recall, F1).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.1 > 0 {
            self.0 as f64 / self.1 as f64
        } else {
            0.0
        };
        let r = if self.3 > 0 {
            self.2 as f64 / self.3 as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Matches predicted against gold spans, exactly or by overlap.
pub fn compare(pred: &[(usize, usize)], gold: &[(usize, usize)], overlap: bool) -> Counts {
    let hit = |a: &(usize, usize), b: &(usize, usize)| {
        if overlap {
            a.0 < b.1 && b.0 < a.1
        } else {
            a == b
        }
    };
    Counts(
        pred.iter()
            .filter(|p| gold.iter().any(|g| hit(p, g)))
            .count(),
        pred.len(),
        gold.iter()
            .filter(|g| pred.iter().any(|p| hit(p, g)))
            .count(),
        gold.len(),
    )
}

/// Scores of one split: (source exact, source overlap, cue exact, cue overlap), and texts.
pub fn run(dir: &Path, k: &Knowledge) -> Result<(usize, [Counts; 4]), String> {
    let texts = dir.join("text");
    let anns = dir.join("attributions");
    let mut by_text: BTreeMap<String, String> = BTreeMap::new();
    let mut names: Vec<_> = std::fs::read_dir(&anns)
        .map_err(|e| format!("{}: {e}", anns.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in names {
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        // "<text name>_<annotator>.ann": the first annotator of each text.
        if let Some((text, _)) = stem.rsplit_once('_') {
            by_text
                .entry(text.to_string())
                .or_insert_with(|| p.display().to_string());
        }
    }
    let mut totals = [Counts::default(); 4];
    for (name, ann) in &by_text {
        let tp = texts.join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&tp).map_err(|e| format!("{}: {e}", tp.display()))?;
        let gold = parse_ann(&std::fs::read_to_string(ann).map_err(|e| format!("{ann}: {e}"))?);
        let pred = predict(&text, k);
        totals[0].add(compare(&pred.sources, &gold.sources, false));
        totals[1].add(compare(&pred.sources, &gold.sources, true));
        totals[2].add(compare(&pred.cues, &gold.cues, false));
        totals[3].add(compare(&pred.cues, &gold.cues, true));
    }
    Ok((by_text.len(), totals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_spans_and_matching() {
        let g = parse_ann("T1\tSource 0 9\tThe Post\nT2\tCue 10 16;20 22\thas learned\nE1\tAttribution:T4 Cue:T2\n");
        assert_eq!(g.sources, [(0, 9)]);
        assert_eq!(g.cues, [(10, 22)]);
        let c = compare(&[(4, 9), (30, 35)], &[(0, 9)], false);
        assert_eq!(c, Counts(0, 2, 0, 1));
        let c = compare(&[(4, 9), (30, 35)], &[(0, 9)], true);
        assert_eq!(c, Counts(1, 2, 1, 1));
        assert_eq!(c.prf().0, 0.5);
    }

    #[test]
    fn predicted_spans_are_character_offsets() {
        let k = Knowledge::builtin().unwrap();
        let text = "Title “quoted”\n\nPolice said the bridge would reopen.";
        let p = predict(text, &k);
        let cue = p.cues[0];
        let s: String = text.chars().skip(cue.0).take(cue.1 - cue.0).collect();
        assert_eq!(s, "said");
    }
}
