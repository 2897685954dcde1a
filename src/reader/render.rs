//! TODO render
