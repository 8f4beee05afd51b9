//! Just enough GraphQL for a simulated Mobilizon: one `query` operation
//! with variable definitions, root fields with arguments (literals or
//! `$variables`), aliases and nested selection sets, read from the request
//! body `{"query", "variables", "operationName"}`. Fragments, directives,
//! mutations and subscriptions are refused with a GraphQL error, as is
//! anything that does not parse. Answers are projected on the selection
//! set, so a field the client does not ask for is not sent, and a field
//! the type lacks is an error (as Absinthe does).

use serde_json::{Map, Value};

/// One GraphQL error message (Absinthe's `{"message": …}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GqlError(pub String);

impl GqlError {
    fn new(m: impl Into<String>) -> GqlError {
        GqlError(m.into())
    }
}

/// A field of a selection set.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key it answers under (its alias, or its name).
    pub key: String,
    /// The field's name.
    pub name: String,
    /// Its arguments, variables substituted (enum values are strings).
    pub args: Map<String, Value>,
    /// Its sub-selection (empty for scalars).
    pub selection: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Punct(char),
    Spread,
    Name(String),
    Var(String),
    Int(i64),
    Float(f64),
    Str(String),
}

fn tokenize(src: &str) -> Result<Vec<Tok>, GqlError> {
    let mut out = Vec::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' | '\r' | ',' | '\u{feff}' => i += 1,
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '{' | '}' | '(' | ')' | '[' | ']' | ':' | '=' | '!' | '@' | '|' | '&' => {
                out.push(Tok::Punct(c));
                i += 1;
            }
            '.' => {
                if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') {
                    out.push(Tok::Spread);
                    i += 3;
                } else {
                    return Err(GqlError::new("Syntax error: unexpected \".\""));
                }
            }
            '$' => {
                i += 1;
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                if start == i {
                    return Err(GqlError::new("Syntax error: expected a variable name"));
                }
                out.push(Tok::Var(chars[start..i].iter().collect()));
            }
            '"' => {
                if chars.get(i + 1) == Some(&'"') && chars.get(i + 2) == Some(&'"') {
                    return Err(GqlError::new("Block strings are not supported"));
                }
                i += 1;
                let mut s = String::new();
                loop {
                    let Some(&c) = chars.get(i) else {
                        return Err(GqlError::new("Syntax error: unterminated string"));
                    };
                    i += 1;
                    match c {
                        '"' => break,
                        '\\' => {
                            let Some(&e) = chars.get(i) else {
                                return Err(GqlError::new("Syntax error: bad escape"));
                            };
                            i += 1;
                            s.push(match e {
                                'n' => '\n',
                                't' => '\t',
                                'r' => '\r',
                                'b' => '\u{8}',
                                'f' => '\u{c}',
                                'u' => {
                                    let hex: String =
                                        chars.get(i..i + 4).unwrap_or(&[]).iter().collect();
                                    i += 4;
                                    u32::from_str_radix(&hex, 16)
                                        .ok()
                                        .and_then(char::from_u32)
                                        .ok_or_else(|| {
                                            GqlError::new("Syntax error: bad \\u escape")
                                        })?
                                }
                                other => other,
                            });
                        }
                        '\n' => return Err(GqlError::new("Syntax error: unterminated string")),
                        c => s.push(c),
                    }
                }
                out.push(Tok::Str(s));
            }
            c if c == '-' || c.is_ascii_digit() => {
                let start = i;
                i += 1;
                while i < chars.len()
                    && (chars[i].is_ascii_digit()
                        || matches!(chars[i], '.' | 'e' | 'E' | '+' | '-'))
                {
                    i += 1;
                }
                let text: String = chars[start..i].iter().collect();
                if let Ok(n) = text.parse::<i64>() {
                    out.push(Tok::Int(n));
                } else if let Ok(f) = text.parse::<f64>()
                    && f.is_finite()
                {
                    out.push(Tok::Float(f));
                } else {
                    return Err(GqlError::new(format!("Syntax error: bad number {text}")));
                }
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push(Tok::Name(chars[start..i].iter().collect()));
            }
            other => {
                return Err(GqlError::new(format!(
                    "Syntax error: unexpected character {other:?}"
                )));
            }
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    vars: &'a Map<String, Value>,
    defaults: Map<String, Value>,
    depth: usize,
}

const MAX_DEPTH: usize = 16;

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn next(&mut self) -> Result<Tok, GqlError> {
        let t = self
            .toks
            .get(self.pos)
            .cloned()
            .ok_or_else(|| GqlError::new("Syntax error: unexpected end of document"))?;
        self.pos += 1;
        Ok(t)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char) -> Result<(), GqlError> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(GqlError::new(format!("Syntax error: expected \"{c}\"")))
        }
    }

    fn name(&mut self) -> Result<String, GqlError> {
        match self.next()? {
            Tok::Name(n) => Ok(n),
            _ => Err(GqlError::new("Syntax error: expected a name")),
        }
    }

    fn skip_type(&mut self) -> Result<(), GqlError> {
        if self.eat('[') {
            self.skip_type()?;
            self.expect(']')?;
        } else {
            self.name()?;
        }
        self.eat('!');
        Ok(())
    }

    /// A value; `constant` forbids variables (defaults).
    fn value(&mut self, constant: bool) -> Result<Value, GqlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GqlError::new("Document nested too deeply"));
        }
        let v = match self.next()? {
            Tok::Var(v) if !constant => match self.vars.get(&v).or_else(|| self.defaults.get(&v)) {
                Some(x) => x.clone(),
                None => {
                    return Err(GqlError::new(format!(
                        "Variable \"{v}\" is not defined by the operation"
                    )));
                }
            },
            Tok::Int(n) => Value::from(n),
            Tok::Float(f) => Value::from(f),
            Tok::Str(s) => Value::String(s),
            Tok::Name(n) => match n.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                _ => Value::String(n),
            },
            Tok::Punct('[') => {
                let mut items = Vec::new();
                while !self.eat(']') {
                    items.push(self.value(constant)?);
                }
                Value::Array(items)
            }
            Tok::Punct('{') => {
                let mut m = Map::new();
                while !self.eat('}') {
                    let k = self.name()?;
                    self.expect(':')?;
                    m.insert(k, self.value(constant)?);
                }
                Value::Object(m)
            }
            _ => return Err(GqlError::new("Syntax error: expected a value")),
        };
        self.depth -= 1;
        Ok(v)
    }

    fn variable_definitions(&mut self) -> Result<Vec<String>, GqlError> {
        let mut names = Vec::new();
        if !self.eat('(') {
            return Ok(names);
        }
        while !self.eat(')') {
            let Tok::Var(v) = self.next()? else {
                return Err(GqlError::new("Syntax error: expected a variable"));
            };
            self.expect(':')?;
            self.skip_type()?;
            if self.eat('=') {
                let d = self.value(true)?;
                self.defaults.insert(v.clone(), d);
            } else {
                self.defaults.entry(v.clone()).or_insert(Value::Null);
            }
            names.push(v);
        }
        Ok(names)
    }

    fn selection_set(&mut self) -> Result<Vec<Field>, GqlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GqlError::new("Document nested too deeply"));
        }
        self.expect('{')?;
        let mut fields = Vec::new();
        while !self.eat('}') {
            match self.peek() {
                Some(Tok::Spread) => return Err(GqlError::new("Fragments are not supported")),
                Some(Tok::Punct('@')) => return Err(GqlError::new("Directives are not supported")),
                _ => {}
            }
            let first = self.name()?;
            let (key, name) = if self.eat(':') {
                (first, self.name()?)
            } else {
                (first.clone(), first)
            };
            let mut args = Map::new();
            if self.eat('(') {
                while !self.eat(')') {
                    let k = self.name()?;
                    self.expect(':')?;
                    if args.contains_key(&k) {
                        return Err(GqlError::new(format!(
                            "There can be only one argument named \"{k}\"."
                        )));
                    }
                    let v = self.value(false)?;
                    args.insert(k, v);
                }
            }
            if self.peek() == Some(&Tok::Punct('@')) {
                return Err(GqlError::new("Directives are not supported"));
            }
            let selection = if self.peek() == Some(&Tok::Punct('{')) {
                self.selection_set()?
            } else {
                Vec::new()
            };
            fields.push(Field {
                key,
                name,
                args,
                selection,
            });
        }
        self.depth -= 1;
        if fields.is_empty() {
            return Err(GqlError::new("Syntax error: empty selection set"));
        }
        Ok(fields)
    }
}

/// Parses the one query of `document` with `variables`, answering its root
/// fields.
pub fn parse_query(document: &str, variables: &Map<String, Value>) -> Result<Vec<Field>, GqlError> {
    if document.len() > 64 * 1024 {
        return Err(GqlError::new("Document too large"));
    }
    let toks = tokenize(document)?;
    let mut p = Parser {
        toks,
        pos: 0,
        vars: variables,
        defaults: Map::new(),
        depth: 0,
    };
    match p.peek() {
        Some(Tok::Name(k)) if k == "query" => {
            p.pos += 1;
            if let Some(Tok::Name(_)) = p.peek() {
                p.pos += 1;
            }
            p.variable_definitions()?;
        }
        Some(Tok::Name(k)) if k == "mutation" || k == "subscription" => {
            return Err(GqlError::new(format!("{k} operations are not supported")));
        }
        Some(Tok::Name(k)) if k == "fragment" => {
            return Err(GqlError::new("Fragments are not supported"));
        }
        _ => {}
    }
    let fields = p.selection_set()?;
    if p.pos != p.toks.len() {
        return Err(GqlError::new(
            "Only one operation per document is supported",
        ));
    }
    Ok(fields)
}

/// Keeps what `selection` asks of `value` (an object with `__typename`, a
/// list of them, a scalar or null).
pub fn project(value: &Value, selection: &[Field], field: &str) -> Result<Value, GqlError> {
    match value {
        Value::Array(items) => items
            .iter()
            .map(|v| project(v, selection, field))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        Value::Object(m) => {
            let type_name = m
                .get("__typename")
                .and_then(Value::as_str)
                .unwrap_or("Object");
            if selection.is_empty() {
                return Err(GqlError::new(format!(
                    "Field \"{field}\" of type \"{type_name}\" must have a selection of subfields. Did you mean \"{field} {{ ... }}\"?"
                )));
            }
            let mut out = Map::new();
            for f in selection {
                if f.name == "__typename" {
                    out.insert(f.key.clone(), Value::from(type_name));
                    continue;
                }
                let Some(v) = m.get(&f.name) else {
                    return Err(GqlError::new(format!(
                        "Cannot query field \"{}\" on type \"{type_name}\".",
                        f.name
                    )));
                };
                if !f.args.is_empty() {
                    return Err(GqlError::new(format!(
                        "Unknown argument on field \"{}\" of type \"{type_name}\".",
                        f.name
                    )));
                }
                out.insert(f.key.clone(), project(v, &f.selection, &f.name)?);
            }
            Ok(Value::Object(out))
        }
        scalar => {
            if selection.is_empty() {
                Ok(scalar.clone())
            } else if scalar.is_null() {
                Ok(Value::Null)
            } else {
                Err(GqlError::new(format!(
                    "Field \"{field}\" must not have a selection since it has no subfields."
                )))
            }
        }
    }
}

/// The arguments of `f`, refusing any not in `known`.
pub fn check_args(f: &Field, known: &[&str]) -> Result<(), GqlError> {
    for k in f.args.keys() {
        if !known.contains(&k.as_str()) {
            return Err(GqlError::new(format!(
                "Unknown argument \"{k}\" on field \"{}\" of type \"RootQueryType\".",
                f.name
            )));
        }
    }
    Ok(())
}

/// An `Int` argument (absent or null: `default`).
pub fn int_arg(f: &Field, name: &str, default: i64) -> Result<i64, GqlError> {
    match f.args.get(name) {
        None | Some(Value::Null) => Ok(default),
        Some(Value::Number(n)) if n.is_i64() => n
            .as_i64()
            .filter(|n| i32::try_from(*n).is_ok())
            .ok_or_else(|| invalid(name, n)),
        Some(other) => Err(invalid(name, other)),
    }
}

/// A `String` (or enum) argument.
pub fn str_arg<'a>(f: &'a Field, name: &str) -> Result<Option<&'a str>, GqlError> {
    match f.args.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(invalid(name, other)),
    }
}

/// A list of strings (or enums); a single value counts as a list of one.
pub fn list_arg(f: &Field, name: &str) -> Result<Vec<String>, GqlError> {
    match f.args.get(name) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| invalid(name, v))
            })
            .collect(),
        Some(other) => Err(invalid(name, other)),
    }
}

/// The error of an argument of the wrong type.
pub fn invalid(name: &str, v: &impl std::fmt::Display) -> GqlError {
    GqlError::new(format!("Argument \"{name}\" has invalid value {v}."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn vars(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn reads_arguments_variables_and_selections() {
        let q = r#"
            # comment
            query Search($page: Int, $limit: Int = 5, $begins: DateTime) {
              searchEvents(searchTarget: SELF, page: $page, limit: $limit, beginsOn: $begins,
                           statusOneOf: [CONFIRMED, TENTATIVE], term: "a \"b\"") {
                total
                items: elements { uuid picture { url } }
              }
              config { name }
            }"#;
        let f = parse_query(
            q,
            &vars(json!({"page": 2, "begins": "2020-01-01T00:00:00Z"})),
        )
        .unwrap();
        assert_eq!(f.len(), 2);
        let s = &f[0];
        assert_eq!(s.name, "searchEvents");
        assert_eq!(int_arg(s, "page", 1).unwrap(), 2);
        assert_eq!(int_arg(s, "limit", 10).unwrap(), 5);
        assert_eq!(str_arg(s, "searchTarget").unwrap(), Some("SELF"));
        assert_eq!(str_arg(s, "term").unwrap(), Some("a \"b\""));
        assert_eq!(
            list_arg(s, "statusOneOf").unwrap(),
            vec!["CONFIRMED", "TENTATIVE"]
        );
        assert_eq!(s.selection[1].key, "items");
        assert_eq!(s.selection[1].name, "elements");
        let obj = json!({"__typename": "Events", "total": 1, "elements": [
            {"__typename": "Event", "uuid": "u", "title": "t", "picture": null}]});
        let out = project(&obj, &s.selection, "searchEvents").unwrap();
        assert_eq!(
            out,
            json!({"total": 1, "items": [{"uuid": "u", "picture": null}]})
        );
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        let none = Map::new();
        for bad in [
            "mutation { x }",
            "{ a { ...F } }",
            "{ a @skip(if: true) }",
            "{ a(b: $undefined) }",
            "{ a(",
            "{ a } { b }",
            "{ }",
            "{ a(x: 1, x: 2) }",
            "\"unterminated",
        ] {
            assert!(parse_query(bad, &none).is_err(), "{bad}");
        }
        let f = parse_query("{ searchEvents(page: \"x\", bogus: 1) { total } }", &none).unwrap();
        assert!(int_arg(&f[0], "page", 1).is_err());
        assert!(check_args(&f[0], &["page"]).is_err());
        let obj = json!({"__typename": "Event", "uuid": "u", "picture": {"__typename": "Media", "url": "x"}});
        let sel = parse_query("{ e { nope } }", &none).unwrap();
        assert!(project(&obj, &sel[0].selection, "e").is_err());
        let sel = parse_query("{ e { picture } }", &none).unwrap();
        assert!(project(&obj, &sel[0].selection, "e").is_err());
        let sel = parse_query("{ e { uuid { x } } }", &none).unwrap();
        assert!(project(&obj, &sel[0].selection, "e").is_err());
        let deep = format!("{}{}", "{ a ".repeat(40), "}".repeat(40));
        assert!(parse_query(&deep, &none).is_err());
    }
}
