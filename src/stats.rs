//! Where a run's time goes, for `--stats`: CPU and wall time per pipeline stage.
//!
//! Off by default, and then free: every timer first checks one relaxed atomic flag. When on,
//! two kinds of stage are measured:
//!
//! - **per-document stages** ([`Stage::Read`] … [`Stage::Language`]) run for many documents at
//!   once on the worker threads; each call adds the CPU time *of its own thread* (so threads
//!   waiting for a core on a busy machine do not count) to the stage's total. They have no wall
//!   time of their own: they overlap.
//! - **phases** ([`Stage::Load`], [`Stage::Analyse`], [`Stage::Checks`], [`Stage::Output`])
//!   run one after the other and may use every worker inside; each adds the CPU time of the
//!   whole process and the wall time it took.
//!
//! Stages return their data as before; this module only keeps counters, and the command line
//! prints them (to standard error, so standard output stays the same with or without).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A measured part of the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading a file or standard input into memory.
    Read,
    /// Decoding the bytes to text and, for HTML, extracting the main text (metadata and the
    /// removed regions included); JSON Lines parsing.
    Extract,
    /// Finding boilerplate in the text (comment sections, share prompts, bios).
    Clean,
    /// Paragraphs, sentences and their kinds.
    Segment,
    /// Language identification of the document (and, for `inspect`, of each sentence).
    Language,
    /// The whole reading phase: every per-document stage above, in parallel.
    Load,
    /// Clustering, indexing and alignment (`audit`, `check`): the six parts below.
    Analyse,
    /// Part of `Analyse`: per-sentence features (tokens, content words, figures).
    Features,
    /// Part of `Analyse`: shingle signatures of every document.
    Index,
    /// Part of `Analyse`: copies, content similarity and linkage into event clusters.
    Cluster,
    /// Part of `Analyse`: sentence alignment of the article pairs inside each cluster.
    Align,
    /// Part of `Analyse`: quotation extraction, attribution and grouping.
    Quotes,
    /// Part of `Analyse`: name mentions and their groups.
    Names,
    /// Running the rules (`audit`, `check`).
    Checks,
    /// Writing the report.
    Output,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 15] = [
        Stage::Read,
        Stage::Extract,
        Stage::Clean,
        Stage::Segment,
        Stage::Language,
        Stage::Load,
        Stage::Analyse,
        Stage::Features,
        Stage::Index,
        Stage::Cluster,
        Stage::Align,
        Stage::Quotes,
        Stage::Names,
        Stage::Checks,
        Stage::Output,
    ];

    /// The stage's name as `--stats` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Extract => "extract",
            Stage::Clean => "clean",
            Stage::Segment => "segment",
            Stage::Language => "language",
            Stage::Load => "load",
            Stage::Analyse => "analyse",
            Stage::Features => "  features",
            Stage::Index => "  index",
            Stage::Cluster => "  cluster",
            Stage::Align => "  align",
            Stage::Quotes => "  quotes",
            Stage::Names => "  names",
            Stage::Checks => "checks",
            Stage::Output => "output",
        }
    }

    /// Whether the stage runs per document on the worker threads (CPU time only).
    pub fn per_document(self) -> bool {
        matches!(
            self,
            Stage::Read | Stage::Extract | Stage::Clean | Stage::Segment | Stage::Language
        )
    }

    fn index(self) -> usize {
        self as usize
    }
}

const STAGES: usize = Stage::ALL.len();

static ENABLED: AtomicBool = AtomicBool::new(false);
static CPU_NS: [AtomicU64; STAGES] = [const { AtomicU64::new(0) }; STAGES];
static WALL_NS: [AtomicU64; STAGES] = [const { AtomicU64::new(0) }; STAGES];
static RUNS: [AtomicU64; STAGES] = [const { AtomicU64::new(0) }; STAGES];
static BYTES: AtomicU64 = AtomicU64::new(0);
static STARTED: Mutex<Option<(Instant, Option<Duration>)>> = Mutex::new(None);

/// Starts measuring (and resets every counter): the run's wall and CPU time count from here.
pub fn enable() {
    for counter in CPU_NS.iter().chain(&WALL_NS).chain(&RUNS) {
        counter.store(0, Ordering::Relaxed);
    }
    BYTES.store(0, Ordering::Relaxed);
    if let Ok(mut started) = STARTED.lock() {
        *started = Some((Instant::now(), process_cpu()));
    }
    ENABLED.store(true, Ordering::Relaxed);
}

/// Whether `--stats` is on.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Counts `n` bytes of input read.
pub fn add_bytes(n: usize) {
    if enabled() {
        BYTES.fetch_add(n as u64, Ordering::Relaxed);
    }
}

/// Runs `f` as part of `stage`, adding its time to the stage's totals when `--stats` is on.
/// Per-document stages add the calling thread's CPU time; phases add the whole process's CPU
/// time and the wall time.
pub fn time<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let clock = if stage.per_document() {
        thread_cpu
    } else {
        process_cpu
    };
    let (wall, cpu) = (Instant::now(), clock());
    let out = f();
    RUNS[stage.index()].fetch_add(1, Ordering::Relaxed);
    if let (Some(before), Some(after)) = (cpu, clock()) {
        CPU_NS[stage.index()].fetch_add(nanos(after.saturating_sub(before)), Ordering::Relaxed);
    }
    if !stage.per_document() {
        WALL_NS[stage.index()].fetch_add(nanos(wall.elapsed()), Ordering::Relaxed);
    }
    out
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// One stage's totals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageTime {
    pub stage: Stage,
    /// CPU seconds (`None` where the platform has no CPU clock).
    pub cpu: Option<f64>,
    /// Wall seconds; `None` for per-document stages, which overlap.
    pub wall: Option<f64>,
}

/// What `--stats` prints: the stages that ran, and the run as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub stages: Vec<StageTime>,
    /// Bytes of input read.
    pub bytes: u64,
    /// CPU and wall seconds since [`enable`].
    pub total: StageTime,
}

/// The totals so far. Stages that never ran are left out.
pub fn summary() -> Summary {
    let cpu_clock = process_cpu().is_some();
    let seconds = |ns: u64| ns as f64 / 1e9;
    let stages = Stage::ALL
        .iter()
        .filter_map(|&stage| {
            let cpu = CPU_NS[stage.index()].load(Ordering::Relaxed);
            let wall = WALL_NS[stage.index()].load(Ordering::Relaxed);
            let runs = RUNS[stage.index()].load(Ordering::Relaxed);
            (runs > 0).then(|| StageTime {
                stage,
                cpu: cpu_clock.then(|| seconds(cpu)),
                wall: (!stage.per_document()).then(|| seconds(wall)),
            })
        })
        .collect();
    let started = STARTED.lock().ok().and_then(|s| *s);
    let total = match started {
        Some((wall, cpu)) => StageTime {
            stage: Stage::Load,
            cpu: cpu
                .zip(process_cpu())
                .map(|(before, after)| after.saturating_sub(before).as_secs_f64()),
            wall: Some(wall.elapsed().as_secs_f64()),
        },
        None => StageTime {
            stage: Stage::Load,
            cpu: None,
            wall: None,
        },
    };
    Summary {
        stages,
        bytes: BYTES.load(Ordering::Relaxed),
        total,
    }
}

impl std::fmt::Display for Summary {
    /// The table `--stats` prints on standard error.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = |s: Option<f64>| s.map_or_else(|| "-".to_string(), |s| format!("{s:.3}"));
        writeln!(
            f,
            "wirecheck stats: {:.1} MB read, {} worker threads",
            self.bytes as f64 / 1e6,
            rayon::current_num_threads()
        )?;
        writeln!(f, "{:<10} {:>9} {:>9}", "stage", "CPU s", "wall s")?;
        for t in &self.stages {
            writeln!(
                f,
                "{:<10} {:>9} {:>9}",
                t.stage.name(),
                secs(t.cpu),
                secs(t.wall)
            )?;
        }
        writeln!(
            f,
            "{:<10} {:>9} {:>9}",
            "total",
            secs(self.total.cpu),
            secs(self.total.wall)
        )?;
        write!(
            f,
            "(read to language: CPU time of the worker threads, summed over documents, which \
             are read in parallel within `load`; the indented stages are parts of `analyse`; \
             total: the whole run after argument parsing)"
        )
    }
}

#[cfg(unix)]
fn clock(id: libc::clockid_t) -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; clock_gettime only writes into it.
    let rc = unsafe { libc::clock_gettime(id, &mut ts) };
    (rc == 0).then(|| {
        Duration::new(
            u64::try_from(ts.tv_sec).unwrap_or(0),
            u32::try_from(ts.tv_nsec).unwrap_or(0),
        )
    })
}

/// CPU time used so far by the calling thread.
fn thread_cpu() -> Option<Duration> {
    #[cfg(unix)]
    {
        clock(libc::CLOCK_THREAD_CPUTIME_ID)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// CPU time used so far by the whole process (user and system, every thread).
fn process_cpu() -> Option<Duration> {
    #[cfg(unix)]
    {
        clock(libc::CLOCK_PROCESS_CPUTIME_ID)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names_are_unique_and_in_pipeline_order() {
        let names: Vec<&str> = Stage::ALL.iter().map(|s| s.name()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert_eq!(names.first(), Some(&"read"));
        assert_eq!(names.last(), Some(&"output"));
        for (i, stage) in Stage::ALL.iter().enumerate() {
            assert_eq!(stage.index(), i);
        }
    }

    #[test]
    fn timing_returns_the_value_and_counts_when_enabled() {
        // The only test touching the global counters (tests run in parallel).
        assert_eq!(time(Stage::Segment, || 7), 7);
        enable();
        let spin = time(Stage::Segment, || {
            (0..200_000u64).fold(0u64, |a, b| a ^ b.wrapping_mul(31))
        });
        assert!(spin > 0);
        time(Stage::Output, || {
            std::thread::sleep(Duration::from_millis(2))
        });
        add_bytes(1000);
        let summary = summary();
        // Other tests may read files meanwhile.
        assert!(summary.bytes >= 1000);
        let segment = summary.stages.iter().find(|t| t.stage == Stage::Segment);
        let output = summary.stages.iter().find(|t| t.stage == Stage::Output);
        #[cfg(unix)]
        assert!(segment.is_some_and(|t| t.cpu.is_some_and(|c| c > 0.0) && t.wall.is_none()));
        assert!(output.is_some_and(|t| t.wall.is_some_and(|w| w >= 0.002)));
        assert!(summary.total.wall.is_some_and(|w| w >= 0.002));
        let table = summary.to_string();
        assert!(table.contains("\noutput "), "{table}");
        assert!(table.contains("\ntotal "), "{table}");
        ENABLED.store(false, Ordering::Relaxed);
    }
}
