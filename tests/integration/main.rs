//! Integration tests: one binary, shared helpers in `util`.

mod cli;
mod matching;
mod props;
mod sentences;
mod util;
