//! TODO extract
