//! Writes a benchmark corpus to a directory, for measuring the binary (peak memory, the
//! datasketch comparison):
//! `cargo run --release --example gen_corpus -- seeds DIR MEGABYTES` (varied seed copies) or
//! `cargo run --release --example gen_corpus -- synthetic DIR ARTICLES` (syndicated groups).

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus seeds|synthetic DIR SIZE";
    let (kind, dir, size) = match args.as_slice() {
        [k, d, s] => (k.as_str(), d, s.parse::<usize>().expect(usage)),
        _ => panic!("{usage}"),
    };
    let corpus = match kind {
        "seeds" => support::corpus(size * 1024 * 1024),
        "synthetic" => support::synthetic_corpus(size, 7),
        _ => panic!("{usage}"),
    };
    std::fs::create_dir_all(dir).expect("create DIR");
    let mut bytes = 0;
    for (name, content) in &corpus {
        bytes += content.len();
        std::fs::write(std::path::Path::new(dir).join(name), content).expect("write");
    }
    println!("{} files, {} bytes", corpus.len(), bytes);
}
