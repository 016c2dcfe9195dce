//! Relation rules as tables of composed sentences, Indonesian and English.
