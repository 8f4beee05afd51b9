//! Export: every document as the JSON line import reads, with its whole
//! description put back (the stored answer has it cut for the API).

use std::io::Write;

use sepiola_model::DocKind;
use tantivy::TantivyDocument;
use tantivy::schema::Value;

use crate::error::IndexError;
use crate::execute::stored_text;
use crate::kinds::fields::Common;
use crate::search_index::SearchIndex;

impl SearchIndex {
    /// Writes every document as a JSON line (the import format). Returns
    /// the number of lines.
    pub fn export(&self, out: &mut dyn Write) -> Result<u64, IndexError> {
        let mut n = 0;
        for k in DocKind::ALL {
            let part = self.part(k);
            let searcher = part.index().searcher();
            for seg in searcher.segment_readers() {
                let store = seg
                    .get_store_reader(16)
                    .map_err(|e| IndexError::Corrupt(e.to_string()))?;
                for d in store.iter::<TantivyDocument>(seg.alive_bitset()) {
                    let body = export_body(&d?, part.common())?;
                    write_line(out, k, &body).map_err(IndexError::Export)?;
                    n += 1;
                }
            }
        }
        Ok(n)
    }
}

/// `{"kind":"<kind>",<the object's fields>}` and a newline.
fn write_line(out: &mut dyn Write, kind: DocKind, body: &str) -> std::io::Result<()> {
    out.write_all(br#"{"kind":""#)?;
    out.write_all(kind.as_str().as_bytes())?;
    out.write_all(b"\",")?;
    out.write_all(body.get(1..).unwrap_or_default().as_bytes())?;
    out.write_all(b"\n")
}

/// The stored JSON of a document with its whole description put back
/// (export, and the rewrite of embedded actors).
pub(crate) fn export_body(d: &TantivyDocument, c: &Common) -> Result<String, IndexError> {
    whole_document(d, c.doc, Some(c.full_description))
}

/// The stored answer JSON of a document (`doc`), with the whole description
/// (`full`, stored only when the answer's was cut) put back: the document as
/// it was indexed. Export and the schema rebuild read documents this way.
pub(crate) fn whole_document(
    d: &TantivyDocument,
    doc: tantivy::schema::Field,
    full: Option<tantivy::schema::Field>,
) -> Result<String, IndexError> {
    let body = stored_text(d, doc)?;
    let Some(full) = full.and_then(|f| d.get_first(f)).and_then(|v| v.as_str()) else {
        return Ok(body.to_string());
    };
    let mut value: serde_json::Value =
        serde_json::from_str(body).map_err(|e| IndexError::Corrupt(e.to_string()))?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("description".into(), serde_json::Value::from(full));
    }
    serde_json::to_string(&value).map_err(|e| IndexError::Corrupt(e.to_string()))
}
