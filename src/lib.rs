//! # kabar: who did what to whom, from news text
//!
//! kabar reads Indonesian and English news and writes the people,
//! countries and organisations it names, and the relations between them
//! (Putin *meet* Xi, China *support* Russia, Lavrov *official_of* Russia), as
//! CSV rows in the shape of the project's SPEC.
//!
//! ```text
//!  files / folders / stdin / JSONL
//!        │  input      BOM, CRLF, lossy UTF-8, boilerplate lines marked
//!        ▼
//!     Document ─ tokenize ──▶ sentences (abbreviations, numbers, domains, quotes)
//!        │  entities   gazetteer phrases (token boundaries, case rules), people and
//!        │             organisations by pattern, seats as places or countries
//!        ▼
//!     mentions ─ relation ──▶ triples (co_occurs on request)
//!        │  output     SPEC §3 columns, CSV or JSONL, formula-safe, atomic files
//!        ▼
//!   triples.csv, entities.csv
//! ```
//!
//! ```
//! use kabar::{Document, Pipeline};
//!
//! let pipeline = Pipeline::default(); // the compiled-in gazetteers
//! let doc = Document::new("d1", "Presiden Rusia Vladimir Putin bertemu Xi Jinping di Beijing.");
//! let analysis = pipeline.process(&doc);
//! let ids: Vec<&str> = analysis
//!     .mentions
//!     .iter()
//!     .map(|m| analysis.entity(pipeline.gazetteer(), m.entity).id.as_str())
//!     .collect();
//! assert!(ids.contains(&"Russia") && ids.contains(&"Xi_Jinping"));
//! ```

#![warn(missing_docs)]

mod analysis;
pub mod batch;
mod context;
mod entities;
pub mod error;
pub mod eval;
mod gazetteer;
pub mod graph;
pub mod input;
mod keymap;
mod lang;
pub mod output;
pub mod phrase;
mod pipeline;
mod relation;
pub mod schema;
pub mod tokenize;
mod tsv;
pub mod xlsx;

pub use analysis::{Analysis, EntityRef, Mention, MentionSource, SectionOffset, Triple};
pub use error::{Error, Result};
pub use gazetteer::{
    Alias, BodyKind, Cue, Entity, Gazetteer, GazetteerBuilder, Role, StateBody, Title, Word, id_key,
};
pub use input::Document;
pub use pipeline::{EntityPhrase, NameModel, Pipeline, PipelineBuilder};
pub use schema::{AliasKind, EntityType, Lang, Relation};
pub use tsv::{Diagnostic, Severity};
