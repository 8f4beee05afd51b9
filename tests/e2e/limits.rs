//! Inbound abuse against the real server over loopback: idle connections,
//! slow-drip headers, more requests than the in-flight cap, a client over
//! its rate. Every case: the abuser is cut off or told to come back, and a
//! normal client still gets answers.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::harness::{NO_RATE_LIMIT, Server};

const SEARCH: &str = "/api/v1/search/videos?search=video";

fn addr(s: &Server) -> String {
    s.base.trim_start_matches("http://").to_string()
}

fn fresh(toml: &str) -> Server {
    Server::start(tempfile::tempdir().unwrap(), toml)
}

/// Whether the server closes this connection (EOF or reset) within `within`.
async fn closed_within(conn: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 64];
    match tokio::time::timeout(within, conn.read(&mut buf)).await {
        Ok(Ok(0)) | Ok(Err(_)) => true,
        Ok(Ok(_)) => true, // an answer (e.g. 408) is a cut-off too
        Err(_) => false,
    }
}

#[tokio::test]
async fn two_thousand_idle_connections_do_not_starve_a_normal_client() {
    let _heavy = crate::harness::heavy().await;
    let s = fresh("[limits]\nmax_connections = 3000\nheader_read_timeout_ms = 60000\n");
    let mut idle = Vec::new();
    for _ in 0..2000 {
        idle.push(TcpStream::connect(addr(&s)).await.unwrap());
    }
    let started = Instant::now();
    let r = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
        .get(s.url(SEARCH))
        .send()
        .await
        .expect("a normal client is answered");
    assert_eq!(r.status(), 200);
    assert!(started.elapsed() < Duration::from_secs(5));
    drop(idle);
}

#[tokio::test]
async fn connections_over_the_cap_are_closed_at_once() {
    let _heavy = crate::harness::heavy().await;
    let s = fresh("[limits]\nmax_connections = 50\nheader_read_timeout_ms = 60000\n");
    let mut idle = Vec::new();
    for _ in 0..50 {
        idle.push(TcpStream::connect(addr(&s)).await.unwrap());
    }
    // Give the server time to accept all 50.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for _ in 0..20 {
        let started = Instant::now();
        let mut extra = TcpStream::connect(addr(&s)).await.unwrap();
        assert!(
            closed_within(&mut extra, Duration::from_secs(2)).await,
            "a connection over the cap stays open"
        );
        assert!(started.elapsed() < Duration::from_secs(2));
    }
    // The idle ones go away: a normal client gets answers again.
    drop(idle);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let r = reqwest::Client::new().get(s.url(SEARCH)).send().await;
        if let Ok(r) = r
            && r.status() == 200
        {
            break;
        }
        assert!(Instant::now() < deadline, "the server did not recover");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_slow_drip_client_is_cut_off_within_the_header_timeout() {
    let s = fresh("[limits]\nheader_read_timeout_ms = 2000\n");
    let conn = TcpStream::connect(addr(&s)).await.unwrap();
    let (mut rd, mut wr) = conn.into_split();
    let started = Instant::now();
    let writer = tokio::spawn(async move {
        let request =
            b"GET /api/v1/ping HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
        for b in request {
            if wr.write_all(&[*b]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), rd.read_to_end(&mut buf)).await;
    let took = started.elapsed();
    writer.abort();
    assert!(read.is_ok(), "the slow client was never cut off");
    assert!(
        took < Duration::from_secs(4),
        "cut off after {took:?}, timeout is 2 s"
    );
    assert!(
        !String::from_utf8_lossy(&buf).starts_with("HTTP/1.1 200"),
        "the slow request was answered"
    );
    // Normal clients are fine.
    let (st, _) = s.get("/api/v1/ping").await;
    assert_eq!(st, 200);
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_closed_after_the_header_timeout() {
    let s = fresh("[limits]\nheader_read_timeout_ms = 1000\n");
    let mut conn = TcpStream::connect(addr(&s)).await.unwrap();
    let started = Instant::now();
    assert!(closed_within(&mut conn, Duration::from_secs(5)).await);
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_body_that_stops_coming_is_cut_off_within_the_body_timeout() {
    let s = fresh("[limits]\nbody_read_timeout_ms = 1500\n");
    let mut conn = TcpStream::connect(addr(&s)).await.unwrap();
    let started = Instant::now();
    conn.write_all(
        b"POST /api/v1/search/videos HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"search\":",
    )
    .await
    .unwrap();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), conn.read_to_end(&mut buf)).await;
    let took = started.elapsed();
    assert!(read.is_ok(), "the stalled body was never cut off");
    assert!(took < Duration::from_secs(4), "cut off after {took:?}");
    let head = String::from_utf8_lossy(&buf);
    assert!(
        head.is_empty() || head.starts_with("HTTP/1.1 4"),
        "answered {head}"
    );
}

#[tokio::test]
async fn over_the_in_flight_cap_clients_get_503_with_retry_after() {
    let _heavy = crate::harness::heavy().await;
    let s = Server::with_fixture_and_config("[limits]\nmax_in_flight = 2\n");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..16 {
        let client = client.clone();
        let url = s.url(&format!("/search?search=video+{i}&count=50"));
        tasks.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            for _ in 0..10 {
                let r = client.get(&url).send().await.expect("never a timeout");
                let retry = r
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<u64>().ok());
                seen.push((r.status().as_u16(), retry));
            }
            seen
        }));
    }
    let mut busy = 0;
    let mut ok = 0;
    for t in tasks {
        for (status, retry) in t.await.unwrap() {
            match status {
                200 => ok += 1,
                503 => {
                    busy += 1;
                    assert!(retry.is_some_and(|r| r >= 1), "503 without Retry-After");
                }
                other => panic!("unexpected status {other}"),
            }
        }
    }
    assert!(ok > 0, "nothing was answered");
    assert!(busy > 0, "16 clients over a cap of 2 never saw 503");
    // Operators see them: counted on /metrics (asked once every client is
    // done, so it is not refused itself).
    let scrape = crate::metrics::scrape(&s).await;
    let refused = crate::metrics::value(
        &scrape,
        "sepiola_http_refused_requests_total",
        &[("reason", "busy")],
    );
    assert_eq!(refused, Some(busy as f64), "503s counted on /metrics");
}

#[tokio::test]
async fn a_client_over_its_rate_gets_429_with_retry_after() {
    let s = Server::start_with_env(
        tempfile::tempdir().unwrap(),
        "[limits]\nrate_limit_burst = 5\n",
        &[(NO_RATE_LIMIT.0, "6")],
    );
    for _ in 0..5 {
        let (st, _) = s.get(SEARCH).await;
        assert_eq!(st, 200);
    }
    let r = crate::harness::client()
        .get(s.url(SEARCH))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=10).contains(&retry), "Retry-After {retry}");
    // The image proxy is limited too; cheap routes are not.
    let r = crate::harness::client()
        .get(s.url("/img?u=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let (st, _) = s.get("/api/v1/ping").await;
    assert_eq!(st, 200);
    let scrape = crate::metrics::scrape(&s).await;
    let refused = crate::metrics::value(
        &scrape,
        "sepiola_http_refused_requests_total",
        &[("reason", "rate_limited")],
    );
    assert_eq!(refused, Some(2.0), "429s counted on /metrics");
}
