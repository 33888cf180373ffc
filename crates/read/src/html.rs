//! HTML reports (`.html`, `.htm`, optionally gzip-compressed, and JSON `html` fields):
//! main text by the `trafilatura` crate, metadata by [`crate::page_meta`].
//!
//! Why the `trafilatura` crate (a Rust port of go-trafilatura): measured on the Zyte
//! article-extraction benchmark's 181 pages against `rs-trafilatura`, the other leading
//! Rust extractor, it scored the same F1 (0.957 against 0.957; 0.956 against 0.955 after
//! corroborate's line cleaner) with higher precision, and ran 2.4 times as fast on one
//! thread (about 170 against 72 pages/s); docs/benchmarks.md has the table and the command.
//! rs-trafilatura stays available behind the `alt-extractors` feature to rerun that
//! comparison.
//!
//! ReadOptions, for hostile input (each gives a per-file error, never a panic or a hang):
//! - the file and its decompressed form are capped by `ReadOptions::max_bytes`;
//! - element nesting deeper than [`MAX_DEPTH`] is refused before parsing, since a tree
//!   that deep could exhaust the stack in any recursive walk of it;
//! - a page whose main text cannot be found is reported as such.

use std::io::Read;

use corroborate_model::{InputError, RawReport, ReportMeta};

use crate::page_meta;

/// Deepest element nesting accepted (real pages stay far below 100).
pub const MAX_DEPTH: usize = 512;

/// Which main-text extractor to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Extractor {
    /// The `trafilatura` crate (go-trafilatura port), the default.
    #[default]
    Trafilatura,
    /// `rs-trafilatura`, for comparison only.
    #[cfg(feature = "alt-extractors")]
    RsTrafilatura,
}

/// Decompresses gzip data, refusing more than `max` bytes of output.
pub fn gunzip(bytes: &[u8], max: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(max + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("not valid gzip data: {e}"))?;
    if out.len() as u64 > max {
        return Err(format!(
            "decompresses to more than the limit of {max} bytes"
        ));
    }
    Ok(out)
}

/// The deepest element nesting of the markup, by a linear scan of its tags (void elements,
/// self-closing tags, comments, doctype, script and style bodies are skipped).
pub fn nesting_depth(html: &[u8]) -> usize {
    const VOID: [&[u8]; 16] = [
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"param", b"source", b"track", b"wbr", b"p", b"li",
    ];
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = html[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        let rest = &html[i..];
        if rest.starts_with(b"!--") {
            i += find(rest, b"-->").map_or(rest.len(), |p| p + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = closing as usize;
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
        let self_closing = end > 0 && rest[end - 1] == b'/';
        i += end;
        if VOID.contains(&name.as_slice()) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
            // Raw text elements: skip to their end tag.
            if name == b"script" || name == b"style" {
                let close: &[u8] = if name == b"script" {
                    b"</script"
                } else {
                    b"</style"
                };
                let lower: Vec<u8> = html[i..].iter().map(|b| b.to_ascii_lowercase()).collect();
                i += find(&lower, close).unwrap_or(lower.len());
            }
        }
    }
    max
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The main text of a page, paragraphs separated by newlines.
pub fn main_text(html: &str, extractor: Extractor) -> Result<String, String> {
    match extractor {
        Extractor::Trafilatura => trafilatura::extract(html, &trafilatura::Options::default())
            .map(|r| paragraphs(&r.content_html))
            .map_err(|e| format!("no article text found ({e})")),
        #[cfg(feature = "alt-extractors")]
        Extractor::RsTrafilatura => {
            rs_trafilatura::extract_with_options(html, &rs_trafilatura::Options::default())
                .map(|r| r.content_text)
                .map_err(|e| format!("no article text found ({e})"))
        }
    }
}

/// Elements that start a new line of text.
const BLOCKS: [&str; 28] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "dd",
    "dt",
    "hr",
    "caption",
];

/// The text of an HTML fragment, one line per block element, white space collapsed:
/// the line structure the boilerplate cleaner and the sentence splitter rely on.
pub fn paragraphs(fragment: &str) -> String {
    use scraper::node::Node;
    let doc = scraper::Html::parse_fragment(fragment);
    let mut text = String::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Text(t) => text.push_str(&t.replace(['\n', '\r'], " ")),
                Node::Element(e) if BLOCKS.contains(&e.name()) => text.push('\n'),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if BLOCKS.contains(&e.name()) {
                        text.push('\n');
                    }
                }
            }
        }
    }
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Decodes page bytes to text. Valid UTF-8 is UTF-8 whatever the page declares (a wrong
/// declaration is common, an accidental valid UTF-8 sequence is not); otherwise the BOM or
/// the declared charset (`<meta charset>`, `http-equiv` content type) is used, and
/// windows-1252, the web's usual legacy encoding, when none is declared.
pub fn decode(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let encoding = encoding_rs::Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| declared_charset(bytes))
        .filter(|e| *e != encoding_rs::UTF_8)
        .unwrap_or(encoding_rs::WINDOWS_1252);
    encoding.decode(bytes).0.into_owned()
}

/// The charset a page declares in its first 4 KiB.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// A report from the bytes of an HTML page. `stem` is the default id.
pub fn parse(
    path: &str,
    stem: &str,
    bytes: &[u8],
    extractor: Extractor,
) -> Result<RawReport, InputError> {
    let depth = nesting_depth(bytes);
    if depth > MAX_DEPTH {
        return Err(InputError::new(
            path,
            format!("HTML nested {depth} elements deep, over the limit of {MAX_DEPTH}"),
        ));
    }
    let html = decode(bytes);
    let meta = page_meta::extract(&html);
    let body = main_text(&html, extractor).map_err(|e| InputError::new(path, e))?;
    if body.trim().is_empty() {
        return Err(InputError::new(path, "no article text found in the page"));
    }
    let mut sources = Vec::new();
    let mut take = |field: &str, v: &Option<(String, &'static str)>| {
        v.as_ref().map(|(value, src)| {
            sources.push((field.to_string(), src.to_string()));
            value.clone()
        })
    };
    let title = take("title", &meta.title);
    let outlet = take("outlet", &meta.site_name);
    let url = take("url", &meta.url);
    let canonical_url = take("canonical_url", &meta.canonical_url);
    let language = take("language", &meta.language);
    let published = meta.published.as_ref().map(|(d, src)| {
        sources.push(("published".into(), src.to_string()));
        *d
    });
    if !meta.authors.is_empty() {
        sources.push(("authors".into(), meta.authors_source.to_string()));
    }
    // Without a title, the first line of the text stands in (as for plain text).
    let (title, body) = match title {
        Some(t) => (t, body),
        None => match body.trim().split_once('\n') {
            Some((first, rest)) => (first.trim().to_string(), rest.to_string()),
            None => (body.trim().to_string(), String::new()),
        },
    };
    Ok(RawReport {
        id: stem.to_string(),
        path: path.to_string(),
        title,
        outlet,
        published,
        url: url.or_else(|| canonical_url.clone()),
        body,
        meta: ReportMeta {
            authors: meta.authors,
            language,
            canonical_url,
            sources,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_nesting_not_siblings() {
        assert_eq!(
            nesting_depth(b"<html><body><div><p>a<p>b</div></body></html>"),
            3
        );
        assert_eq!(nesting_depth(b"<div><br><img src=x><hr/></div>"), 1);
        let deep = "<div>".repeat(10_000);
        assert_eq!(nesting_depth(deep.as_bytes()), 10_000);
        assert_eq!(
            nesting_depth(b"<script>if (a<b) { x = '<div><div>'; }</script><div></div>"),
            1
        );
    }

    #[test]
    fn decodes_declared_and_undeclared_legacy_charsets() {
        assert_eq!(decode("caf\u{e9}".as_bytes()), "café");
        assert_eq!(
            decode(b"<meta charset=\"iso-8859-1\">caf\xe9"),
            "<meta charset=\"iso-8859-1\">café"
        );
        // Declared UTF-8 but written in Latin-1: still readable.
        assert_eq!(
            decode(b"<meta charset=utf-8>caf\xe9"),
            "<meta charset=utf-8>café"
        );
        assert_eq!(
            decode(b"<meta charset=\"windows-1251\">\xcc\xee\xf1\xea\xe2\xe0"),
            "<meta charset=\"windows-1251\">Москва"
        );
    }

    #[test]
    fn paragraphs_keep_block_structure() {
        let t = paragraphs("<div><h1>Title</h1><p>One <b>bold</b>\n word.</p><ul><li>a</li><li>b</li></ul>tail<br>end</div>");
        assert_eq!(t, "Title\nOne bold word.\na\nb\ntail\nend");
    }

    #[test]
    fn gunzip_respects_the_limit() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&vec![b'a'; 10_000]).unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(gunzip(&gz, 20_000).unwrap().len(), 10_000);
        assert!(gunzip(&gz, 5_000).unwrap_err().contains("limit"));
        assert!(gunzip(b"not gzip", 100).is_err());
    }
}
