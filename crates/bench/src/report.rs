//! Medians of the repeated measurements, as a dated Markdown section.

use crate::RunArgs;
use crate::load::{PageWeight, Phase};
use crate::process::Cost;

/// The commands that reproduce a run.
pub struct Measure;

impl Measure {
    /// The shell commands of this run.
    pub fn commands(args: &RunArgs) -> String {
        if args.small {
            "bench/run.sh --small".to_string()
        } else {
            let mut c = format!(
                "bench/run.sh --videos {} --runs {} --seconds {}",
                args.videos, args.runs, args.seconds
            );
            if args.vocabulary != "small" {
                c.push_str(&format!(
                    " --vocabulary {} --queries {}",
                    args.vocabulary,
                    args.queries.display()
                ));
            }
            c
        }
    }
}

/// What a run measured.
pub struct Report {
    small: bool,
    videos: u64,
    docs: u64,
    runs: usize,
    seconds: u64,
    lines: Vec<String>,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.retain(|x| x.is_finite());
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len().is_multiple_of(2) {
        // Two middle values: their mean, not the upper one (which flattered
        // every two-run report before 2026-11-29).
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    }
}

/// Items per second and wall seconds of each run that handled `items`.
fn rates_and_walls(runs: &[Cost], items: u64) -> (Vec<f64>, Vec<f64>) {
    let walls: Vec<f64> = runs.iter().map(|c| c.wall.as_secs_f64()).collect();
    let rates = walls.iter().map(|w| items as f64 / w).collect();
    (rates, walls)
}

/// A table line with the CPU time of import runs: seconds, per item, and how
/// many cores were busy on average (CPU over wall), which says how much of the
/// wall time a quiet two-core machine would save.
fn cpu_line(what: &str, runs: &[Cost], items: u64, item: &str) -> String {
    let cpu: Vec<f64> = runs.iter().map(|c| c.cpu.as_secs_f64()).collect();
    let per_item: Vec<f64> = cpu.iter().map(|s| s * 1e6 / items.max(1) as f64).collect();
    let cores: Vec<f64> = runs
        .iter()
        .map(|c| c.cpu.as_secs_f64() / c.wall.as_secs_f64().max(1e-9))
        .collect();
    format!(
        "| {what} | {:.0} µs per {item} (runs: {}) | {:.1} CPU-s | {:.2} cores busy on average |",
        median(per_item.clone()),
        spread(&per_item),
        median(cpu),
        median(cores)
    )
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1000.0
}

fn spread(v: &[f64]) -> String {
    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{lo:.2}–{hi:.2}")
}

impl Report {
    /// Starts a report.
    pub fn new(args: &RunArgs, docs: u64) -> Report {
        Report {
            small: args.small,
            videos: args.videos,
            docs,
            runs: args.runs,
            seconds: args.seconds,
            lines: Vec::new(),
        }
    }

    /// Import speed and size.
    pub fn import(&mut self, runs: &[Cost], index_bytes: u64) {
        let (rates, walls) = rates_and_walls(runs, self.docs);
        let rss: Vec<f64> = runs
            .iter()
            .map(|c| c.peak_rss_kib as f64 / 1024.0)
            .collect();
        self.lines.push(format!(
            "| import | {:.0} documents/s (runs: {}) | {:.1} s wall | peak RSS {:.0} MiB |",
            median(rates.clone()),
            spread(&rates),
            median(walls),
            median(rss)
        ));
        self.lines
            .push(cpu_line("import, CPU time", runs, self.docs, "document"));
        // sepiola reports "(N/s; X s indexing, Y s merging into 1 segment)".
        let split = |c: &Cost| -> Option<(f64, f64)> {
            let (_, rest) = c.stdout.split_once("/s; ")?;
            let (indexing, rest) = rest.split_once(" s indexing, ")?;
            let (merging, _) = rest.split_once(" s merging")?;
            Some((indexing.parse().ok()?, merging.parse().ok()?))
        };
        let splits: Vec<(f64, f64)> = runs.iter().filter_map(split).collect();
        if !splits.is_empty() {
            let indexing: Vec<f64> = splits
                .iter()
                .map(|(i, _)| self.docs as f64 / i.max(1e-9))
                .collect();
            let merging: Vec<f64> = splits.iter().map(|(_, m)| *m).collect();
            self.lines.push(format!(
                "| import: indexing alone, then final merge | {:.0} documents/s (runs: {}) | then {:.1} s merging each kind into one segment | |",
                median(indexing.clone()),
                spread(&indexing),
                median(merging)
            ));
        }
        self.lines.push(format!(
            "| index size on disk | {:.0} MiB | | |",
            index_bytes as f64 / 1024.0 / 1024.0
        ));
    }

    /// Import speed of the corpus's videos alone (the goal is in videos/s).
    pub fn videos_import(&mut self, runs: &[Cost], videos: u64) {
        let (rates, walls) = rates_and_walls(runs, videos);
        self.lines.push(format!(
            "| import, the {videos} videos alone | {:.0} videos/s (runs: {}) | {:.1} s wall | |",
            median(rates.clone()),
            spread(&rates),
            median(walls)
        ));
        self.lines.push(cpu_line(
            "import of the videos alone, CPU time",
            runs,
            videos,
            "video",
        ));
    }

    /// Serving figures.
    pub fn serving(
        &mut self,
        starts: &[std::time::Duration],
        phases: &[(&str, Vec<Phase>)],
        rss: &[u64],
        weight: PageWeight,
    ) {
        let starts: Vec<f64> = starts.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
        self.lines.push(format!(
            "| first answer after start | {:.0} ms | | |",
            median(starts)
        ));
        for (name, phases) in phases {
            let p50: Vec<f64> = phases.iter().map(|p| p.quantile_ms(0.50)).collect();
            let p95: Vec<f64> = phases.iter().map(|p| p.quantile_ms(0.95)).collect();
            let p99: Vec<f64> = phases.iter().map(|p| p.quantile_ms(0.99)).collect();
            let qps: Vec<f64> = phases.iter().map(Phase::throughput).collect();
            let errors: usize = phases.iter().map(|p| p.errors).sum();
            self.lines.push(format!(
                "| {name} | p50 {:.2} ms (runs: {}), p95 {:.2} ms, p99 {:.2} ms | {:.0} requests/s | {errors} errors |",
                median(p50.clone()),
                spread(&p50),
                median(p95),
                median(p99),
                median(qps)
            ));
        }
        let rss: Vec<f64> = rss.iter().map(|k| *k as f64 / 1024.0).collect();
        self.lines.push(format!(
            "| peak RSS while serving | {:.0} MiB | | |",
            median(rss)
        ));
        self.lines.push(format!(
            "| results page weight (no images) | {:.1} KB HTML + {:.1} KB CSS | gzip {:.1} + {:.1} KB | brotli {:.1} + {:.1} KB |",
            kb(weight.html.plain),
            kb(weight.css.plain),
            kb(weight.html.gzip),
            kb(weight.css.gzip),
            kb(weight.html.brotli),
            kb(weight.css.brotli)
        ));
    }

    /// The Markdown section.
    pub fn markdown(&self, commands: &str) -> String {
        let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
        let mode = if self.small {
            "small (CI) mode"
        } else {
            "full run"
        };
        format!(
            "\n## {date}: {mode}, {} videos ({} documents)\n\n\
             Machine: {}. Server pinned to core 0, load generator to core 1 (`taskset`). \
             Each figure is the median of {} runs (range in parentheses); load phases last {} s each \
             and cycle through the committed query mix (`bench/queries.txt` unless the command names another).\n\n\
             | measure | result | | |\n|---|---|---|---|\n{}\n\n\
             Command: `{commands}`\n",
            self.videos,
            self.docs,
            crate::machine::describe(),
            self.runs,
            self.seconds,
            self.lines.join("\n")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![10.0, 20.0]), 15.0);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(vec![f64::NAN]).is_nan());
    }
}
