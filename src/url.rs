//! TODO url
