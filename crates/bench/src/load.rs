//! The load generator: a fixed number of clients, each sending the next
//! query of the mix as soon as the previous answer is read, over keep-alive
//! connections, for a fixed time. Latency is measured per request.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::bail;

use crate::queries::Mix;

/// Latencies of one load phase.
#[derive(Debug, Clone, Default)]
pub struct Phase {
    /// Every latency, microseconds, sorted.
    pub micros: Vec<u64>,
    /// Wall time of the phase.
    pub wall: Duration,
    /// Requests that did not answer 200.
    pub errors: usize,
}

impl Phase {
    /// The q-quantile latency, milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        quantile_ms(&self.micros, q)
    }

    /// Requests per second.
    pub fn throughput(&self) -> f64 {
        self.micros.len() as f64 / self.wall.as_secs_f64().max(1e-9)
    }
}

/// The q-quantile of sorted microseconds, in milliseconds (NaN when empty).
pub fn quantile_ms(sorted: &[u64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i.min(sorted.len() - 1)] as f64 / 1000.0
}

/// The load clients' HTTP client: keep-alive, a 30 s limit, no proxy.
pub fn client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .timeout(Duration::from_secs(30))
        .no_proxy()
        .build()?)
}

/// Time from `started` to the first 200 answer of a search.
pub async fn first_answer(
    base: &str,
    started: Instant,
    limit: Duration,
) -> anyhow::Result<Duration> {
    let c = client()?;
    let url = format!("{base}/api/v1/search/videos?search=video&count=10");
    while started.elapsed() < limit {
        if let Ok(r) = c.get(&url).send().await
            && r.status().is_success()
        {
            let _ = r.bytes().await;
            return Ok(started.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    bail!("no answer within {limit:?}")
}

/// Sends every query of the mix once (fills caches like a server in use).
pub async fn warm_up(base: &str, mix: &Mix) -> anyhow::Result<()> {
    let c = client()?;
    for q in mix.api.iter().chain(mix.pages.iter()) {
        let r = c.get(format!("{base}{q}")).send().await?;
        if !r.status().is_success() {
            bail!("{q} answered {}", r.status());
        }
        let _ = r.bytes().await?;
    }
    Ok(())
}

/// Runs `clients` clients over `queries` for `duration`.
pub async fn run(
    base: &str,
    queries: &[String],
    clients: usize,
    duration: Duration,
) -> anyhow::Result<Phase> {
    let c = client()?;
    let queries = Arc::new(queries.to_vec());
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (c, queries, next, base) = (c.clone(), queries.clone(), next.clone(), base.to_string());
        tasks.push(tokio::spawn(async move {
            let mut micros = Vec::new();
            let mut errors = 0;
            while started.elapsed() < duration {
                let q = &queries[next.fetch_add(1, Ordering::Relaxed) % queries.len()];
                let t = Instant::now();
                match c.get(format!("{base}{q}")).send().await {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                        micros.push(t.elapsed().as_micros() as u64);
                    }
                    _ => errors += 1,
                }
            }
            (micros, errors)
        }));
    }
    let mut phase = Phase::default();
    for t in tasks {
        let (m, e) = t.await?;
        phase.micros.extend(m);
        phase.errors += e;
    }
    phase.wall = started.elapsed();
    phase.micros.sort_unstable();
    Ok(phase)
}

/// What a results page weighs on the wire: HTML and stylesheet, sent plain,
/// with gzip and with brotli (the client asks; nothing is decompressed, so
/// the bytes counted are the bytes sent).
#[derive(Debug, Clone, Copy, Default)]
pub struct PageWeight {
    /// Median HTML bytes of the mix's pages, for each encoding.
    pub html: Encoded,
    /// Stylesheet bytes, for each encoding.
    pub css: Encoded,
}

/// Sizes of one resource by `Accept-Encoding`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Encoded {
    /// `identity`.
    pub plain: usize,
    /// `gzip`.
    pub gzip: usize,
    /// `br`.
    pub brotli: usize,
}

/// Weighs the first 50 results pages of the mix (median) and the stylesheet.
pub async fn page_weight(base: &str, pages: &[String]) -> anyhow::Result<PageWeight> {
    let c = client()?;
    let size = |url: String, encoding: &'static str| {
        let c = c.clone();
        async move {
            anyhow::Ok(
                c.get(url)
                    .header("Accept-Encoding", encoding)
                    .send()
                    .await?
                    .bytes()
                    .await?
                    .len(),
            )
        }
    };
    let mut html = Encoded::default();
    for (encoding, slot) in [
        ("identity", &mut html.plain as &mut usize),
        ("gzip", &mut html.gzip),
        ("br", &mut html.brotli),
    ] {
        let mut sizes = Vec::new();
        for p in pages.iter().take(50) {
            sizes.push(size(format!("{base}{p}"), encoding).await?);
        }
        sizes.sort_unstable();
        *slot = sizes.get(sizes.len() / 2).copied().unwrap_or(0);
    }
    let css_url = || format!("{base}/static/style.css");
    let css = Encoded {
        plain: size(css_url(), "identity").await?,
        gzip: size(css_url(), "gzip").await?,
        brotli: size(css_url(), "br").await?,
    };
    Ok(PageWeight { html, css })
}

/// Median latency of each query of `queries`, each sent `repeat` times in a
/// row by one client: which queries cost what (microseconds, slowest first).
pub async fn per_query(
    base: &str,
    queries: &[String],
    repeat: usize,
) -> anyhow::Result<Vec<(u64, String)>> {
    let c = client()?;
    let mut out = Vec::new();
    for q in queries {
        let mut times = Vec::with_capacity(repeat);
        for _ in 0..repeat.max(1) {
            let t = Instant::now();
            let r = c.get(format!("{base}{q}")).send().await?;
            if !r.status().is_success() {
                bail!("{q} answered {}", r.status());
            }
            let _ = r.bytes().await?;
            times.push(t.elapsed().as_micros() as u64);
        }
        times.sort_unstable();
        out.push((times[times.len() / 2], q.clone()));
    }
    out.sort_unstable_by(|a, b| b.cmp(a));
    Ok(out)
}
