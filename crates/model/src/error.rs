//! Errors about one input: they name the file (and line) and never stop the others.

use std::fmt;

/// One input that could not be read, or one part of it (a JSON line) that was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file the problem is in.
    pub path: String,
    /// The 1-based line, for line-oriented formats.
    pub line: Option<usize>,
    /// What went wrong, in words a user understands.
    pub reason: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            line: None,
            reason: reason.into(),
        }
    }

    pub fn at_line(path: impl Into<String>, line: usize, reason: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            line: Some(line),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

impl std::error::Error for InputError {}
