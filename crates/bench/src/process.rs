//! Child processes: their wall time, their peak memory (VmHWM, sampled from
//! /proc while they run), and the sepiola server pinned to core 0 so the
//! load generator (pinned to core 1 by bench/run.sh) does not compete.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;

/// What running a command cost.
#[derive(Debug, Clone)]
pub struct Cost {
    /// Exit status was 0.
    pub success: bool,
    /// Wall time.
    pub wall: Duration,
    /// Peak resident memory, KiB.
    pub peak_rss_kib: u64,
    /// CPU time (user + system, every thread) it used, as last sampled
    /// (every 50 ms): unlike wall time, it barely moves with the machine's
    /// load, so it compares runs on a shared machine.
    pub cpu: Duration,
    /// What the command printed on standard output.
    pub stdout: String,
}

/// The peak resident memory of a live process, KiB.
pub fn vm_hwm_kib(pid: u32) -> Option<u64> {
    status_kib(pid, "VmHWM:")
}

/// The resident memory of a live process now, KiB.
pub fn vm_rss_kib(pid: u32) -> Option<u64> {
    status_kib(pid, "VmRSS:")
}

/// A `kB` field of `/proc/PID/status`.
fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// CPU time (user + system) a process has used so far, in clock ticks.
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after ')'.
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(user + system)
}

/// Microseconds per clock tick of /proc (USER_HZ, 100 on Linux).
pub fn tick_micros() -> f64 {
    10_000.0
}

/// Runs a command to completion, sampling its peak memory.
pub fn measure(cmd: &mut Command) -> anyhow::Result<Cost> {
    let started = Instant::now();
    let mut child = cmd.stdout(Stdio::piped()).spawn().context("spawning")?;
    let pid = child.id();
    // Read standard output on the side so a chatty child never blocks.
    let reader = child.stdout.take().map(|mut out| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut out, &mut text);
            text
        })
    });
    let mut peak = 0;
    let mut ticks = 0;
    loop {
        if let Some(t) = cpu_ticks(pid) {
            ticks = ticks.max(t);
        }
        if let Some(status) = child.try_wait()? {
            let wall = started.elapsed();
            let stdout = reader.and_then(|r| r.join().ok()).unwrap_or_default();
            return Ok(Cost {
                success: status.success(),
                wall,
                peak_rss_kib: peak,
                cpu: Duration::from_micros((ticks as f64 * tick_micros()) as u64),
                stdout,
            });
        }
        if let Some(kib) = vm_hwm_kib(pid) {
            peak = peak.max(kib);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A command for `program` that may use every core, even though this
/// process is pinned to one (affinity is inherited otherwise).
pub fn on_all_cores(program: &Path) -> Command {
    let n = crate::machine::cores();
    if n >= 2 && Path::new("/usr/bin/taskset").exists() {
        let mut c = Command::new("/usr/bin/taskset");
        c.args(["-c", &format!("0-{}", n - 1)]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

/// A running `sepiola serve`.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Server {
    /// Starts the server on an ephemeral port, pinned to core 0 when
    /// `pinned` and the machine has two cores or more, else on every core.
    pub fn start(sepiola: &Path, data: &Path, pinned: bool) -> anyhow::Result<Server> {
        Self::spawn(sepiola, data, pinned, None)
    }

    /// Starts the server on every core with a configuration file.
    pub fn start_with(sepiola: &Path, data: &Path, config: &Path) -> anyhow::Result<Server> {
        Self::spawn(sepiola, data, false, Some(config))
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn spawn(
        sepiola: &Path,
        data: &Path,
        pinned: bool,
        config: Option<&Path>,
    ) -> anyhow::Result<Server> {
        let pin = pinned
            && std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
                >= 2
            && Path::new("/usr/bin/taskset").exists();
        let mut cmd = if pin {
            let mut c = Command::new("/usr/bin/taskset");
            c.args(["-c", "0"]).arg(sepiola);
            c
        } else {
            // Affinity is inherited: undo the bench's own pinning.
            on_all_cores(sepiola)
        };
        if let Some(c) = config {
            cmd.arg("--config").arg(c);
        }
        let mut child = cmd
            .arg("--data-dir")
            .arg(data)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env("SEPIOLA_LOG", "warn")
            // The benchmark serves its corpus: never the public instance list.
            .env("SEPIOLA_CRAWL__DEFAULT_LIST", "")
            // Every load client is 127.0.0.1: no per-client rate limit.
            .env("SEPIOLA_LIMITS__RATE_LIMIT_PER_MINUTE", "0")
            .stdout(Stdio::piped())
            .spawn()
            .context("spawning sepiola serve")?;
        let stdout = child.stdout.take().context("no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .with_context(|| format!("unexpected first line {line:?}"))?
            .to_string();
        Ok(Server { child, base })
    }

    /// Peak resident memory so far, KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        vm_hwm_kib(self.child.id()).unwrap_or(0)
    }

    /// Stops the server.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}
