//! Integration tests: one binary, shared helpers in `util`.

mod architecture;
mod cli;
mod ep;
mod gazetteer;
mod graph;
mod hostile;
mod kb;
mod matching;
mod ngec;
mod props;
mod relations;
mod scale;
mod sentences;
mod snapshot;
mod state_bodies;
mod training;
mod util;
mod workbook;
