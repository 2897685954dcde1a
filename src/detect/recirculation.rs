//! TODO recirculation
