//! The gazetteer loader on any file, as an entity gazetteer, a cue
//! lexicon and a word list. Properties: no panic; every diagnostic names
//! the file and a line that exists in it; no message is longer than a few
//! hundred bytes whatever the line (a 1 MB alias is not printed whole).
#![no_main]

use kabar::GazetteerBuilder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(content) = std::str::from_utf8(data) else {
        return;
    };
    let lines = content.lines().count() as u64;
    for name in ["user.tsv", "cues-id.tsv", "titles-en.txt"] {
        let mut b = GazetteerBuilder::new();
        b.add_str(name, content);
        let (_g, diags) = b.build();
        for d in &diags {
            assert_eq!(d.location.path.to_string_lossy(), name, "{d}");
            if let Some(l) = d.location.line {
                assert!(1 <= l && l <= lines.max(1), "{d}");
            }
            assert!(
                d.message.len() <= 600,
                "{} bytes: {:.200}",
                d.message.len(),
                d.message
            );
        }
    }
});
