//! Every English and Spanish string of a text table has the same number of `{}`
//! placeholders. `i18n::fill` drops values it has no place for and leaves a missing one
//! empty, so a translation with one `{}` too few or too many would show a wrong sentence
//! without any error. The compiler already checks that each field exists in both
//! languages; this checks what it cannot, by reading the tables as Rust source (with `syn`,
//! so formatting and comments do not matter).

use std::collections::BTreeMap;
use std::path::Path;

use syn::{Expr, Item, Lit};

/// Field → its texts (one, or several for a tuple or array of strings), for the table item
/// named `lang` (`EN`, `ES`) in `file`.
fn table(file: &syn::File, lang: &str) -> BTreeMap<String, Vec<String>> {
    let expr = file
        .items
        .iter()
        .find_map(|item| match item {
            Item::Static(s) if s.ident == lang => Some(&*s.expr),
            Item::Const(c) if c.ident == lang => Some(&*c.expr),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no `{lang}` table"));
    let Expr::Struct(table) = expr else {
        panic!("`{lang}` is not a struct literal");
    };
    table
        .fields
        .iter()
        .map(|field| {
            let name = match &field.member {
                syn::Member::Named(ident) => ident.to_string(),
                syn::Member::Unnamed(index) => index.index.to_string(),
            };
            (name.clone(), texts_of(&field.expr, &name))
        })
        .collect()
}

/// The texts of a field: a string literal, `concat!` of string literals, or a tuple or
/// array of those.
fn texts_of(expr: &Expr, field: &str) -> Vec<String> {
    match expr {
        Expr::Tuple(t) => t.elems.iter().flat_map(|e| texts_of(e, field)).collect(),
        Expr::Array(a) => a.elems.iter().flat_map(|e| texts_of(e, field)).collect(),
        _ => vec![text_of(expr, field)],
    }
}

fn text_of(expr: &Expr, field: &str) -> String {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Str(s) => s.value(),
            _ => panic!("{field}: not a string"),
        },
        Expr::Macro(m) => {
            let parts = m
                .mac
                .parse_body_with(
                    syn::punctuated::Punctuated::<syn::LitStr, syn::Token![,]>::parse_terminated,
                )
                .unwrap_or_else(|e| panic!("{field}: {e}"));
            parts.iter().map(syn::LitStr::value).collect()
        }
        _ => panic!("{field}: neither a string literal, concat!, a tuple nor an array"),
    }
}

fn placeholders(text: &str) -> usize {
    text.matches("{}").count()
}

/// The fields whose English and Spanish texts differ in their number of `{}`, for
/// tables in one source or in two.
fn mismatches(source: &str) -> Vec<String> {
    mismatches_between(source, source)
}

fn mismatches_between(en_source: &str, es_source: &str) -> Vec<String> {
    let parse = |source| syn::parse_file(source).expect("the table parses as Rust");
    let en = table(&parse(en_source), "EN");
    let es = table(&parse(es_source), "ES");
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        es.keys().collect::<Vec<_>>(),
        "the two tables name different fields"
    );
    en.iter()
        .flat_map(|(field, texts)| {
            let theirs = &es[field];
            assert_eq!(
                texts.len(),
                theirs.len(),
                "{field}: lists of different lengths"
            );
            texts
                .iter()
                .zip(theirs)
                .filter(|(en, es)| placeholders(en) != placeholders(es))
                .map(move |(en, es)| format!("{field}: {en:?} vs {es:?}"))
        })
        .collect()
}

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn screen_texts_have_the_same_placeholders_in_both_languages() {
    let (en, es) = (read("src/i18n/en.rs"), read("src/i18n/es.rs"));
    let fields = table(&syn::parse_file(&en).unwrap(), "EN").len();
    assert!(
        fields > 100,
        "only {fields} fields read: the parser missed the table"
    );
    let wrong = mismatches_between(&en, &es);
    assert!(
        wrong.is_empty(),
        "placeholders differ:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn report_texts_have_the_same_placeholders_in_both_languages() {
    let wrong = mismatches(&read("src/i18n/report.rs"));
    assert!(
        wrong.is_empty(),
        "placeholders differ:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_missing_placeholder_is_caught() {
    let source = r#"
        pub static EN: Strings = Strings { a: "{} of {}", b: concat!("x ", "{}") };
        pub static ES: Strings = Strings { a: "{} de", b: "{}" };
    "#;
    assert_eq!(mismatches(source), [r#"a: "{} of {}" vs "{} de""#]);
}
