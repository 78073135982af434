//! Hostile shapes of input through the library, at 1, 4 and 16 MB: one article on a single
//! line without breaks ("The minister said the plan would work. " repeated) and a storm of
//! opening quotation marks (`“` repeated), and one paragraph of quotations with reporting
//! clauses and no full stop (`“We will win,” said Jane Doe, and …` repeated: one run-on
//! sentence of thousands of quotations of one group). Two pipelines each: `inspect` (read, clean, segment,
//! language, the JSON of every sentence) and `audit` (read, analyse, every rule, the JSON
//! report). Throughput is in bytes per second: flat throughput across the sizes is linear
//! growth (issue 9 measured a minute for 4 MB when columns were counted from the line start).

use std::time::Duration;

/// The allocator the `wirecheck` binary ships with, so the benchmark measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use wirecheck::config::Config;
use wirecheck::ingest::{read_bytes, Format};

const SIZES_MB: [usize; 3] = [1, 4, 16];

/// `unit` repeated to `mb` megabytes, without a line break.
fn repeated(unit: &str, mb: usize) -> Vec<u8> {
    unit.repeat(mb * 1024 * 1024 / unit.len()).into_bytes()
}

fn inspect(bytes: &[u8]) -> usize {
    let (docs, _, _) = read_bytes("long.txt", bytes.to_vec(), Format::Text);
    let mut out = Vec::new();
    wirecheck::report::json::write_inspect(&docs, &mut out).expect("writes to memory");
    out.len()
}

fn audit(bytes: &[u8]) -> usize {
    let (docs, _, _) = read_bytes("long.txt", bytes.to_vec(), Format::Text);
    let analysis = wirecheck::analyse(docs, &Config::default());
    let mut out = Vec::new();
    wirecheck::report::json::write_report(&analysis, &mut out).expect("writes to memory");
    out.len()
}

fn long_input(c: &mut Criterion) {
    let shapes = [
        ("single_line", "The minister said the plan would work. "),
        ("quote_storm", "\u{201c}"),
        (
            "quoted_paragraph",
            "\u{201c}We will win,\u{201d} said Jane Doe, and Mark Lee added \u{201c}not today\u{201d} ",
        ),
    ];
    for (shape, unit) in shapes {
        for (stage, run) in [("inspect", inspect as fn(&[u8]) -> usize), ("audit", audit)] {
            let mut group = c.benchmark_group(format!("{stage}_{shape}"));
            group
                .sample_size(10)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(3));
            for mb in SIZES_MB {
                let bytes = repeated(unit, mb);
                group.throughput(Throughput::Bytes(bytes.len() as u64));
                group.bench_with_input(
                    BenchmarkId::from_parameter(format!("{mb}MB")),
                    &bytes,
                    |b, bytes| b.iter(|| run(bytes)),
                );
            }
            group.finish();
        }
    }
}

criterion_group!(benches, long_input);
criterion_main!(benches);
