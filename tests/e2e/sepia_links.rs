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
        let url = s.url(&format!("/search?{q}"));
        async move {
            client()
                .get(url)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
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
