//! The program catalog: data model, loading (bundled or from a directory) and validation.

pub mod load;
pub mod model;
pub mod validate;

pub use load::{CatalogError, CatalogErrors, CatalogSource};
pub use model::*;
