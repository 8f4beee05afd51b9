//! Sepia Search's links open the same search here: its parameter names
//! and values on `/search`, and its locale prefix (`/fr/search`).

use crate::harness::{client, shared};

#[tokio::test]
async fn sepia_search_links_open_the_same_search() {
    let s = shared();
    // the locale prefix: a permanent redirect to our own URL, in French
    let r = client()
        .get(s.url(
            "/fr/search?search=jazz&sort=-publishedAt&nsfw=both&languageOneOf=fr\
             &durationRange=long&publishedDateRange=last_365days&page=1",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let url = r.url().clone();
    assert_eq!(url.path(), "/search");
    assert_eq!(
        url.query(),
        Some("search=jazz&sort=recent&sensitive=show&date=365&duration=long&language=fr&lang=fr")
    );
    let body = r.text().await.unwrap();
    assert!(body.contains(r#"<html lang="fr">"#), "{body}");
    // Sepia's parameters on /search select the same filters as ours
    let page = |q: &str| {
        let path = format!("/search?{q}");
        async move { s.text(&path).await }
    };
    let theirs = page("search=jazz&languageOneOf=fr&sort=-views").await;
    let ours = page("search=jazz&language=fr&sort=views").await;
    assert_eq!(theirs, ours);
    // an unknown prefix is a 404, not a search
    let r = client()
        .get(s.url("/xx/search?search=jazz"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}

/// A message's text in a locale file, read from the file itself.
fn message(code: &str, key: &str) -> String {
    let path = format!(
        "{}/crates/server/locales/{code}/main.ftl",
        env!("CARGO_MANIFEST_DIR")
    );
    let ftl = std::fs::read_to_string(&path).unwrap();
    ftl.lines()
        .find_map(|l| l.strip_prefix(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("{key} in {path}"))
        .to_string()
}

#[tokio::test]
async fn every_language_has_its_locale_prefix() {
    let s = shared();
    for (prefix, code, tag) in [
        ("de", "de", "de"),
        ("en", "en", "en"),
        ("es", "es", "es"),
        ("fr", "fr", "fr"),
        ("it", "it", "it"),
        ("nl", "nl", "nl"),
        ("pl", "pl", "pl"),
        ("pt-BR", "pt", "pt"),
        ("sv", "sv", "sv"),
        ("ru", "ru", "ru"),
        ("ja", "ja", "ja"),
        ("zh-CN", "zh", "zh-Hans"),
        ("zh", "zh", "zh-Hans"),
    ] {
        let r = client()
            .get(s.url(&format!("/{prefix}/search?search=jazz&sort=-publishedAt")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "/{prefix}/search");
        assert_eq!(
            r.url().query(),
            Some(format!("search=jazz&sort=recent&lang={code}").as_str()),
            "/{prefix}/search"
        );
        let body = r.text().await.unwrap();
        assert!(
            body.contains(&format!(r#"<html lang="{tag}">"#)),
            "/{prefix}/search"
        );
        let button = message(code, "search-button");
        assert!(
            body.contains(&format!(">{button}</button>")),
            "/{prefix}/search: {button}"
        );
        // the menu marks this language as the current one, under its own name
        let name = message(code, "language-name");
        assert!(
            body.contains(&format!(r#"lang="{tag}" aria-current="true">{name}</a>"#)),
            "/{prefix}/search: {name}"
        );
    }
}
