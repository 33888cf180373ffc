//! HTML reports (`.html`, `.htm`, optionally gzip-compressed, and JSON `html` fields):
//! main text by `rs-trafilatura`, metadata by [`crate::page_meta`].
//!
//! Why rs-trafilatura: it leads the Rust extractors on the Zyte article-extraction
//! benchmark and, measured here against the `trafilatura` crate (a port of
//! go-trafilatura) on the same 181 pages, was both more accurate and faster
//! (docs/benchmarks.md). It also transcodes legacy charsets (windows-1252, ISO-8859-1)
//! to UTF-8 and tolerates malformed markup.
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
    /// `rs-trafilatura`, the default.
    #[default]
    RsTrafilatura,
    /// The `trafilatura` crate (go-trafilatura port), for comparison only.
    #[cfg(feature = "alt-extractors")]
    Trafilatura,
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
        Extractor::RsTrafilatura => {
            let options = rs_trafilatura::Options::default();
            rs_trafilatura::extract_with_options(html, &options)
                .map(|r| r.content_text)
                .map_err(|e| format!("no article text found ({e})"))
        }
        #[cfg(feature = "alt-extractors")]
        Extractor::Trafilatura => trafilatura::extract(html, &trafilatura::Options::default())
            .map(|r| r.content_text)
            .map_err(|e| format!("no article text found ({e})")),
    }
}

/// Decodes page bytes to text: UTF-8 when valid, else the charset transcoding
/// rs-trafilatura does (declared or detected legacy encodings).
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => rs_trafilatura::encoding::transcode_to_utf8(bytes),
    }
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
