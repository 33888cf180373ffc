//! Reading the JSON document back for the human-facing renderers.

use serde_json::Value;

/// A string field, or "" where it is absent or not a string.
pub fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// An array of strings, skipping anything else.
pub fn list(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().map(s).collect())
        .unwrap_or_default()
}

/// ", line N" style suffix for an error's optional line.
pub fn line_suffix(e: &Value) -> String {
    e["line"]
        .as_u64()
        .map(|l| format!(":{l}"))
        .unwrap_or_default()
}
