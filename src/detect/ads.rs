//! TODO ads
