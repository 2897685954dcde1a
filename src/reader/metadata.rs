//! TODO metadata
