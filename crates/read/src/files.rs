//! File system side of reading: walking directories, size and content checks, ids.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use corroborate_model::{InputError, RawReport};

/// Files larger than this are refused (a news report is a few tens of kilobytes; a JSONL
/// corpus of thousands of reports is a few tens of megabytes).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// What readers accept and how they read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Largest file accepted, and largest decompressed size of a compressed one.
    pub max_bytes: u64,
    /// The main-text extractor for HTML.
    pub extractor: crate::html::Extractor,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            extractor: Default::default(),
        }
    }
}

/// The files a path stands for, each with whether it was named explicitly.
pub fn expand(path: &Path, errors: &mut Vec<InputError>) -> Vec<(PathBuf, bool)> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(InputError::new(path.display().to_string(), io_reason(&e)));
            return Vec::new();
        }
    };
    if meta.is_file() {
        return vec![(path.to_path_buf(), true)];
    }
    let mut out = Vec::new();
    walk(path, &mut out, errors);
    out.sort();
    out.into_iter().map(|p| (p, false)).collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(InputError::new(dir.display().to_string(), io_reason(&e)));
            return;
        }
    };
    for entry in entries.flatten() {
        let p = entry.path();
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out, errors),
            Ok(t) if t.is_file() || t.is_symlink() => out.push(p),
            _ => {}
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The file's bytes (decompressed when `gzip`), or why it cannot be used.
pub fn read_bytes(path: &Path, limits: &ReadOptions, gzip: bool) -> Result<Vec<u8>, InputError> {
    let name = path.display().to_string();
    let file = fs::File::open(path).map_err(|e| InputError::new(&name, io_reason(&e)))?;
    let mut bytes = Vec::new();
    file.take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(&name, io_reason(&e)))?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(InputError::new(
            &name,
            format!(
                "file is larger than the limit of {} bytes",
                limits.max_bytes
            ),
        ));
    }
    if gzip {
        bytes =
            crate::html::gunzip(&bytes, limits.max_bytes).map_err(|e| InputError::new(&name, e))?;
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::new(&name, "empty file"));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(InputError::new(
            &name,
            "binary file (contains NUL bytes), not text",
        ));
    }
    Ok(bytes)
}

/// The file's contents as UTF-8 text, or why it cannot be used.
pub fn read_text(path: &Path, limits: &ReadOptions) -> Result<String, InputError> {
    let bytes = read_bytes(path, limits, false)?;
    String::from_utf8(bytes).map_err(|e| {
        InputError::new(
            path.display().to_string(),
            format!(
                "not valid UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The file name without its extensions: the default report id.
pub fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    match name.find('.') {
        Some(0) | None => name,
        Some(i) => name[..i].to_string(),
    }
}

/// Gives later reports with an id already taken a suffix (`id~2`), so ids stay unique.
pub fn make_ids_unique(reports: &mut [RawReport]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in reports.iter_mut() {
        let n = seen.entry(r.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            r.id = format!("{}~{}", r.id, n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stem_drops_all_extensions() {
        assert_eq!(stem(Path::new("a/b/003_x.html.gz")), "003_x");
        assert_eq!(stem(Path::new("report.txt")), "report");
    }

    #[test]
    fn duplicate_ids_get_suffixes() {
        let r = RawReport {
            id: "a".into(),
            path: "p".into(),
            title: "t".into(),
            outlet: None,
            published: None,
            url: None,
            body: String::new(),
            meta: Default::default(),
        };
        let mut v = vec![r.clone(), r.clone(), r];
        make_ids_unique(&mut v);
        let ids: Vec<_> = v.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~2", "a~3"]);
    }
}
