//! A validator for the JSON Schema subset the published schema of `vnuk process` uses
//! (`type`, `enum`, `const`, `required`, `properties`, `additionalProperties: false`,
//! `items`, `minItems`, `minimum`, `maximum`, `oneOf`, local `$ref`), so that tests check real
//! output against the very file users read.

use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/process-document.schema.json");
        let text = std::fs::read_to_string(&path).expect("the schema file exists");
        serde_json::from_str(&text).expect("the schema is JSON")
    })
}

/// Panics with every violation when `document` does not match the published schema.
pub fn assert_valid(document: &Value) {
    let mut errors = Vec::new();
    check(schema(), document, "$", &mut errors);
    assert!(errors.is_empty(), "schema violations: {errors:#?}");
}

fn resolve<'a>(reference: &str) -> &'a Value {
    let pointer = reference.strip_prefix('#').expect("local references only");
    schema()
        .pointer(pointer)
        .unwrap_or_else(|| panic!("unresolved $ref {reference}"))
}

fn type_matches(name: &str, value: &Value) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_u64() || value.is_i64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        other => panic!("type {other} not supported by the test validator"),
    }
}

fn check(schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        check(resolve(reference), value, at, errors);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let matching = options
            .iter()
            .filter(|option| {
                let mut sub = Vec::new();
                check(option, value, at, &mut sub);
                sub.is_empty()
            })
            .count();
        if matching != 1 {
            errors.push(format!("{at}: matches {matching} of the oneOf branches"));
        }
    }
    if let Some(name) = schema.get("type").and_then(Value::as_str)
        && !type_matches(name, value)
    {
        errors.push(format!("{at}: expected {name}, found {value}"));
        return;
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        errors.push(format!("{at}: {value} not one of {allowed:?}"));
    }
    if let Some(expected) = schema.get("const")
        && expected != value
    {
        errors.push(format!("{at}: expected {expected}, found {value}"));
    }
    if let Some(minimum) = schema.get("minimum").and_then(Value::as_f64)
        && value.as_f64().is_some_and(|v| v < minimum)
    {
        errors.push(format!("{at}: {value} below {minimum}"));
    }
    if let Some(maximum) = schema.get("maximum").and_then(Value::as_f64)
        && value.as_f64().is_some_and(|v| v > maximum)
    {
        errors.push(format!("{at}: {value} above {maximum}"));
    }
    if let Some(object) = value.as_object() {
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !object.contains_key(key) {
                errors.push(format!("{at}: missing {key}"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, item) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(sub) => check(sub, item, &format!("{at}.{key}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: unexpected property {key}"));
                }
                None => {}
            }
        }
    }
    if let Some(items) = value.as_array() {
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64)
            && (items.len() as u64) < min
        {
            errors.push(format!("{at}: fewer than {min} items"));
        }
        if let Some(sub) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                check(sub, item, &format!("{at}[{i}]"), errors);
            }
        }
    }
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let good: Value = serde_json::from_str(
        r#"{"id":"x","source":"-","bytes":0,"status":"error","errors":[{"kind":"unreadable","message":"m"}]}"#,
    )
    .unwrap();
    assert_valid(&good);
    for bad in [
        r#"{"id":"x","source":"-","bytes":0,"status":"error","errors":[]}"#,
        r#"{"id":"x","source":"-","bytes":-1,"status":"error","errors":[{"kind":"unreadable","message":"m"}]}"#,
        r#"{"id":"x","source":"-","bytes":0,"status":"bad","errors":[{"kind":"unreadable","message":"m"}]}"#,
        r#"{"id":"x","source":"-","bytes":0,"status":"error","errors":[{"kind":"unreadable","message":"m"}],"extra":1}"#,
        r#"{"id":"x","source":"-","bytes":0,"status":"ok","language":"xx","confidence":0.5,"paragraphs":[],"sentences":[],"boilerplate":[],"counts":{"paragraphs":0,"sentences":0,"tokens":0,"words":0,"oov":0,"boilerplate":0},"errors":[]}"#,
    ] {
        let value: Value = serde_json::from_str(bad).unwrap();
        let mut errors = Vec::new();
        check(schema(), &value, "$", &mut errors);
        assert!(!errors.is_empty(), "accepted {bad}");
    }
}
