//! Small in-memory indexes for unit tests.

use tantivy::schema::{Field, STRING, Schema};
use tantivy::{Index, Searcher, TantivyDocument};

/// An index of one untokenized field named `field`: one document per entry
/// of `docs`, each of its whitespace-separated words a value of the field.
pub(crate) fn words_index<S: AsRef<str>>(
    field: &str,
    docs: impl IntoIterator<Item = S>,
) -> (Searcher, Field) {
    let mut b = Schema::builder();
    let f = b.add_text_field(field, STRING);
    let index = Index::create_in_ram(b.build());
    let mut w = index
        .writer_with_num_threads(1, 15_000_000)
        .expect("writer");
    for words in docs {
        let mut doc = TantivyDocument::new();
        for word in words.as_ref().split_whitespace() {
            doc.add_text(f, word);
        }
        w.add_document(doc).expect("add");
    }
    w.commit().expect("commit");
    (index.reader().expect("reader").searcher(), f)
}
