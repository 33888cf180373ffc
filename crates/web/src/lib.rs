//! The web UI and JSON API over the store (axum, server-rendered pages without
//! JavaScript):
//!
//! - `GET /`: stories, newest first, with counts of reports, origins and disputes;
//!   `?q=` searches the reports' text;
//! - `GET /stories/{id}`: the brief with links to its reports, the incident record with
//!   disputed fields highlighted, facts, the source graph (SVG), and each report's cleaned
//!   text with its mentions and credits highlighted and its removed boilerplate folded;
//! - `GET /api/v1/stories`, `GET /api/v1/stories/{id}` (the story object of `analyze --format
//!   json`), `GET /api/v1/search?q=`; `POST /api/v1/reports` ingests one report object, only
//!   when the server was started with a token, and then only with that bearer token.
//!
//! Errors are JSON bodies `{"error": {"code", "message"}}` with the matching status. Request
//! bodies are capped ([`MAX_BODY`]) and each client address is rate limited
//! ([`Limits::per_minute`]). Report text is untrusted: every page escapes it.

pub mod html;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corroborate_knowledge::Knowledge;
use corroborate_store::Store;
use serde::Deserialize;
use serde_json::{json, Value};

/// Largest request body accepted (a report object), in bytes.
pub const MAX_BODY: usize = 1 << 20;

/// Request limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Requests per minute per client address.
    pub per_minute: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { per_minute: 6000 }
    }
}

/// What the server needs.
pub struct AppState {
    pub store: Mutex<Store>,
    pub db: PathBuf,
    pub knowledge: Knowledge,
    /// Writing is enabled only when a token is set.
    pub token: Option<String>,
    pub limits: Limits,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl AppState {
    pub fn new(
        store: Store,
        db: PathBuf,
        knowledge: Knowledge,
        token: Option<String>,
        limits: Limits,
    ) -> Self {
        AppState {
            store: Mutex::new(store),
            db,
            knowledge,
            token,
            limits,
            buckets: Mutex::new(HashMap::new()),
        }
    }
}

type Shared = Arc<AppState>;

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(json!({"error": {"code": code, "message": message}})),
    )
        .into_response()
}

fn internal(e: impl std::fmt::Display) -> Response {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        &e.to_string(),
    )
}

/// The application's routes.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(stories_page))
        .route("/stories/{id}", get(story_page))
        .route("/api/v1/stories", get(api_stories))
        .route("/api/v1/stories/{id}", get(api_story))
        .route("/api/v1/search", get(api_search))
        .route("/api/v1/reports", post(api_post_report))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), rate_limit))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(state)
}

/// Serves until the process ends.
pub async fn serve(state: Shared, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

async fn rate_limit(State(st): State<Shared>, req: Request, next: Next) -> Response {
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(ip) = ip {
        let rate = st.limits.per_minute as f64;
        let mut buckets = st.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        let (tokens, last) = buckets.entry(ip).or_insert((rate, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * rate / 60.0).min(rate);
        *last = now;
        if *tokens < 1.0 {
            return error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "too many requests; slow down",
            );
        }
        *tokens -= 1.0;
    }
    next.run(req).await
}

async fn not_found(req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        error(StatusCode::NOT_FOUND, "not_found", "no such endpoint")
    } else {
        (
            StatusCode::NOT_FOUND,
            Html(html::page("Not found", "<h1>Not found</h1>")),
        )
            .into_response()
    }
}

/// A story's summary row from its record.
fn summary(record: &Value) -> Value {
    let origins = record["origins"]
        .as_array()
        .map_or(0, |o| o.iter().filter(|x| x["named"] == true).count());
    let disputes = record["facts"].as_array().map_or(0, |f| {
        f.iter().filter(|x| x["status"] == "disputed").count()
    });
    json!({
        "id": record["id"],
        "headline": record["headline"],
        "reports": record["reports"],
        "report_count": record["reports"].as_array().map_or(0, |r| r.len()),
        "origins": origins,
        "disputes": disputes,
    })
}

/// Summary rows of the given stories (all, newest first, when `ids` is None).
fn rows(st: &AppState, ids: Option<Vec<String>>) -> Result<Vec<Value>, String> {
    let store = st.store.lock().unwrap_or_else(|p| p.into_inner());
    let ids = match ids {
        Some(ids) => ids,
        None => store
            .stories()
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|s| s.id)
            .collect(),
    };
    let mut out = Vec::new();
    for id in ids {
        if let Some(r) = store.story_record(&id).map_err(|e| e.to_string())? {
            let v: Value = serde_json::from_str(&r).map_err(|e| e.to_string())?;
            out.push(summary(&v));
        }
    }
    Ok(out)
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
}

async fn stories_page(State(st): State<Shared>, Query(q): Query<SearchQuery>) -> Response {
    let query = q.q.filter(|x| !x.trim().is_empty());
    let ids = match &query {
        Some(q) => match st
            .store
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .search(q.trim())
        {
            Ok(ids) => Some(ids),
            Err(e) => return internal(e),
        },
        None => None,
    };
    match rows(&st, ids) {
        Ok(r) => Html(html::stories(&r, query.as_deref())).into_response(),
        Err(e) => internal(e),
    }
}

async fn story_page(State(st): State<Shared>, Path(id): Path<String>) -> Response {
    let (record, raws) = {
        let store = st.store.lock().unwrap_or_else(|p| p.into_inner());
        let record = match store.story_record(&id) {
            Ok(Some(r)) => r,
            Ok(None) => {
                return (
                    StatusCode::NOT_FOUND,
                    Html(html::page("Not found", "<h1>No such story</h1>")),
                )
                    .into_response()
            }
            Err(e) => return internal(e),
        };
        match store.raw_reports(&id) {
            Ok(raws) => (record, raws),
            Err(e) => return internal(e),
        }
    };
    let story: Value = match serde_json::from_str(&record) {
        Ok(v) => v,
        Err(e) => return internal(e),
    };
    let mut views: Vec<html::ReportView> = raws
        .into_iter()
        .map(|raw| {
            let r = corroborate_read::prepare(raw, &st.knowledge);
            html::ReportView {
                id: r.id,
                outlet: r.outlet,
                published: r.published.map(|d| d.to_string()),
                text: r.text,
                removed: r.removed.into_iter().map(|l| (l.text, l.reason)).collect(),
            }
        })
        .collect();
    views.sort_by(|a, b| a.id.cmp(&b.id));
    Html(html::story(&story, &views)).into_response()
}

async fn api_stories(State(st): State<Shared>) -> Response {
    match rows(&st, None) {
        Ok(r) => Json(json!({"stories": r})).into_response(),
        Err(e) => internal(e),
    }
}

async fn api_story(State(st): State<Shared>, Path(id): Path<String>) -> Response {
    match st
        .store
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .story_record(&id)
    {
        Ok(Some(r)) => ([(header::CONTENT_TYPE, "application/json")], r).into_response(),
        Ok(None) => error(
            StatusCode::NOT_FOUND,
            "not_found",
            &format!("no story {id}"),
        ),
        Err(e) => internal(e),
    }
}

async fn api_search(State(st): State<Shared>, Query(q): Query<SearchQuery>) -> Response {
    let Some(query) = q.q.filter(|x| !x.trim().is_empty()) else {
        return error(
            StatusCode::BAD_REQUEST,
            "missing_query",
            "give a search query as ?q=",
        );
    };
    let ids = match st
        .store
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .search(query.trim())
    {
        Ok(ids) => ids,
        Err(e) => return internal(e),
    };
    match rows(&st, Some(ids)) {
        Ok(r) => Json(json!({"query": query, "stories": r})).into_response(),
        Err(e) => internal(e),
    }
}

async fn api_post_report(State(st): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(token) = &st.token else {
        return error(
            StatusCode::FORBIDDEN,
            "writing_disabled",
            "this server was started without a token; writing is off",
        );
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if given != Some(token.as_str()) {
        return error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "a valid bearer token is required",
        );
    }
    if serde_json::from_slice::<Value>(&body)
        .map(|v| !v.is_object())
        .unwrap_or(true)
    {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_report",
            "the body must be one JSON report object",
        );
    }
    let st2 = st.clone();
    let result = tokio::task::spawn_blocking(move || -> Result<Value, String> {
        let dir = std::env::temp_dir().join(format!("corroborate-post-{}-{}", std::process::id(), rand_suffix()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let file = dir.join("report.jsonl");
        let mut line = body.to_vec();
        line.retain(|&b| b != b'\n' && b != b'\r');
        line.push(b'\n');
        std::fs::write(&file, line).map_err(|e| e.to_string())?;
        let mut store = st2.store.lock().unwrap_or_else(|p| p.into_inner());
        let summary = corroborate_pipeline::ingest::ingest(&mut store, &[file], &st2.knowledge, &Default::default(), &mut |_, _| {})
            .map_err(|e| e.to_string());
        let _ = std::fs::remove_dir_all(&dir);
        let summary = summary?;
        if let Some(e) = summary.failed.first() {
            return Err(format!("bad report: {}", e.reason));
        }
        Ok(json!({"added": summary.added, "duplicates": summary.duplicates, "stories": summary.touched}))
    })
    .await;
    match result {
        Ok(Ok(v)) if v["added"] == 1 => (StatusCode::CREATED, Json(v)).into_response(),
        Ok(Ok(v)) => (StatusCode::OK, Json(v)).into_response(),
        Ok(Err(e)) if e.starts_with("bad report") => {
            error(StatusCode::UNPROCESSABLE_ENTITY, "bad_report", &e)
        }
        Ok(Err(e)) => internal(e),
        Err(e) => internal(e),
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}
