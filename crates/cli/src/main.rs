//! The `corroborate` command: argument parsing and wiring only. The work happens in
//! `corroborate-pipeline` (analysis) and `corroborate-render` (output formats).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use corroborate_knowledge::Knowledge;
use corroborate_pipeline::{
    analyze, GroupOptions, Linkage, Options, DEFAULT_DATE_PENALTY, DEFAULT_THRESHOLD,
};

#[derive(Parser)]
#[command(
    name = "corroborate",
    version,
    about = "Turns many news reports of the same events into one sourced record.",
    long_about = "Turns many news reports of the same events into one sourced record: the stories they \
                  form, what the outlets agree on, where they disagree, who cites whom back to the original \
                  sources, and a brief in which every sentence cites its reports. Runs offline."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse report files and folders: group them into stories and reconcile each story.
    ///
    /// Reads .txt and .md (first non-empty line is the headline; optional front matter with
    /// outlet, published, url, id), .json and .jsonl/.ndjson (objects with `text` or `content`,
    /// optional `title`, `url`, `outlet`, `published`, `id`). Folders are read recursively.
    /// Unreadable inputs are reported on stderr and the rest is still analysed; the exit
    /// status is then 1.
    Analyze {
        /// Report files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write the output to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Read knowledge files from this folder instead of the built-in copies (see data/README.md).
        #[arg(long, value_name = "DIR")]
        knowledge: Option<PathBuf>,
        #[command(flatten)]
        group: GroupArgs,
        /// Largest input file accepted, in bytes.
        #[arg(long, default_value_t = corroborate_read::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// Add reports to the store: each new report joins a stored story or opens one, and only
    /// the stories it touches are reconciled again. A report already stored (same content)
    /// is skipped; each report is committed on its own, so an interrupted ingest can simply
    /// be run again.
    Ingest {
        /// Report files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The store (created if absent).
        #[arg(long, default_value = "corroborate.db")]
        db: PathBuf,
        #[command(flatten)]
        group: GroupArgs,
    },
    /// List the stored stories, newest first: id, reports, headline.
    Stories {
        #[arg(long, default_value = "corroborate.db")]
        db: PathBuf,
    },
    /// Print one stored story as JSON (the story object of `analyze --format json`).
    Show {
        /// The story id (`S1`, ...).
        story: String,
        #[arg(long, default_value = "corroborate.db")]
        db: PathBuf,
    },
    /// Export every stored story: JSON Lines (one story object a line) or CSV (one incident a row).
    Export {
        #[arg(long, default_value = "corroborate.db")]
        db: PathBuf,
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Serve the store in a browser (stories, search, story pages) and as a JSON API under
    /// /api/v1/ (docs/openapi.yaml). Loopback only unless --bind says otherwise.
    Serve {
        #[arg(long, default_value = "corroborate.db")]
        db: PathBuf,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Enable writing (POST /api/v1/reports) for clients presenting this bearer token.
        #[arg(long)]
        token: Option<String>,
        /// Requests per minute per client address.
        #[arg(long, default_value_t = 6000)]
        rate: u32,
    },
    /// Score corroborate against an evaluation dataset in ../shared/data.
    Eval {
        #[command(subcommand)]
        suite: Suite,
    },
}

#[derive(Subcommand)]
enum Suite {
    /// Multi-News (570 articles, 200 clusters): grouping (B-cubed) and time; then each
    /// cluster's brief against its reference summary (ROUGE-1/2/L F), beside Lead-3.
    Multinews {
        /// The dataset folder.
        #[arg(long, default_value = "../shared/data/multinews-longbench200")]
        data: PathBuf,
        #[command(flatten)]
        group: GroupArgs,
        /// Write each cluster's brief, Lead-3, reference and articles as JSON Lines (for
        /// bench/summaries.sh, which adds LexRank and TextRank).
        #[arg(long, value_name = "FILE")]
        write_summaries: Option<PathBuf>,
    },
    /// The Gun Violence Archive incidents: grouping of 6,335 news articles into incidents
    /// (B-cubed, all documents and multi-document incidents), on the tuning (even ids) and
    /// held-out (odd ids) halves, and the time of the whole analysis.
    Gva {
        /// The dataset folder.
        #[arg(long, default_value = "../shared/data/gva-semeval2018t5-incidents")]
        data: PathBuf,
        #[command(flatten)]
        group: GroupArgs,
        /// Use only the first N incidents (a quick run).
        #[arg(long)]
        sample: Option<usize>,
    },
    /// ECB+ event clusters (test topics 36-45 and the validation topics): B-cubed of the
    /// grouping of each file's documents into its events.
    Ecb {
        /// The dataset folder.
        #[arg(long, default_value = "../shared/data/ecbplus-test-val")]
        data: PathBuf,
        #[command(flatten)]
        group: GroupArgs,
    },
    /// Speed of `analyze` on the whole GVA corpus (6,335 documents): documents per second
    /// end to end and peak memory, beside the floor of only reading and tokenising it.
    Speed {
        /// The GVA dataset folder.
        #[arg(long, default_value = "../shared/data/gva-semeval2018t5-incidents")]
        data: PathBuf,
    },
    /// PolNeAR attributions (dev and test): precision, recall and F1 of source and cue
    /// spans, exact and by overlap.
    Attribution {
        /// The dataset folder.
        #[arg(long, default_value = "../shared/data/polnear-attribution")]
        data: PathBuf,
    },
    /// Ingest the GVA corpus into a new store one report at a time (each in its own
    /// transaction): reports per second and p50/p99 time per report.
    Ingest {
        /// The GVA dataset folder.
        #[arg(long, default_value = "../shared/data/gva-semeval2018t5-incidents")]
        data: PathBuf,
        /// Keep the store here (for `eval load`); a temporary one otherwise.
        #[arg(long)]
        db: Option<PathBuf>,
        /// Use only the first N incidents.
        #[arg(long)]
        sample: Option<usize>,
    },
    /// Load a running `corroborate serve` with concurrent clients requesting story pages:
    /// p50/p99 latency. Loopback only; bounded by --requests and --seconds.
    Load {
        /// The server's port on 127.0.0.1.
        #[arg(long)]
        port: u16,
        #[arg(long, default_value_t = 50)]
        clients: usize,
        /// Requests in all.
        #[arg(long, default_value_t = 5000)]
        requests: usize,
        /// Stop after this many seconds whatever the count.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
    },
    /// Main-text extraction on the Zyte benchmark's 181 pages: the benchmark's own
    /// shingle precision/recall/F1, and pages per second on one thread; also how many pages
    /// yield a title and a publication date.
    Extraction {
        /// The dataset folder.
        #[arg(long, default_value = "../shared/data/article-extraction-benchmark")]
        data: PathBuf,
        /// The extractor to measure.
        #[arg(long, value_enum, default_value_t = ExtractorArg::Trafilatura)]
        extractor: ExtractorArg,
        /// Also score another tool's output, in the benchmark's format: {"<id>": {"articleBody": "..."}}.
        #[arg(long, value_name = "FILE")]
        predictions: Option<PathBuf>,
        /// The other tool's name, for the table.
        #[arg(long, default_value = "other")]
        predictions_name: String,
        /// Seconds the other tool took for all pages, for its pages/second.
        #[arg(long)]
        predictions_seconds: Option<f64>,
        /// Write this run's extractions in the benchmark's format.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractorArg {
    /// The `trafilatura` crate (the default extractor).
    Trafilatura,
    /// rs-trafilatura; needs a build with `--features alt-extractors`.
    #[cfg(feature = "alt-extractors")]
    RsTrafilatura,
}

impl From<ExtractorArg> for corroborate_read::html::Extractor {
    fn from(e: ExtractorArg) -> Self {
        match e {
            ExtractorArg::Trafilatura => Self::Trafilatura,
            #[cfg(feature = "alt-extractors")]
            ExtractorArg::RsTrafilatura => Self::RsTrafilatura,
        }
    }
}

/// How reports are grouped into stories.
#[derive(Args, Clone, Copy)]
struct GroupArgs {
    /// Similarity (0-1) above which a report joins a story; higher splits more.
    #[arg(long, default_value_t = DEFAULT_THRESHOLD)]
    threshold: f32,
    /// How a report is compared with a story: mean similarity to its reports (average),
    /// to their combined vector (centroid), or to the closest one (single).
    #[arg(long, value_enum, default_value_t = LinkageArg::Average)]
    linkage: LinkageArg,
    /// Similarity a report loses per ln(1 + days/7) between its publication date and the
    /// story's nearest dated report (0 ignores dates).
    #[arg(long, default_value_t = DEFAULT_DATE_PENALTY)]
    date_penalty: f32,
}

impl GroupArgs {
    fn options(&self) -> GroupOptions {
        GroupOptions {
            threshold: self.threshold,
            linkage: self.linkage.into(),
            date_penalty: self.date_penalty,
        }
    }

    fn describe(&self) -> String {
        let linkage = self
            .linkage
            .to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default();
        format!(
            "threshold {}, {linkage} linkage, date penalty {}",
            self.threshold, self.date_penalty
        )
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LinkageArg {
    Average,
    Centroid,
    Single,
}

impl From<LinkageArg> for Linkage {
    fn from(l: LinkageArg) -> Self {
        match l {
            LinkageArg::Average => Linkage::Average,
            LinkageArg::Centroid => Linkage::Centroid,
            LinkageArg::Single => Linkage::Single,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// One story object per line.
    Jsonl,
    /// One incident per row (the columns of `analyze --format csv`).
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// A readable summary.
    Text,
    /// A Markdown report.
    Md,
    /// One JSON document (see docs/report-schema.md).
    Json,
    /// One CSV row per incident (GVA-like columns, disputes, source counts).
    Csv,
}

fn knowledge(dir: Option<&PathBuf>) -> anyhow::Result<Knowledge> {
    match dir {
        Some(d) => Knowledge::from_dir(d)
            .with_context(|| format!("loading knowledge files from {}", d.display())),
        None => Knowledge::builtin().context("loading the built-in knowledge files"),
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Analyze {
            paths,
            format,
            output,
            knowledge: kdir,
            group,
            max_bytes,
        } => {
            let k = knowledge(kdir.as_ref())?;
            let opts = Options {
                read: corroborate_read::ReadOptions {
                    max_bytes,
                    ..Default::default()
                },
                group: group.options(),
            };
            let analysis = analyze(&paths, &k, &opts);
            for e in &analysis.errors {
                eprintln!("corroborate: {e}");
            }
            if !analysis.without_article.is_empty() {
                eprintln!(
                    "corroborate: note: {} report(s) had no article text left after removing boilerplate and belong to no story: {}",
                    analysis.without_article.len(),
                    analysis.without_article.join(", ")
                );
            }
            let doc = corroborate_render::document(&analysis);
            let text = match format {
                Format::Text => corroborate_render::terminal::render(&doc),
                Format::Md => corroborate_render::markdown::render(&doc),
                Format::Json => serde_json::to_string_pretty(&doc)? + "\n",
                Format::Csv => corroborate_render::csv::render(&doc)?,
            };
            match output {
                Some(p) => {
                    std::fs::write(&p, text).with_context(|| format!("writing {}", p.display()))?
                }
                None => emit(&text)?,
            }
            if analysis.errors.is_empty() {
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!(
                    "corroborate: {} input(s) could not be read; the rest was analysed",
                    analysis.errors.len()
                );
                Ok(ExitCode::from(1))
            }
        }
        Command::Ingest { paths, db, group } => {
            let k = Knowledge::builtin()?;
            let mut store = corroborate_store::Store::open(&db)?;
            let opts = Options {
                group: group.options(),
                ..Options::default()
            };
            let bar = indicatif::ProgressBar::new(0);
            let mut progress = |done: usize, total: usize| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            };
            let summary =
                corroborate_pipeline::ingest::ingest(&mut store, &paths, &k, &opts, &mut progress)?;
            bar.finish_and_clear();
            for e in &summary.failed {
                eprintln!("corroborate: {e}");
            }
            println!(
                "added {}, duplicates {}, failed {}; {} stories touched; {} reports stored in {}",
                summary.added,
                summary.duplicates,
                summary.failed.len(),
                summary.touched.len(),
                store.report_count()?,
                db.display()
            );
            Ok(if summary.failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Serve {
            db,
            port,
            bind,
            token,
            rate,
        } => {
            let store = open_existing(&db)?;
            let state = std::sync::Arc::new(corroborate_web::AppState::new(
                store,
                db.clone(),
                Knowledge::builtin()?,
                token,
                corroborate_web::Limits { per_minute: rate },
            ));
            let addr = std::net::SocketAddr::new(bind, port);
            eprintln!("corroborate: serving {} on http://{addr}/", db.display());
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()?;
            rt.block_on(corroborate_web::serve(state, addr))
                .with_context(|| format!("serving on {addr}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stories { db } => {
            let store = open_existing(&db)?;
            for s in store.stories()? {
                emit(&format!("{}\t{}\t{}\n", s.id, s.report_count, s.headline))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { story, db } => {
            let store = open_existing(&db)?;
            match store.story_record(&story)? {
                Some(record) => {
                    let v: serde_json::Value = serde_json::from_str(&record)?;
                    emit(&(serde_json::to_string_pretty(&v)? + "\n"))?;
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!("corroborate: no story {story} in {}", db.display());
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Export { db, format, output } => {
            let store = open_existing(&db)?;
            let records = store.story_records()?;
            let text = match format {
                ExportFormat::Jsonl => records.iter().map(|r| format!("{r}\n")).collect::<String>(),
                ExportFormat::Csv => {
                    let stories: Vec<serde_json::Value> = records
                        .iter()
                        .map(|r| serde_json::from_str(r))
                        .collect::<Result<_, _>>()?;
                    corroborate_render::csv::render(&serde_json::json!({ "stories": stories }))?
                }
            };
            match output {
                Some(p) => {
                    std::fs::write(&p, text).with_context(|| format!("writing {}", p.display()))?
                }
                None => emit(&text)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            suite: Suite::Ingest { data, db, sample },
        } => {
            if missing(&data) {
                return Ok(ExitCode::SUCCESS);
            }
            eval_ingest(&data, db, sample)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            suite:
                Suite::Load {
                    port,
                    clients,
                    requests,
                    seconds,
                },
        } => {
            let r = corroborate_eval::load::run(
                port,
                clients,
                requests,
                std::time::Duration::from_secs(seconds),
            )
            .map_err(anyhow::Error::msg)?;
            println!(
                "suite: load ({clients} clients, {} requests in {:.2} s, {} errors)",
                r.done, r.seconds, r.errors
            );
            println!(
                "  story pages: p50 {:.1} ms, p99 {:.1} ms, {:.0} requests/s",
                r.p50_ms,
                r.p99_ms,
                r.done as f64 / r.seconds
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            suite:
                Suite::Multinews {
                    data,
                    group,
                    write_summaries,
                },
        } => {
            if missing(&data) {
                return Ok(ExitCode::SUCCESS);
            }
            let k = Knowledge::builtin()?;
            let work =
                std::env::temp_dir().join(format!("corroborate-eval-{}", std::process::id()));
            std::fs::create_dir_all(&work)?;
            let opts = Options {
                group: group.options(),
                ..Options::default()
            };
            let r = corroborate_eval::multinews::grouping(&data, &k, &opts, &work)
                .map_err(anyhow::Error::msg);
            let _ = std::fs::remove_dir_all(&work);
            let r = r?;
            println!("suite: multinews grouping ({})", group.describe());
            println!(
                "articles: {}  gold clusters: {}  stories: {}",
                r.articles, r.gold_clusters, r.stories
            );
            println!(
                "B-cubed precision {:.4}  recall {:.4}  F1 {:.4}",
                r.scores.precision, r.scores.recall, r.scores.f1
            );
            println!(
                "analyze time: {:.2} s ({:.0} articles/s)",
                r.seconds,
                r.articles as f64 / r.seconds
            );
            eval_summaries(&data, &k, &opts, write_summaries)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            suite:
                Suite::Gva {
                    data,
                    group,
                    sample,
                },
        } => {
            if missing(&data) {
                return Ok(ExitCode::SUCCESS);
            }
            let opts = Options {
                group: group.options(),
                ..Options::default()
            };
            eval_gva(&data, &opts, sample)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            suite: Suite::Ecb { data, group },
        } => {
            if missing(&data) {
                return Ok(ExitCode::SUCCESS);
            }
            let k = Knowledge::builtin()?;
            let opts = Options {
                group: group.options(),
                ..Options::default()
            };
            let work = std::env::temp_dir().join(format!("corroborate-ecb-{}", std::process::id()));
            std::fs::create_dir_all(&work)?;
            println!("suite: ecb ({})", group.describe());
            println!(
                "{:<40} {:>5} {:>7} {:>7} {:>9} {:>7} {:>7} {:>7}",
                "file", "docs", "events", "stories", "precision", "recall", "F1", "seconds"
            );
            for name in [
                "ecbplus_test_topics36-45_docs.jsonl",
                "ecbplus_val_docs.jsonl",
            ] {
                let o = corroborate_eval::ecb::run(&data.join(name), &k, &opts, &work)
                    .map_err(anyhow::Error::msg)?;
                println!(
                    "{:<40} {:>5} {:>7} {:>7} {:>9.4} {:>7.4} {:>7.4} {:>7.2}",
                    o.file,
                    o.documents,
                    o.clusters,
                    o.stories,
                    o.scores.precision,
                    o.scores.recall,
                    o.scores.f1,
                    o.seconds
                );
            }
            let _ = std::fs::remove_dir_all(&work);
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            suite: Suite::Attribution { data },
        } => {
            if missing(&data) {
                return Ok(ExitCode::SUCCESS);
            }
            let k = Knowledge::builtin()?;
            println!("suite: attribution (PolNeAR; first annotator of each text)");
            println!(
                "{:<6} {:>5}  {:<15} {:>9} {:>7} {:>7}",
                "split", "texts", "spans", "precision", "recall", "F1"
            );
            for split in ["dev", "test"] {
                let (n, t) = corroborate_eval::attribution::run(&data.join(split), &k)
                    .map_err(anyhow::Error::msg)?;
                for (label, c) in ["source exact", "source overlap", "cue exact", "cue overlap"]
                    .iter()
                    .zip(t)
                {
                    let (p, r, f) = c.prf();
                    println!("{split:<6} {n:>5}  {label:<15} {p:>9.4} {r:>7.4} {f:>7.4}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            suite: Suite::Speed { data },
        } => {
            if missing(&data) {
                return Ok(ExitCode::SUCCESS);
            }
            eval_speed(&data)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            suite:
                Suite::Extraction {
                    data,
                    extractor,
                    predictions,
                    predictions_name,
                    predictions_seconds,
                    output,
                },
        } => {
            if missing(&data) {
                return Ok(ExitCode::SUCCESS);
            }
            eval_extraction(
                &data,
                extractor,
                predictions,
                &predictions_name,
                predictions_seconds,
                output,
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes to standard output; a reader that closed the pipe (`| head`) is not an error.
fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("writing to standard output")
        }
        _ => Ok(()),
    }
}

/// Opens a store that must already exist (reading commands never create one).
fn open_existing(db: &std::path::Path) -> anyhow::Result<corroborate_store::Store> {
    if !db.exists() {
        anyhow::bail!(
            "no store at {} (create one with `corroborate ingest --db {} PATH...`)",
            db.display(),
            db.display()
        );
    }
    Ok(corroborate_store::Store::open(db)?)
}

/// Says so and returns true when an evaluation dataset is absent (the suite then skips).
fn missing(data: &std::path::Path) -> bool {
    let absent = !data.exists();
    if absent {
        println!("{}", corroborate_eval::missing(data));
    }
    absent
}

/// Which text of a cluster's summaries a row scores.
type Pick = fn(&corroborate_eval::multinews::Summaries) -> &str;

/// The summary half of `eval multinews`: ROUGE of the briefs and of Lead-3.
fn eval_summaries(
    data: &std::path::Path,
    k: &Knowledge,
    opts: &Options,
    write: Option<PathBuf>,
) -> anyhow::Result<()> {
    use corroborate_eval::multinews::summaries;
    let work = std::env::temp_dir().join(format!("corroborate-sum-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    let sums = summaries(data, k, opts, &work).map_err(anyhow::Error::msg);
    let _ = std::fs::remove_dir_all(&work);
    let sums = sums?;
    let mean = |f: Pick| {
        let mut t = [0.0; 3];
        for x in &sums {
            let r = corroborate_eval::rouge::scores(f(x), &x.reference);
            for (acc, v) in t.iter_mut().zip(r) {
                *acc += v / sums.len() as f64;
            }
        }
        t
    };
    println!(
        "summaries ({} clusters, ROUGE F, no stemming)   ROUGE-1 ROUGE-2 ROUGE-L",
        sums.len()
    );
    let rows: [(&str, Pick); 2] = [
        ("corroborate brief", |x| &x.brief),
        ("Lead-3", |x| &x.lead3),
    ];
    for (name, f) in rows {
        let t = mean(f);
        println!("  {name:<42} {:>7.4} {:>7.4} {:>7.4}", t[0], t[1], t[2]);
    }
    if let Some(path) = write {
        let mut out = String::new();
        for x in &sums {
            out.push_str(&serde_json::to_string(x)?);
            out.push('\n');
        }
        std::fs::write(&path, out).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// `eval ingest`: the GVA corpus into a store, one report at a time.
fn eval_ingest(
    data: &std::path::Path,
    db: Option<PathBuf>,
    sample: Option<usize>,
) -> anyhow::Result<()> {
    use corroborate_eval::gva;
    let mut incidents = gva::load(data).map_err(anyhow::Error::msg)?;
    if let Some(n) = sample {
        incidents.truncate(n);
    }
    let work = std::env::temp_dir().join(format!("corroborate-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    let corpus = work.join("gva.jsonl");
    let docs = gva::write_jsonl(&incidents, &corpus)?;
    let keep = db.is_some();
    let db = db.unwrap_or_else(|| work.join("gva.db"));
    let _ = std::fs::remove_file(&db);
    let k = Knowledge::builtin()?;
    let mut store = corroborate_store::Store::open(&db)?;
    let mut times: Vec<f64> = Vec::new();
    let mut last = std::time::Instant::now();
    let start = last;
    let mut progress = |_done: usize, _total: usize| {
        let now = std::time::Instant::now();
        times.push(now.duration_since(last).as_secs_f64() * 1000.0);
        last = now;
    };
    let summary = corroborate_pipeline::ingest::ingest(
        &mut store,
        &[corpus],
        &k,
        &Options::default(),
        &mut progress,
    )?;
    let seconds = start.elapsed().as_secs_f64();
    times.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| {
        times
            .get(((times.len() as f64 - 1.0) * p).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "suite: ingest (GVA, {docs} documents; added {}, duplicates {}, failed {}; {} stories)",
        summary.added,
        summary.duplicates,
        summary.failed.len(),
        store.stories()?.len()
    );
    println!(
        "  {:.1} s, {:.0} reports/s; per report: p50 {:.1} ms, p99 {:.1} ms",
        seconds,
        times.len() as f64 / seconds,
        pct(0.5),
        pct(0.99)
    );
    drop(store);
    if keep {
        println!("  store kept at {}", db.display());
        let _ = std::fs::remove_file(work.join("gva.jsonl"));
    } else {
        let _ = std::fs::remove_dir_all(&work);
    }
    Ok(())
}

/// `eval gva`: grouping quality on both halves of the fixed split, and time.
fn eval_gva(data: &std::path::Path, opts: &Options, sample: Option<usize>) -> anyhow::Result<()> {
    use corroborate_eval::gva;
    let mut incidents = gva::load(data).map_err(anyhow::Error::msg)?;
    if let Some(n) = sample {
        incidents.truncate(n);
    }
    let work = std::env::temp_dir().join(format!("corroborate-gva-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    let corpus = work.join("gva.jsonl");
    let docs = gva::write_jsonl(&incidents, &corpus)?;
    let k = Knowledge::builtin()?;
    let start = std::time::Instant::now();
    let analysis = analyze(&[corpus], &k, opts);
    let seconds = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&work);
    let story_of: std::collections::HashMap<String, String> = analysis
        .stories
        .iter()
        .flat_map(|s| s.reports.iter().map(move |r| (r.clone(), s.id.clone())))
        .collect();
    println!(
        "suite: gva ({} incidents, {docs} documents; {} unreadable, {} without article text)",
        incidents.len(),
        analysis.errors.len(),
        analysis.without_article.len()
    );
    println!("grouping (B-cubed)               docs  precision  recall      F1");
    for (name, held_out) in [("tuning (even ids)", false), ("held-out (odd ids)", true)] {
        let part: Vec<&gva::Incident> = incidents
            .iter()
            .filter(|i| i.held_out() == held_out)
            .collect();
        let s = gva::grouping_scores(&part, &story_of);
        for (label, (n, b)) in [
            ("all documents", s.all),
            ("multi-document incidents", s.multi),
        ] {
            println!(
                "  {name:<19} {label:<25} {n:>5} {:>9.4} {:>7.4} {:>7.4}",
                b.precision, b.recall, b.f1
            );
        }
    }
    let doc = corroborate_render::document(&analysis);
    println!("fields (against GVA records)     incidents  date    city   state  killed injured  names P/R/F1         age  gender   role status");
    let pct = |t: (usize, usize)| {
        if t.1 == 0 {
            "   -  ".to_string()
        } else {
            format!("{:>6.3}", t.0 as f64 / t.1 as f64)
        }
    };
    for (name, held_out) in [("tuning (even ids)", false), ("held-out (odd ids)", true)] {
        let part: Vec<&gva::Incident> = incidents
            .iter()
            .filter(|i| i.held_out() == held_out)
            .collect();
        let f = gva::field_scores(&part, &doc);
        let (np, nr, nf) = f.name_f1();
        println!(
            "  {name:<30} {:>9} {} {} {} {} {}  {np:.3}/{nr:.3}/{nf:.3} {} {} {} {}",
            f.incidents,
            pct(f.date),
            pct(f.city),
            pct(f.state),
            pct(f.killed),
            pct(f.injured),
            pct(f.age),
            pct(f.gender),
            pct(f.role),
            pct(f.status)
        );
    }
    let all: Vec<&gva::Incident> = incidents.iter().collect();
    let s = gva::grouping_scores(&all, &story_of);
    println!(
        "  {:<19} {:<25} {:>5} {:>9.4} {:>7.4} {:>7.4}",
        "both halves", "all documents", s.all.0, s.all.1.precision, s.all.1.recall, s.all.1.f1
    );
    println!(
        "analyze time: {seconds:.2} s ({:.0} documents/s)",
        docs as f64 / seconds
    );
    Ok(())
}

/// Peak resident memory of this process so far, in MB (Linux; None elsewhere).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// `eval speed`: the floor (read, clean, split, tokenise), then the whole analysis.
fn eval_speed(data: &std::path::Path) -> anyhow::Result<()> {
    use corroborate_eval::gva;
    let incidents = gva::load(data).map_err(anyhow::Error::msg)?;
    let work = std::env::temp_dir().join(format!("corroborate-speed-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    let corpus = work.join("gva.jsonl");
    let docs = gva::write_jsonl(&incidents, &corpus)?;
    let k = Knowledge::builtin()?;
    let start = std::time::Instant::now();
    let (raw, _) =
        corroborate_read::read_inputs(std::slice::from_ref(&corpus), &Default::default());
    let mut tokens = 0usize;
    for r in raw {
        let report = corroborate_read::prepare(r, &k);
        for s in corroborate_annotate::sentences::split(&report.text, &k) {
            tokens += corroborate_annotate::tokens::tokenize(&report.text, s.span).len();
        }
    }
    let floor = start.elapsed().as_secs_f64();
    let start = std::time::Instant::now();
    let analysis = analyze(std::slice::from_ref(&corpus), &k, &Options::default());
    let full = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&work);
    let threads = rayon_threads();
    println!(
        "suite: speed (GVA corpus, {docs} documents, {tokens} tokens, {threads} worker threads)"
    );
    println!(
        "  read + clean + split + tokenise (one thread): {floor:.2} s, {:.0} documents/s",
        docs as f64 / floor
    );
    println!(
        "  analyze end to end (parallel): {full:.2} s, {:.0} documents/s, {} stories",
        docs as f64 / full,
        analysis.stories.len()
    );
    match peak_memory_mb() {
        Some(mb) => println!("  peak memory: {mb:.0} MB"),
        None => println!("  peak memory: not measurable on this system"),
    }
    Ok(())
}

fn rayon_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `eval extraction`: one table row per tool, scored identically.
fn eval_extraction(
    data: &std::path::Path,
    extractor: ExtractorArg,
    predictions: Option<PathBuf>,
    predictions_name: &str,
    predictions_seconds: Option<f64>,
    output: Option<PathBuf>,
) -> anyhow::Result<()> {
    use corroborate_eval::extraction;
    let pages = extraction::load(data).map_err(anyhow::Error::msg)?;
    let name = extractor
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    let k = Knowledge::builtin()?;
    let mut rows = vec![
        extraction::run(
            &pages,
            extractor.into(),
            &format!("{name} (extraction only)"),
        ),
        extraction::run_with_cleaner(
            &pages,
            extractor.into(),
            &k,
            &format!("corroborate: {name} + cleaner"),
        ),
    ];
    if let Some(p) = predictions {
        let v: std::collections::BTreeMap<String, serde_json::Value> = serde_json::from_str(
            &std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?,
        )
        .with_context(|| format!("parsing {}", p.display()))?;
        let texts = v
            .into_iter()
            .map(|(k, x)| (k, x["articleBody"].as_str().unwrap_or("").to_string()))
            .collect();
        let mut o = extraction::score(&pages, &texts, predictions_name);
        o.seconds = predictions_seconds;
        rows.push(o);
    }
    println!(
        "suite: article extraction (Zyte benchmark, {} pages, one thread)",
        pages.len()
    );
    println!(
        "{:<32} {:>9} {:>7} {:>7} {:>9} {:>8}",
        "tool", "precision", "recall", "F1", "seconds", "pages/s"
    );
    for o in &rows {
        let (secs, rate) = match o.seconds {
            Some(s) => (format!("{s:.2}"), format!("{:.1}", o.pages as f64 / s)),
            None => ("-".into(), "-".into()),
        };
        println!(
            "{:<32} {:>9.4} {:>7.4} {:>7.4} {:>9} {:>8}",
            o.name, o.precision, o.recall, o.f1, secs, rate
        );
    }
    let (titles, dates) = extraction::metadata_coverage(&pages);
    println!(
        "metadata: {titles}/{} pages with a title, {dates}/{} with a publication date",
        pages.len(),
        pages.len()
    );
    if let Some(out) = output {
        let doc: serde_json::Map<String, serde_json::Value> = rows[1]
            .predictions
            .iter()
            .map(|(k, t)| (k.clone(), serde_json::json!({ "articleBody": t })))
            .collect();
        std::fs::write(&out, serde_json::to_string_pretty(&doc)?)
            .with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("corroborate: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
