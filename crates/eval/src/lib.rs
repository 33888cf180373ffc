//! Evaluation: scorers and the adapters that turn a dataset of `../shared/data` into
//! reports with gold labels. Every suite reports its figures; none asserts a target
//! (targets are tracked in `docs/benchmarks.md`).

pub mod attribution;
pub mod bcubed;
pub mod ecb;
pub mod extraction;
pub mod gva;
pub mod load;
pub mod multinews;
pub mod rouge;

use std::path::{Path, PathBuf};

/// Where the shared evaluation data lives by default: `../shared/data` beside the checkout.
pub fn default_data_dir() -> PathBuf {
    PathBuf::from("../shared/data")
}

/// A clear message for a missing dataset, so callers can skip instead of failing.
pub fn missing(dir: &Path) -> String {
    format!("dataset not found at {} (evaluation data lives in ../shared/data beside the checkout); skipping", dir.display())
}
