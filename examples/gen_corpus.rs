//! Writes the benchmark corpus to a directory, for measuring the binary's peak memory:
//! `cargo run --release --example gen_corpus -- DIR MEGABYTES`.

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: gen_corpus DIR MEGABYTES");
    let mb: usize = args.next().and_then(|m| m.parse().ok()).expect("MEGABYTES");
    std::fs::create_dir_all(&dir).expect("create DIR");
    let corpus = support::corpus(mb * 1024 * 1024);
    for (name, bytes) in &corpus {
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).expect("write");
    }
    println!("{} files", corpus.len());
}
