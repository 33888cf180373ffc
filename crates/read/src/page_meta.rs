//! Metadata of a web page, each field with where it came from: title, site name (the
//! outlet), canonical URL, authors, publication date, language.
//!
//! Sources, in order of trust: JSON-LD (`NewsArticle` and kin), Open Graph and article
//! meta tags, other meta tags, `<time>` elements, a date in the URL's path, then the
//! extractor's own guess. Parsed with `scraper` (html5ever), which the extractor already
//! depends on.

use chrono::{DateTime, NaiveDate};
use regex::Regex;
use scraper::{Html, Selector};
use serde_json::Value;

use crate::json::parse_date;

/// What a page says about itself; each value with its source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    pub title: Option<(String, &'static str)>,
    pub site_name: Option<(String, &'static str)>,
    pub url: Option<(String, &'static str)>,
    pub canonical_url: Option<(String, &'static str)>,
    pub authors: Vec<String>,
    pub authors_source: &'static str,
    pub published: Option<(NaiveDate, &'static str)>,
    pub language: Option<(String, &'static str)>,
}

/// A selector built from the constant patterns of this module (covered by its tests).
fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| {
        Selector::parse("corroborate-never-matches").expect("a plain tag name parses")
    })
}

fn meta(doc: &Html, attr: &str, name: &str) -> Option<String> {
    let s = sel(&format!("meta[{attr}=\"{name}\"]"));
    doc.select(&s)
        .filter_map(|e| e.value().attr("content"))
        .map(|c| c.trim().to_string())
        .find(|c| !c.is_empty())
}

/// The text of the first element matching `css`.
fn first_text(doc: &Html, css: &str) -> Option<String> {
    doc.select(&sel(css))
        .next()
        .map(|e| clean(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty())
}

/// An attribute of the first element matching `css`.
fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    doc.select(&sel(css))
        .filter_map(|e| e.value().attr(attr))
        .map(|a| a.trim().to_string())
        .find(|a| !a.is_empty())
}

/// White space collapsed and character references decoded: JSON-LD strings often carry
/// HTML entities ("&#163;", "&amp;") that no HTML parser has seen.
fn clean(s: &str) -> String {
    let decoded = if s.contains('&') && s.contains(';') {
        Html::parse_fragment(s)
            .root_element()
            .text()
            .collect::<String>()
    } else {
        s.to_string()
    };
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date from an ISO date or date-time, or an RFC 2822 date.
pub fn date_of(s: &str) -> Option<NaiveDate> {
    parse_date(s).or_else(|| {
        DateTime::parse_from_rfc2822(s.trim())
            .ok()
            .map(|d| d.date_naive())
    })
}

/// JSON-LD objects of the page, flattened (`@graph` and arrays opened).
fn json_ld(doc: &Html) -> Vec<Value> {
    let mut out = Vec::new();
    for node in doc.select(&sel("script[type=\"application/ld+json\"]")) {
        let text: String = node.text().collect();
        let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items),
                Value::Object(ref o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g.clone());
                    }
                    out.push(v);
                }
                _ => {}
            }
        }
    }
    out
}

fn is_article(v: &Value) -> bool {
    let types: Vec<&str> = match &v["@type"] {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    types
        .iter()
        .any(|t| t.ends_with("Article") || *t == "BlogPosting" || *t == "Report" || *t == "WebPage")
}

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![clean(s)],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![clean(s)])
            .unwrap_or_default(),
        Value::Array(a) => a.iter().flat_map(names).collect(),
        _ => vec![],
    }
}

/// A date in a URL's path: `/2016/01/07/` or `2016-01-07`.
fn url_date(url: &str) -> Option<NaiveDate> {
    let re =
        Regex::new(r"(?:^|[/_-])((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)").ok()?;
    let c = re.captures(url)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// The page's metadata.
pub fn extract(html: &str) -> PageMeta {
    let doc = Html::parse_document(html);
    let ld = json_ld(&doc);
    let article = ld
        .iter()
        .find(|v| is_article(v) && v.get("headline").is_some())
        .or_else(|| ld.iter().find(|v| is_article(v)));
    let ld_str = |key: &str| {
        article
            .and_then(|a| a.get(key))
            .and_then(Value::as_str)
            .map(clean)
            .filter(|s| !s.is_empty())
    };

    let title = ld_str("headline")
        .map(|t| (t, "json-ld headline"))
        .or_else(|| meta(&doc, "property", "og:title").map(|t| (clean(&t), "og:title")))
        .or_else(|| meta(&doc, "name", "twitter:title").map(|t| (clean(&t), "twitter:title")))
        .or_else(|| first_text(&doc, "title").map(|t| (t, "<title>")))
        .or_else(|| first_text(&doc, "h1").map(|t| (t, "<h1>")));

    let publisher = article
        .and_then(|a| a.get("publisher"))
        .map(names)
        .and_then(|n| n.into_iter().next());
    let site_name = meta(&doc, "property", "og:site_name")
        .map(|s| (clean(&s), "og:site_name"))
        .or_else(|| publisher.map(|p| (p, "json-ld publisher")))
        .or_else(|| {
            meta(&doc, "name", "application-name").map(|s| (clean(&s), "application-name"))
        });

    let canonical_url = first_attr(&doc, "link[rel=\"canonical\"]", "href")
        .map(|h| (h, "link rel=canonical"))
        .filter(|(h, _)| h.starts_with("http"));
    let url = meta(&doc, "property", "og:url")
        .filter(|u| u.starts_with("http"))
        .map(|u| (u, "og:url"));

    let ld_authors = article
        .and_then(|a| a.get("author"))
        .map(names)
        .unwrap_or_default();
    let (mut authors, authors_source) = if !ld_authors.is_empty() {
        (ld_authors, "json-ld author")
    } else if let Some(a) =
        meta(&doc, "name", "author").or_else(|| meta(&doc, "property", "article:author"))
    {
        (vec![clean(&a)], "meta author")
    } else {
        (Vec::new(), "")
    };
    authors.retain(|a| !a.is_empty() && !a.starts_with("http"));
    authors.dedup();

    let from_url = canonical_url
        .as_ref()
        .or(url.as_ref())
        .and_then(|(u, _)| url_date(u));
    let published = ld_str("datePublished")
        .and_then(|d| date_of(&d))
        .map(|d| (d, "json-ld datePublished"))
        .or_else(|| {
            meta(&doc, "property", "article:published_time")
                .and_then(|d| date_of(&d))
                .map(|d| (d, "article:published_time"))
        })
        .or_else(|| {
            [
                "pubdate",
                "publishdate",
                "date",
                "dc.date.issued",
                "DC.date.issued",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
            ]
            .iter()
            .find_map(|n| meta(&doc, "name", n).and_then(|d| date_of(&d)))
            .map(|d| (d, "meta date"))
        })
        .or_else(|| {
            meta(&doc, "itemprop", "datePublished")
                .and_then(|d| date_of(&d))
                .map(|d| (d, "itemprop datePublished"))
        })
        .or_else(|| {
            doc.select(&sel("time[datetime]"))
                .find_map(|e| e.value().attr("datetime").and_then(date_of))
                .map(|d| (d, "<time datetime>"))
        })
        .or_else(|| from_url.map(|d| (d, "url path")));

    let language = first_attr(&doc, "html", "lang")
        .map(|l| (l, "html lang"))
        .or_else(|| meta(&doc, "http-equiv", "content-language").map(|l| (l, "content-language")))
        .or_else(|| ld_str("inLanguage").map(|l| (l, "json-ld inLanguage")))
        .or_else(|| {
            meta(&doc, "property", "og:locale").map(|l| (l.replace('_', "-"), "og:locale"))
        });
    PageMeta {
        title,
        site_name,
        url,
        canonical_url,
        authors,
        authors_source,
        published,
        language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_and_each_field_says_where_it_came_from() {
        let html = r#"<html lang="en-GB"><head><title>Ferry sinks | The Tide</title>
            <meta property="og:site_name" content="The Tide">
            <meta property="og:title" content="Ferry sinks off the cape">
            <link rel="canonical" href="https://tide.example/2021/06/02/ferry-sinks">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
              "headline":"Ferry sinks off the cape, 12 rescued","datePublished":"2021-06-03T08:00:00+01:00",
              "author":[{"@type":"Person","name":"Ines Duarte"},{"@type":"Person","name":"Bo Lind"}],
              "publisher":{"@type":"Organization","name":"The Tide Ltd"}}]}</script></head><body></body></html>"#;
        let m = extract(html);
        assert_eq!(
            m.title,
            Some((
                "Ferry sinks off the cape, 12 rescued".into(),
                "json-ld headline"
            ))
        );
        assert_eq!(m.site_name, Some(("The Tide".into(), "og:site_name")));
        assert_eq!(
            m.published,
            Some((
                NaiveDate::from_ymd_opt(2021, 6, 3).unwrap(),
                "json-ld datePublished"
            ))
        );
        assert_eq!(m.authors, ["Ines Duarte", "Bo Lind"]);
        assert_eq!(m.language, Some(("en-GB".into(), "html lang")));
        assert_eq!(
            m.canonical_url.unwrap().0,
            "https://tide.example/2021/06/02/ferry-sinks"
        );
    }

    #[test]
    fn entities_in_json_ld_are_decoded() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Club pays &#163;71.6m &amp; more"}</script>"#;
        assert_eq!(extract(html).title.unwrap().0, "Club pays £71.6m & more");
    }

    #[test]
    fn falls_back_to_meta_time_and_url_dates() {
        let m = extract(
            r#"<html><head><meta property="article:published_time" content="2019-11-05T10:00:00Z"><title>T</title></head></html>"#,
        );
        assert_eq!(m.published.unwrap().1, "article:published_time");
        let m = extract(r#"<html><body><time datetime="2018-02-01">Feb 1</time></body></html>"#);
        assert_eq!(
            m.published,
            Some((
                NaiveDate::from_ymd_opt(2018, 2, 1).unwrap(),
                "<time datetime>"
            ))
        );
        let m = extract(
            r#"<html><head><meta property="og:url" content="https://x.example/news/2017/03/09/story.html"></head></html>"#,
        );
        assert_eq!(
            m.published,
            Some((NaiveDate::from_ymd_opt(2017, 3, 9).unwrap(), "url path"))
        );
        assert_eq!(
            extract("<html><head><title>T</title></head></html>").published,
            None
        );
    }
}
