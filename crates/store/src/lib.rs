//! The embedded store: one SQLite file (rusqlite, bundled) holding every ingested report,
//! the grouping terms it was compared by, the story it joined, and each story's record as
//! `analyze --format json` renders it.
//!
//! Invariants:
//! - a report is stored once: its content hash (SHA-256 of title, body and URL) is unique;
//! - a report and its story's new record are written in one transaction, so a crash or kill
//!   leaves either both or neither, and re-running the ingest completes it without duplicates;
//! - the schema is versioned; [`Store::open`] applies pending migrations in a transaction.
//!
//! The database runs in WAL mode with `synchronous = NORMAL`: a committed report survives the
//! process being killed (the guarantee tested here); an operating-system crash may lose the
//! last commits, which a re-run ingests again.

use std::collections::BTreeMap;
use std::path::Path;

use corroborate_model::{RawReport, ReportMeta};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Schema migrations, in order; `meta.schema_version` is how many have been applied.
const MIGRATIONS: [&str; 1] = ["CREATE TABLE reports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL UNIQUE,
        story TEXT,
        raw TEXT NOT NULL,
        terms TEXT NOT NULL,
        day INTEGER
    );
    CREATE INDEX reports_story ON reports(story);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        headline TEXT NOT NULL,
        report_count INTEGER NOT NULL,
        record TEXT NOT NULL
    );"];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Sql {
        path: String,
        source: rusqlite::Error,
    },
    #[error("database {path}: stored data is not readable: {reason}")]
    Corrupt { path: String, reason: String },
    #[error(
        "database {path}: schema version {found} is newer than this corroborate knows ({known})"
    )]
    TooNew {
        path: String,
        found: usize,
        known: usize,
    },
}

/// A raw report as stored (the model types stay free of serialisation).
#[derive(Serialize, Deserialize)]
struct StoredRaw {
    id: String,
    path: String,
    title: String,
    outlet: Option<String>,
    published: Option<String>,
    url: Option<String>,
    body: String,
    authors: Vec<String>,
    language: Option<String>,
    canonical_url: Option<String>,
    sources: Vec<(String, String)>,
}

impl From<&RawReport> for StoredRaw {
    fn from(r: &RawReport) -> Self {
        StoredRaw {
            id: r.id.clone(),
            path: r.path.clone(),
            title: r.title.clone(),
            outlet: r.outlet.clone(),
            published: r.published.map(|d| d.to_string()),
            url: r.url.clone(),
            body: r.body.clone(),
            authors: r.meta.authors.clone(),
            language: r.meta.language.clone(),
            canonical_url: r.meta.canonical_url.clone(),
            sources: r.meta.sources.clone(),
        }
    }
}

impl StoredRaw {
    fn into_raw(self) -> RawReport {
        RawReport {
            id: self.id,
            path: self.path,
            title: self.title,
            outlet: self.outlet,
            published: self
                .published
                .and_then(|p| chrono::NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
            url: self.url,
            body: self.body,
            meta: ReportMeta {
                authors: self.authors,
                language: self.language,
                canonical_url: self.canonical_url,
                sources: self.sources,
            },
        }
    }
}

/// One stored report's grouping state.
#[derive(Debug, Clone)]
pub struct GroupingRow {
    pub story: Option<String>,
    pub terms: BTreeMap<String, f32>,
    pub day: Option<i32>,
}

/// A story as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRow {
    pub id: String,
    pub headline: String,
    pub report_count: usize,
}

/// A report to add, with the story it joins and that story's new record.
pub struct NewReport<'a> {
    pub raw: &'a RawReport,
    pub hash: &'a str,
    pub story: Option<&'a str>,
    pub terms: &'a BTreeMap<String, f32>,
    pub day: Option<i32>,
    /// The story's record (`analyze --format json` story object) and headline.
    pub record: Option<(&'a str, &'a str, usize)>,
}

pub struct Store {
    conn: Connection,
    path: String,
}

/// The content hash that makes a report a duplicate.
pub fn content_hash(r: &RawReport) -> String {
    let mut h = Sha256::new();
    for part in [
        r.title.as_str(),
        r.body.as_str(),
        r.url.as_deref().unwrap_or(""),
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let name = path.display().to_string();
        let sql = |e| StoreError::Sql {
            path: name.clone(),
            source: e,
        };
        let conn = Connection::open(path).map_err(sql)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;",
        )
        .map_err(sql)?;
        let mut store = Store { conn, path: name };
        store.migrate()?;
        Ok(store)
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |e| StoreError::Sql {
            path: self.path.clone(),
            source: e,
        }
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map_err(self.sql())
            .map(|v| v.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute_batch(
                "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
            )
            .map_err(self.sql())?;
        let found = self.schema_version()?;
        if found > MIGRATIONS.len() {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found,
                known: MIGRATIONS.len(),
            });
        }
        let path = self.path.clone();
        let sql = |e| StoreError::Sql {
            path: path.clone(),
            source: e,
        };
        let tx = self.conn.transaction().map_err(sql)?;
        for m in &MIGRATIONS[found..] {
            tx.execute_batch(m).map_err(sql)?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![MIGRATIONS.len().to_string()],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)
    }

    pub fn contains_hash(&self, hash: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM reports WHERE hash = ?1",
                params![hash],
                |_| Ok(()),
            )
            .optional()
            .map_err(self.sql())
            .map(|r| r.is_some())
    }

    /// A report id not yet used: `id`, else `id~2`, `id~3`, ...
    pub fn free_id(&self, id: &str) -> Result<String, StoreError> {
        let taken = |c: &str| -> Result<bool, StoreError> {
            self.conn
                .query_row(
                    "SELECT 1 FROM reports WHERE id = ?1",
                    params![c],
                    |_| Ok(()),
                )
                .optional()
                .map_err(self.sql())
                .map(|r| r.is_some())
        };
        if !taken(id)? {
            return Ok(id.to_string());
        }
        let mut n = 2;
        loop {
            let c = format!("{id}~{n}");
            if !taken(&c)? {
                return Ok(c);
            }
            n += 1;
        }
    }

    /// Every stored report's grouping state, in the order they were added.
    pub fn grouping_rows(&self) -> Result<Vec<GroupingRow>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT story, terms, day FROM reports ORDER BY seq")
            .map_err(self.sql())?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<i32>>(2)?,
                ))
            })
            .map_err(self.sql())?;
        let mut out = Vec::new();
        for row in rows {
            let (story, terms, day) = row.map_err(self.sql())?;
            let terms = serde_json::from_str(&terms).map_err(|e| StoreError::Corrupt {
                path: self.path.clone(),
                reason: e.to_string(),
            })?;
            out.push(GroupingRow { story, terms, day });
        }
        Ok(out)
    }

    /// The raw reports of a story, in the order they were added.
    pub fn raw_reports(&self, story: &str) -> Result<Vec<RawReport>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT raw FROM reports WHERE story = ?1 ORDER BY seq")
            .map_err(self.sql())?;
        let rows = st
            .query_map(params![story], |r| r.get::<_, String>(0))
            .map_err(self.sql())?;
        let mut out = Vec::new();
        for row in rows {
            let raw: StoredRaw = serde_json::from_str(&row.map_err(self.sql())?).map_err(|e| {
                StoreError::Corrupt {
                    path: self.path.clone(),
                    reason: e.to_string(),
                }
            })?;
            out.push(raw.into_raw());
        }
        Ok(out)
    }

    /// Story ids in the order the stories were opened.
    pub fn story_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM stories ORDER BY seq")
            .map_err(self.sql())?;
        let ids = st
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(self.sql())?;
        ids.collect::<Result<_, _>>().map_err(self.sql())
    }

    /// Adds a report and writes its story's record, in one transaction.
    pub fn add(&mut self, new: &NewReport) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sql = |e| StoreError::Sql {
            path: path.clone(),
            source: e,
        };
        let raw = serde_json::to_string(&StoredRaw::from(new.raw)).unwrap_or_default();
        let terms = serde_json::to_string(new.terms).unwrap_or_default();
        let tx = self.conn.transaction().map_err(sql)?;
        tx.execute(
            "INSERT INTO reports (id, hash, story, raw, terms, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![new.raw.id, new.hash, new.story, raw, terms, new.day],
        )
        .map_err(sql)?;
        if let (Some(story), Some((record, headline, count))) = (new.story, new.record) {
            tx.execute(
                "INSERT INTO stories (id, seq, headline, report_count, record)
                 VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stories), ?2, ?3, ?4)
                 ON CONFLICT(id) DO UPDATE SET headline = excluded.headline,
                    report_count = excluded.report_count, record = excluded.record",
                params![story, headline, count as i64, record],
            )
            .map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }

    /// Stories, newest first.
    pub fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT id, headline, report_count FROM stories ORDER BY seq DESC")
            .map_err(self.sql())?;
        let rows = st
            .query_map([], |r| {
                Ok(StoryRow {
                    id: r.get(0)?,
                    headline: r.get(1)?,
                    report_count: r.get::<_, i64>(2)? as usize,
                })
            })
            .map_err(self.sql())?;
        rows.collect::<Result<_, _>>().map_err(self.sql())
    }

    /// A story's record (the `analyze --format json` story object), as JSON text.
    pub fn story_record(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT record FROM stories WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sql())
    }

    /// Every story record, oldest first.
    pub fn story_records(&self) -> Result<Vec<String>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT record FROM stories ORDER BY seq")
            .map_err(self.sql())?;
        let rows = st
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(self.sql())?;
        rows.collect::<Result<_, _>>().map_err(self.sql())
    }

    /// Stories with a report whose title or text contains `query` (case-insensitive for
    /// ASCII), newest first.
    pub fn search(&self, query: &str) -> Result<Vec<String>, StoreError> {
        let escaped = query
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let mut st = self
            .conn
            .prepare(
                "SELECT s.id FROM stories s WHERE EXISTS (SELECT 1 FROM reports r WHERE r.story = s.id
                 AND r.raw LIKE '%' || ?1 || '%' ESCAPE '\\') ORDER BY s.seq DESC",
            )
            .map_err(self.sql())?;
        let ids = st
            .query_map(params![escaped], |r| r.get::<_, String>(0))
            .map_err(self.sql())?;
        ids.collect::<Result<_, _>>().map_err(self.sql())
    }

    pub fn report_count(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM reports", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(self.sql())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(id: &str, body: &str) -> RawReport {
        RawReport {
            id: id.into(),
            path: "p".into(),
            title: "T".into(),
            outlet: None,
            published: chrono::NaiveDate::from_ymd_opt(2024, 1, 2),
            url: None,
            body: body.into(),
            meta: Default::default(),
        }
    }

    #[test]
    fn migrates_stores_round_trips_and_refuses_duplicates() {
        let dir = std::env::temp_dir().join(format!("corroborate-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len());
        let r = raw("a", "Body one.");
        let h = content_hash(&r);
        let terms: BTreeMap<String, f32> = [("bodi".to_string(), 1.0)].into();
        s.add(&NewReport {
            raw: &r,
            hash: &h,
            story: Some("S1"),
            terms: &terms,
            day: Some(5),
            record: Some(("{}", "T", 1)),
        })
        .unwrap();
        assert!(s.contains_hash(&h).unwrap());
        assert!(!s
            .contains_hash(&content_hash(&raw("a", "Body two.")))
            .unwrap());
        // The same content again violates the unique hash: nothing half-written.
        assert!(s
            .add(&NewReport {
                raw: &r,
                hash: &h,
                story: Some("S1"),
                terms: &terms,
                day: None,
                record: None
            })
            .is_err());
        assert_eq!(s.report_count().unwrap(), 1);
        assert_eq!(s.free_id("a").unwrap(), "a~2");
        drop(s);
        let s = Store::open(&path).unwrap();
        assert_eq!(s.raw_reports("S1").unwrap(), vec![r]);
        assert_eq!(s.grouping_rows().unwrap()[0].terms, terms);
        assert_eq!(
            s.stories().unwrap(),
            vec![StoryRow {
                id: "S1".into(),
                headline: "T".into(),
                report_count: 1
            }]
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
