//! TODO boilerplate
