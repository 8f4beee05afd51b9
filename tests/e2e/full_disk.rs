//! Issue 15, point 2: the data directory on a small file system that
//! fills up (a size-limited tmpfs the test mounts, as root — CI runs as
//! root). Import and a crawl under `serve` fail with an error naming the
//! directory; the index still opens and serves; when space is freed (the
//! tmpfs grown), the import completes and the crawl resumes by itself.

use std::path::Path;
use std::time::Duration;

use crate::harness::fedsim::{Fed, api_all, crawl_toml};
use crate::harness::tmpfs::Tmpfs;
use crate::harness::{Server, eventually, sepiola};

fn corpus(path: &Path, videos: u64) -> u64 {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let n = fedsim::corpus::write_corpus(
        fedsim::corpus::CorpusSize {
            seed: 5,
            instances: 10,
            videos,
            channels: videos / 10,
            playlists: videos / 20,
            mobilizon_instances: 0,
            events: 0,
            groups: 0,
        },
        &mut f,
    )
    .unwrap();
    n.videos + n.channels + n.playlists
}

#[tokio::test]
async fn import_on_a_full_disk_names_the_directory_and_resumes_when_space_is_freed() {
    let _heavy = crate::harness::heavy().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.jsonl");
    let docs = corpus(&file, 6_000);
    let data = dir.path().join("data");
    let Some(fs) = Tmpfs::mount(&data, "3m") else {
        return;
    };
    let d = data.to_str().unwrap();
    let (code, _, err) = sepiola(&["--data-dir", d, "index", "import", file.to_str().unwrap()]);
    assert_ne!(code, 0, "an import onto a full disk succeeded: {err}");
    assert!(
        err.contains("no space left on the disk holding the index in") && err.contains(d),
        "the error does not say the disk is full, or where: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // The index opens and serves what it committed.
    let (code, _, err) = sepiola(&["--data-dir", d, "index", "export", "-o", "/dev/null"]);
    assert_eq!(code, 0, "the index does not open after a full disk: {err}");
    // Space freed: the same import completes.
    fs.grow("200m");
    let (code, out, err) = sepiola(&["--data-dir", d, "index", "import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out} {err}");
    assert!(out.contains(&format!("imported {docs} documents")), "{out}");
    let (code, _, err) = sepiola(&["--data-dir", d, "index", "export", "-o", "/dev/null"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("exported {docs} documents")), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crawl_on_a_full_disk_keeps_serving_and_resumes_when_space_is_freed() {
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start(6, &[], 150.0, 31).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let Some(fs) = Tmpfs::mount(&data, "1m") else {
        return;
    };
    let toml = crawl_toml(&fed.list_url(), "quick_interval_secs = 2\n");
    let s = Server::start_logging(dir, &toml);
    // The crawl fills the disk: the log names the directory, the server
    // keeps answering.
    eventually(
        "a full-disk error in the log",
        Duration::from_secs(60),
        || async {
            s.log()
                .contains("no space left on the disk holding the index in")
        },
    )
    .await;
    assert!(s.log().contains(data.to_str().unwrap()), "{}", s.log());
    let (st, v) = s.get("/api/v1/search/videos?search=a").await;
    assert_eq!(st, 200, "{v}");
    let (st, _) = s.get("/search?search=a").await;
    assert_eq!(st, 200);
    // Space freed: the next passes write everything, with no restart.
    fs.grow("300m");
    for h in fed.healthy() {
        let want = fed.local_videos(&h).await.len();
        assert!(want > 0, "{h} has no videos: the check proves nothing");
        eventually(
            &format!("{h} complete"),
            Duration::from_secs(90),
            || async { api_all(&s.base, "videos", &h).await.len() == want },
        )
        .await;
    }
    assert!(!s.log().contains("panicked"), "{}", s.log());
    drop(s);
}
