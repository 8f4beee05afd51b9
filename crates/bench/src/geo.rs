//! `bench geo`: geographic event queries and place lookups on a running
//! server, by class (latlon + distance, bbox, each with and without text;
//! browsing and text alone as the baselines the ratios are taken to;
//! `/api/v1/places`), and place lookups in process. Every class is run
//! `runs` times, interleaved; the report gives the median over runs of
//! each run's p50 and p99, the range of the p50s, and ratios of medians.

use std::time::{Duration, Instant};

use fedsim::mobilizon_corpus::{CITIES, City};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sepiola_places::Gazetteer;

use crate::queries::{LANGS, enc, word};

/// One class of requests.
struct Class {
    name: &'static str,
    urls: Vec<String>,
}

/// Per-run p50 and p99 of one class, microseconds.
#[derive(Default)]
struct Runs {
    p50: Vec<f64>,
    p99: Vec<f64>,
    errors: usize,
}

fn quantile(sorted: &[u64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize] as f64
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The request classes, fixed by the seed.
fn classes(seed: u64) -> Vec<Class> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let e = "/api/v1/search/events?";
    let city = |rng: &mut ChaCha8Rng| CITIES[rng.random_range(0..CITIES.len())];
    let latlon = |c: City| enc(&format!("{}:{}", c.lat, c.lon));
    let text = |rng: &mut ChaCha8Rng, c: City| {
        let lang = if rng.random_bool(0.7) {
            c.lang
        } else {
            LANGS[rng.random_range(0..LANGS.len())]
        };
        enc(&word(rng, lang, 0, 300))
    };
    let bbox = |rng: &mut ChaCha8Rng, c: City| {
        let (dy, dx) = (rng.random_range(0.1..1.0f64), rng.random_range(0.2..2.0f64));
        enc(&format!(
            "{:.4}, {:.4}:{:.4}, {:.4}",
            c.lat + dy,
            c.lon - dx,
            c.lat - dy,
            c.lon + dx
        ))
    };
    let kms = ["10_km", "25_km", "50_km", "100_km"];
    let n = 64;
    let mut near = Vec::new();
    let mut near_text = Vec::new();
    let mut boxes = Vec::new();
    let mut boxes_text = Vec::new();
    let mut browse = Vec::new();
    let mut words = Vec::new();
    for i in 0..n {
        let c = city(&mut rng);
        let km = kms[i % kms.len()];
        near.push(format!("{e}latlon={}&distance={km}&count=16", latlon(c)));
        let t = text(&mut rng, c);
        near_text.push(format!(
            "{e}search={t}&latlon={}&distance={km}&count=16",
            latlon(c)
        ));
        boxes.push(format!("{e}bbox={}&count=16", bbox(&mut rng, c)));
        let t = text(&mut rng, c);
        boxes_text.push(format!("{e}search={t}&bbox={}&count=16", bbox(&mut rng, c)));
        browse.push(format!("{e}count=16&start={}", (i % 4) * 16));
        let t = text(&mut rng, c);
        words.push(format!("{e}search={t}&count=16"));
    }
    let places = place_prefixes(&mut rng)
        .into_iter()
        .map(|p| format!("/api/v1/places?search={}&count=10", enc(&p)))
        .collect();
    vec![
        Class {
            name: "events, no geo, no text (browse)",
            urls: browse,
        },
        Class {
            name: "events, text only",
            urls: words,
        },
        Class {
            name: "events, latlon + distance",
            urls: near,
        },
        Class {
            name: "events, latlon + distance + text",
            urls: near_text,
        },
        Class {
            name: "events, bbox",
            urls: boxes,
        },
        Class {
            name: "events, bbox + text",
            urls: boxes_text,
        },
        Class {
            name: "GET /api/v1/places (HTTP)",
            urls: places,
        },
    ]
}

/// What visitors type into the place box: the corpus's city names cut at
/// 1, 2, 3, 4 letters and whole, some lower-cased, some without accents.
fn place_prefixes(rng: &mut ChaCha8Rng) -> Vec<String> {
    let mut out = Vec::new();
    for c in CITIES {
        let chars: Vec<char> = c.name.chars().collect();
        for len in [1, 2, 3, 4, chars.len()] {
            let p: String = chars.iter().take(len).collect();
            out.push(if rng.random_bool(0.5) {
                p.to_lowercase()
            } else {
                p
            });
        }
    }
    out
}

/// Runs every class `runs` times, `per_run` requests each, one client.
pub async fn run(base: &str, runs: usize, per_run: usize, seed: u64) -> anyhow::Result<String> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .no_proxy()
        .build()?;
    let classes = classes(seed);
    // Warm up: every URL once.
    for c in &classes {
        for u in &c.urls {
            let _ = client.get(format!("{base}{u}")).send().await?.bytes().await;
        }
    }
    let mut results: Vec<Runs> = classes.iter().map(|_| Runs::default()).collect();
    for _ in 0..runs {
        for (c, r) in classes.iter().zip(results.iter_mut()) {
            let mut micros = Vec::with_capacity(per_run);
            for i in 0..per_run {
                let url = format!("{base}{}", c.urls[i % c.urls.len()]);
                let t = Instant::now();
                let resp = client.get(&url).send().await?;
                let ok = resp.status().is_success();
                let _ = resp.bytes().await?;
                micros.push(t.elapsed().as_micros() as u64);
                if !ok {
                    r.errors += 1;
                }
            }
            micros.sort_unstable();
            r.p50.push(quantile(&micros, 0.5));
            r.p99.push(quantile(&micros, 0.99));
        }
    }
    let (lib, nearest) = in_process(runs, seed);
    Ok(report(&classes, &results, runs, per_run, &lib, &nearest))
}

/// Place lookups and nearest-place scans in process, per run.
fn in_process(runs: usize, seed: u64) -> (Runs, Runs) {
    let g = Gazetteer::global();
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x504C);
    let prefixes = place_prefixes(&mut rng);
    let points: Vec<(f64, f64)> = (0..256)
        .map(|_| {
            (
                rng.random_range(-60.0..70.0),
                rng.random_range(-180.0..180.0),
            )
        })
        .collect();
    let (mut lookups, mut nearest) = (Runs::default(), Runs::default());
    for _ in 0..runs {
        let mut ns = Vec::new();
        for _ in 0..20 {
            for p in &prefixes {
                let t = Instant::now();
                let found = g.search(p, 10).map(|v| v.len()).unwrap_or(0);
                ns.push(t.elapsed().as_nanos() as u64);
                std::hint::black_box(found);
            }
        }
        ns.sort_unstable();
        lookups.p50.push(quantile(&ns, 0.5) / 1000.0);
        lookups.p99.push(quantile(&ns, 0.99) / 1000.0);
        let mut ns = Vec::new();
        for &(lat, lon) in &points {
            let t = Instant::now();
            let p = g.nearest(lat, lon).ok().flatten().map(|p| p.id);
            ns.push(t.elapsed().as_nanos() as u64);
            std::hint::black_box(p);
        }
        ns.sort_unstable();
        nearest.p50.push(quantile(&ns, 0.5) / 1000.0);
        nearest.p99.push(quantile(&ns, 0.99) / 1000.0);
    }
    (lookups, nearest)
}

fn ms(us: f64) -> String {
    format!("{:.2}", us / 1000.0)
}

fn report(
    classes: &[Class],
    results: &[Runs],
    runs: usize,
    per_run: usize,
    lib: &Runs,
    nearest: &Runs,
) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{runs} runs × {per_run} requests per class, one client, keep-alive; \
         per class: median over runs of each run's p50 and p99 (ms), range of the p50s, \
         and the ratio of the median p50 to browsing's.\n\n"
    ));
    out.push_str(
        "| class | distinct requests | p50 ms | p99 ms | p50 range | × browse p50 | errors |\n",
    );
    out.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
    let browse = median(&results[0].p50);
    for (c, r) in classes.iter().zip(results) {
        let lo = r.p50.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = r.p50.iter().copied().fold(0.0, f64::max);
        out.push_str(&format!(
            "| {} | {} | {} | {} | {}–{} | {:.2} | {} |\n",
            c.name,
            c.urls.len(),
            ms(median(&r.p50)),
            ms(median(&r.p99)),
            ms(lo),
            ms(hi),
            median(&r.p50) / browse,
            r.errors
        ));
    }
    let pair = |a: usize, b: usize| median(&results[a].p50) / median(&results[b].p50);
    out.push_str(&format!(
        "\nRatios of median p50s: latlon+text / latlon {:.2}; bbox / latlon {:.2}; \
         bbox+text / bbox {:.2}; latlon+text / text only {:.2}.\n",
        pair(3, 2),
        pair(4, 2),
        pair(5, 4),
        pair(3, 1)
    ));
    out.push_str(&format!(
        "\nIn process (`sepiola_places`, no HTTP): `Gazetteer::search` over {} prefixes × 20 \
         per run, p50 {:.1} µs, p99 {:.1} µs (medians over runs); `Gazetteer::nearest` \
         (34,006 places, linear scan) p50 {:.1} µs, p99 {:.1} µs.\n",
        place_prefixes(&mut ChaCha8Rng::seed_from_u64(0)).len(),
        median(&lib.p50),
        median(&lib.p99),
        median(&nearest.p50),
        median(&nearest.p99),
    ));
    out
}
