//! The values both core wasm packages take from JS and give back; `crates/reader-wasm` includes
//! this file by path, so the two modules share it without one exporting the other's functions.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use bersih::analysis::Options;

/// Options as JS passes them: an object whose fields may each be missing, or nothing.
pub fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    Ok(serde_wasm_bindgen::from_value(value)?)
}

/// A value as JSON-compatible JS (`null` for `None`, objects for structs).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}
