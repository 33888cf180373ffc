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

/// An incident's top-level fields with their names, in the order they are shown.
pub fn incident_fields(inc: &Value) -> [(&'static str, &Value); 11] {
    let loc = &inc["location"];
    [
        ("type", &inc["type"]),
        ("date", &inc["date"]),
        ("address", &loc["address"]),
        ("city", &loc["city"]),
        ("region", &loc["region"]),
        ("country", &loc["country"]),
        ("killed", &inc["killed"]),
        ("injured", &inc["injured"]),
        ("arrested", &inc["arrested"]),
        ("weapon", &inc["weapon"]),
        ("charge", &inc["charge"]),
    ]
}
