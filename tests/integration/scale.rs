//! Batch runs at scale: compressed input, binary files, size limits, shards, stats, interruption.
