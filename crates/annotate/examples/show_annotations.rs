//! Developer aid: prints what the cleaner removed and what the annotators found in each
//! report, one line per item. `cargo run -p corroborate-annotate --example show_annotations -- PATH...`
use corroborate_knowledge::Knowledge;
fn main() {
    let k = Knowledge::builtin().unwrap();
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let (raws, errs) = corroborate_read::read_inputs(&paths, &Default::default());
    for e in errs {
        eprintln!("ERR {e}");
    }
    for raw in raws {
        let r = corroborate_read::prepare(raw, &k);
        println!("=== {} outlet={:?}", r.id, r.outlet);
        for l in &r.removed {
            println!("  REMOVED [{}] {}", l.reason, l.text);
        }
        let a = corroborate_annotate::annotate(r, &k);
        for (i, m) in a.mentions.iter().enumerate() {
            println!(
                "  M{i} {:?} {:?} g={:?} kin={:?} canon={:?} ref={:?} s={}",
                m.kind, m.text, m.gender, m.kin, m.canonical, m.refers_to, m.sentence
            );
        }
        for c in &a.claims {
            println!(
                "  C {:?} {} {:?} «{}» s={}",
                c.subject,
                c.attribute,
                c.value,
                a.slice(c.span),
                c.sentence
            );
        }
        for at in &a.attributions {
            println!(
                "  A src={:?}({}) via={:?} cue=«{}» s={}",
                at.source.text,
                at.source.named,
                at.via.iter().map(|v| v.text.clone()).collect::<Vec<_>>(),
                a.slice(at.cue),
                at.sentence
            );
        }
    }
}
