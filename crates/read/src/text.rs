//! Plain-text and Markdown reports: optional front matter, a headline line, the body.
//!
//! Front matter is a block between two `---` lines at the top holding `key: value`
//! lines; the keys `title`, `outlet`, `published`, `url` and `id` are read, others ignored.

use corroborate_model::{InputError, RawReport};

use crate::json::parse_date;

/// Parses one text report. `stem` is the default id.
pub fn parse(path: &str, stem: &str, text: &str) -> Result<RawReport, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut report = RawReport {
        id: stem.to_string(),
        path: path.to_string(),
        title: String::new(),
        outlet: None,
        published: None,
        url: None,
        body: String::new(),
        meta: Default::default(),
    };
    let mut rest = text;
    if let Some(after) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    {
        let Some(end) = after.find("\n---") else {
            return Err(InputError::at_line(
                path,
                1,
                "front matter opened with --- is never closed",
            ));
        };
        for (i, line) in after[..end].lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                return Err(InputError::at_line(
                    path,
                    i + 2,
                    "front matter line is not `key: value`",
                ));
            };
            let value = value.trim().trim_matches('"').to_string();
            match key.trim() {
                "title" => report.title = value,
                "outlet" => report.outlet = Some(value).filter(|v| !v.is_empty()),
                "url" => report.url = Some(value).filter(|v| !v.is_empty()),
                "id" if !value.is_empty() => report.id = value,
                "published" => {
                    report.published = Some(parse_date(&value).ok_or_else(|| {
                        InputError::at_line(
                            path,
                            i + 2,
                            format!("published date {value:?} is not an ISO date"),
                        )
                    })?)
                }
                _ => {}
            }
        }
        rest = after[end + 4..].trim_start_matches(['-']);
    }
    let mut lines = rest.lines().map(str::trim_end);
    if report.title.is_empty() {
        for line in lines.by_ref() {
            let t = line.trim().trim_start_matches('#').trim();
            if !t.is_empty() {
                report.title = t.to_string();
                break;
            }
        }
    }
    report.body = lines.collect::<Vec<_>>().join("\n").trim().to_string();
    if report.title.is_empty() {
        return Err(InputError::new(
            path,
            "no text: the file holds no headline or body",
        ));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_non_empty_line_is_the_headline() {
        let r = parse(
            "x.txt",
            "x",
            "\n\n  Headline here\n\nBody one.\nBody two.\n",
        )
        .unwrap();
        assert_eq!(r.title, "Headline here");
        assert_eq!(r.body, "Body one.\nBody two.");
        assert_eq!(r.id, "x");
    }

    #[test]
    fn front_matter_sets_metadata() {
        let r = parse(
            "x.md",
            "x",
            "---\noutlet: The Valley Courier\npublished: 2024-03-07\nid: vc-1\n---\n# A headline\nText.",
        )
        .unwrap();
        assert_eq!(r.outlet.as_deref(), Some("The Valley Courier"));
        assert_eq!(r.published.unwrap().to_string(), "2024-03-07");
        assert_eq!(r.id, "vc-1");
        assert_eq!(r.title, "A headline");
    }

    #[test]
    fn bad_front_matter_is_an_error_with_a_line() {
        let e = parse("x.md", "x", "---\npublished: someday\n---\nT\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.reason.contains("ISO date"));
    }
}
