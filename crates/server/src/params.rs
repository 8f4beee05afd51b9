//! Raw request parameters: query string and body merged, every encoding
//! clients use accepted (repeated keys, `key[]`, scalars for arrays, numbers
//! and booleans as strings or JSON values).

use std::collections::BTreeMap;

use percent_encoding::percent_decode;
use serde_json::Value;

use crate::location::Location;
use crate::problem::ApiError;

/// One scalar value as the client sent it.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// Text (query strings only have text).
    Text(String),
    /// A JSON number.
    Number(serde_json::Number),
    /// A JSON boolean.
    Bool(bool),
    /// A JSON null (treated as absent).
    Null,
    /// A JSON object or nested array. Kept only as a marker, so that an
    /// unknown parameter holding one is ignored like any other unknown
    /// parameter, while a known parameter holding one is refused by name.
    Structured,
}

/// Most distinct parameters one request may carry.
const MAX_PARAMS: usize = 100;
/// Most values one parameter may carry.
pub const MAX_VALUES: usize = 1_000;

/// Every parameter of a request: name → values, with where they came from.
#[derive(Debug, Default, Clone)]
pub struct RawParams {
    map: BTreeMap<String, (Location, Vec<Scalar>)>,
}

impl RawParams {
    /// Parses an URL-encoded string (query string or form body).
    pub fn from_urlencoded(raw: &[u8], loc: Location) -> Result<RawParams, ApiError> {
        let mut p = RawParams::default();
        for pair in raw.split(|&b| b == b'&').filter(|s| !s.is_empty()) {
            let (k, v) = match pair.iter().position(|&b| b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &[][..]),
            };
            let key = decode_component(k, loc, None)?;
            let key = strip_brackets(&key);
            let value = decode_component(v, loc, Some(key))?;
            p.push(key.to_string(), loc, Scalar::Text(value))?;
        }
        Ok(p)
    }

    /// Parses a JSON body, which must be an object. Values may be of any
    /// JSON type: objects and nested arrays become a `Structured` marker,
    /// which only a known parameter refuses (clients send unknown
    /// parameters of every shape, and those are ignored).
    pub fn from_json(raw: &[u8]) -> Result<RawParams, ApiError> {
        let v: Value = serde_json::from_slice(raw)
            .map_err(|e| ApiError::bad_body(format!("the body is not valid JSON: {e}")))?;
        let Value::Object(obj) = v else {
            return Err(ApiError::bad_body("the JSON body must be an object"));
        };
        let mut p = RawParams::default();
        for (k, v) in obj {
            let key = strip_brackets(&k).to_string();
            match v {
                Value::Array(items) => {
                    if items.is_empty() {
                        p.map
                            .entry(key.clone())
                            .or_insert((Location::Body, Vec::new()));
                    }
                    for item in items {
                        p.push(key.clone(), Location::Body, scalar(item))?;
                    }
                }
                other => p.push(key, Location::Body, scalar(other))?,
            }
        }
        Ok(p)
    }

    /// Builds parameters from name/text pairs, as a query string carries
    /// them (repeat a name for several values). The web page speaks the
    /// API's parameters this way, so its queries come out of the same
    /// decoder as the API's.
    pub fn from_texts<'a>(
        pairs: impl IntoIterator<Item = (&'a str, String)>,
    ) -> Result<RawParams, ApiError> {
        let mut p = RawParams::default();
        for (key, value) in pairs {
            p.push(key.to_string(), Location::Query, Scalar::Text(value))?;
        }
        Ok(p)
    }

    fn push(&mut self, key: String, loc: Location, v: Scalar) -> Result<(), ApiError> {
        if !self.map.contains_key(&key) && self.map.len() >= MAX_PARAMS {
            return Err(ApiError::bad_request("too many parameters"));
        }
        let entry = self.map.entry(key.clone()).or_insert((loc, Vec::new()));
        if entry.1.len() >= MAX_VALUES {
            return Err(ApiError::invalid(
                &key,
                loc,
                format!("at most {MAX_VALUES} values"),
            ));
        }
        entry.1.push(v);
        Ok(())
    }

    /// Merges `body` over `self`: a parameter present in the body replaces
    /// the query string's.
    pub fn merge(mut self, body: RawParams) -> RawParams {
        self.map.extend(body.map);
        self
    }

    /// The values of a parameter (nulls dropped) and where they came from.
    pub fn values(&self, name: &str) -> Option<(Location, Vec<&Scalar>)> {
        self.map
            .get(name)
            .map(|(loc, vs)| (*loc, vs.iter().filter(|s| **s != Scalar::Null).collect()))
    }
}

fn scalar(v: Value) -> Scalar {
    match v {
        Value::String(s) => Scalar::Text(s),
        Value::Number(n) => Scalar::Number(n),
        Value::Bool(b) => Scalar::Bool(b),
        Value::Null => Scalar::Null,
        Value::Array(_) | Value::Object(_) => Scalar::Structured,
    }
}

/// `key[]` and `key[3]` are `key`.
fn strip_brackets(key: &str) -> &str {
    match key.find('[') {
        Some(i) if key.ends_with(']') => &key[..i],
        _ => key,
    }
}

fn decode_component(raw: &[u8], loc: Location, key: Option<&str>) -> Result<String, ApiError> {
    let plus: Vec<u8> = raw
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    let bytes: Vec<u8> = percent_decode(&plus).collect();
    String::from_utf8(bytes).map_err(|_| match key {
        Some(k) => ApiError::invalid(k, loc, "is not valid UTF-8"),
        None => ApiError::bad_request(format!(
            "a parameter name in the {} is not valid UTF-8",
            loc.as_str()
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &RawParams, k: &str) -> Vec<String> {
        p.values(k)
            .map(|(_, v)| {
                v.into_iter()
                    .map(|s| match s {
                        Scalar::Text(t) => t.clone(),
                        other => format!("{other:?}"),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn every_array_encoding_is_accepted() {
        let p = RawParams::from_urlencoded(
            b"tagsOneOf=a&tagsOneOf=b&languageOneOf%5B%5D=fr&languageOneOf[]=en&x[0]=1&search=caf%C3%A9+au+lait",
            Location::Query,
        )
        .unwrap();
        assert_eq!(texts(&p, "tagsOneOf"), vec!["a", "b"]);
        assert_eq!(texts(&p, "languageOneOf"), vec!["fr", "en"]);
        assert_eq!(texts(&p, "x"), vec!["1"]);
        assert_eq!(texts(&p, "search"), vec!["café au lait"]);
    }

    #[test]
    fn body_wins_over_query() {
        let q = RawParams::from_urlencoded(b"search=a&count=5", Location::Query).unwrap();
        let b =
            RawParams::from_json(br#"{"search":"b","categoryOneOf":["15"],"nsfw":null}"#).unwrap();
        let m = q.merge(b);
        assert_eq!(texts(&m, "search"), vec!["b"]);
        assert_eq!(texts(&m, "count"), vec!["5"]);
        assert_eq!(texts(&m, "categoryOneOf"), vec!["15"]);
        assert_eq!(m.values("nsfw").map(|(_, v)| v.len()), Some(0));
    }

    #[test]
    fn objects_and_nested_arrays_are_kept_as_markers() {
        let p = RawParams::from_json(br#"{"x":{"a":1},"y":[[1],{"b":2}],"z":null}"#).unwrap();
        assert_eq!(p.values("x").map(|(_, v)| v.len()), Some(1));
        assert_eq!(
            p.values("y")
                .map(|(_, v)| v.into_iter().cloned().collect::<Vec<_>>()),
            Some(vec![Scalar::Structured, Scalar::Structured])
        );
        assert_eq!(p.values("z").map(|(_, v)| v.len()), Some(0));
    }

    #[test]
    fn bad_bodies_and_encodings_are_refused() {
        assert!(RawParams::from_json(b"[1]").is_err());
        assert!(RawParams::from_json(b"{").is_err());
        assert!(RawParams::from_urlencoded(b"search=%FF%FE", Location::Query).is_err());
        let deep = "[".repeat(10_000);
        assert!(RawParams::from_json(deep.as_bytes()).is_err());
    }
}
