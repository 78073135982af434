//! Command-line definitions and the commands' drivers: parse, load, analyse, report, and say
//! which exit code the outcome deserves.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::checks::CHECKS;
use crate::config::Config;
use crate::error::Error;
use crate::ingest::{self, Loaded};
use crate::model::{RuleId, Severity};
use crate::report::escape::Escaped;
use crate::report::{self, Format};

#[derive(Debug, Parser)]
#[command(
    name = "wirecheck",
    version,
    about = "Check news coverage of the same event across outlets",
    long_about = "wirecheck reads articles covering the same events, lines up their sentences and \
                  reports name variants, altered quotes, translation artifacts and syndicated \
                  copies."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to use colour (NO_COLOR is honoured with `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Number of worker threads (default: one per core).
    #[arg(short = 'j', long, global = true, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Configuration file (default: wirecheck.toml in the current directory or a parent).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, global = true, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Print findings only: no notes, no summary.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Largest input read, in bytes or with a unit (64MiB, 500KB); larger files are skipped.
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_size,
          default_value = "64MiB")]
    pub max_file_size: u64,
    /// Print the CPU and wall time of each stage (read, extract, clean, segment, language,
    /// analyse, checks, output) to standard error at the end; standard output is unchanged.
    #[arg(long, global = true)]
    pub stats: bool,
}

/// Parses `--max-file-size`: a byte count with an optional unit (K/KB/KiB, M/MB/MiB, G/GB/GiB;
/// all binary multiples), from 1 KiB to 4 GiB.
pub fn parse_size(value: &str) -> Result<u64, String> {
    let value = value.trim();
    let digits = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    let (number, unit) = value.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{value}` is not a size: use a number of bytes, or 64MiB, 500KB"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        other => return Err(format!("unknown size unit `{other}`: use KiB, MiB or GiB")),
    };
    let bytes = number
        .checked_mul(1 << shift)
        .filter(|b| (1 << 10..=4 << 30).contains(b))
        .ok_or_else(|| format!("`{value}` is out of range: allowed 1KiB to 4GiB"))?;
    Ok(bytes)
}

/// `67108864` as `64 MiB`, for messages.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The whole corpus: documents, clusters, findings.
    Audit {
        /// Files or directories (recursive); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Also write the audit as one self-contained HTML report to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
    },
    /// Pre-publish gate: findings for the drafts only, with the other articles as evidence.
    Check {
        /// The articles to check.
        #[arg(required = true)]
        drafts: Vec<String>,
        /// Articles to use as evidence (files or directories).
        #[arg(long, num_args = 1..)]
        against: Vec<String>,
        /// Reference texts (transcripts, statements) to use as evidence.
        #[arg(long, num_args = 1..)]
        reference: Vec<String>,
        /// Apply the safe suggestions to the draft files (atomically).
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// Print the safe suggestions as a patch, without writing.
        #[arg(long)]
        diff: bool,
        /// With --fix: also fix read-only files (they stay read-only).
        #[arg(long, requires = "fix")]
        force: bool,
    },
    /// Two articles side by side: aligned sentences with word diffs, unmatched sentences.
    Diff {
        /// The first article.
        a: String,
        /// The second article.
        b: String,
        /// Two columns fitted to the terminal width.
        #[arg(long)]
        side_by_side: bool,
    },
    /// How each article was read: metadata, language, removed boilerplate, sentences.
    Inspect {
        /// Files or directories (recursive); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// The rule list, or one rule's documentation.
    Rules {
        /// A rule id, e.g. `name-variant`.
        rule: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Error,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Info => Some(Severity::Info),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
            FailOn::Never => None,
        }
    }
}

/// The exit codes of DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Ran, and nothing reached the fail level.
    Clean = 0,
    /// Findings at or above the fail level.
    Findings = 1,
    /// Usage, configuration or input error.
    Trouble = 2,
}

type Out = std::io::BufWriter<anstream::AutoStream<std::io::StdoutLock<'static>>>;

/// Buffered standard output that strips styles when colour is off. Machine formats pass
/// through untouched (they contain no styles).
fn stdout(color: ColorWhen, format: Format) -> Out {
    let choice = match (format, color) {
        (Format::Json | Format::Sarif | Format::Github, _) => anstream::ColorChoice::AlwaysAnsi,
        (_, ColorWhen::Auto) => anstream::ColorChoice::Auto,
        (_, ColorWhen::Always) => anstream::ColorChoice::Always,
        (_, ColorWhen::Never) => anstream::ColorChoice::Never,
    };
    std::io::BufWriter::with_capacity(
        1 << 16,
        anstream::AutoStream::new(std::io::stdout().lock(), choice),
    )
}

fn colored(out: &Out) -> bool {
    out.get_ref().current_choice() != anstream::ColorChoice::Never
}

/// A spinner on stderr that appears only when stderr is a terminal and the run has taken more
/// than a second, so quick runs and pipelines stay clean.
struct Progress {
    bar: indicatif::ProgressBar,
}

impl Progress {
    fn start(quiet: bool) -> Self {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::hidden());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        if !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            let delayed = bar.clone();
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_secs(1));
                if !delayed.is_finished() {
                    delayed.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    delayed.enable_steady_tick(std::time::Duration::from_millis(120));
                }
            });
        }
        Progress { bar }
    }

    fn stage(&self, message: &'static str) {
        self.bar.set_message(message);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Prints load errors and notes to stderr; returns whether there were errors.
fn report_load_problems(loaded: &Loaded, quiet: bool) -> bool {
    let mut err = std::io::stderr().lock();
    if !quiet {
        for note in &loaded.notes {
            let _ = writeln!(err, "wirecheck: {}", Escaped(note));
        }
    }
    for e in &loaded.errors {
        let _ = writeln!(err, "wirecheck: error: {}", Escaped(&e.to_string()));
    }
    !loaded.errors.is_empty()
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Exit, Error> {
    if cli.stats {
        crate::stats::enable();
    }
    let outcome = run_command(&cli);
    if cli.stats {
        eprintln!("{}", crate::stats::summary());
    }
    outcome
}

fn run_command(cli: &Cli) -> Result<Exit, Error> {
    if let Some(jobs) = cli.jobs {
        // Fails only if a pool was already built (tests calling run twice): harmless.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(jobs))
            .build_global();
    }
    if let (Some(path), Command::Rules { .. } | Command::Inspect { .. } | Command::Diff { .. }) =
        (&cli.config, &cli.command)
    {
        // These commands use no setting, but a `--config` that cannot be read is still an
        // error, as in `audit` and `check`.
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Config::load(Some(path), &cwd)?;
    }
    match &cli.command {
        Command::Rules { rule } => rules(rule.as_deref(), cli),
        Command::Inspect { paths } => {
            if !matches!(cli.format, Format::Human | Format::Json) {
                return Err(Error::Usage(
                    "`inspect` prints `human` or `json` only".to_string(),
                ));
            }
            let mut loaded = ingest::load(paths, cli.max_file_size);
            let had_errors = report_load_problems(&loaded, cli.quiet);
            if loaded.documents.is_empty() {
                return Err(Error::NoInput);
            }
            // `inspect` shows every sentence's language; the other commands never need them all.
            loaded.documents.par_iter_mut().for_each(|doc| {
                crate::stats::time(crate::stats::Stage::Language, || {
                    crate::text::language::identify_sentences(doc)
                })
            });
            crate::stats::time(crate::stats::Stage::Output, || {
                let mut out = stdout(cli.color, cli.format);
                match cli.format {
                    Format::Json => report::json::write_inspect(&loaded.documents, &mut out)?,
                    _ => report::human::write_inspect(&loaded.documents, &mut out)?,
                }
                out.flush()
            })?;
            Ok(if had_errors {
                Exit::Trouble
            } else {
                Exit::Clean
            })
        }
        Command::Diff { a, b, side_by_side } => diff(a, b, *side_by_side, cli),
        Command::Check {
            drafts,
            against,
            reference,
            fix,
            diff,
            force,
        } => {
            let mode = match (*fix, *diff) {
                (true, _) => FixMode::Fix { force: *force },
                (false, true) => FixMode::Diff,
                (false, false) => FixMode::Report,
            };
            check(drafts, against, reference, mode, cli)
        }
        Command::Audit { paths, html } => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            let config = Config::load(cli.config.as_deref(), &cwd)?;
            let progress = Progress::start(cli.quiet);
            progress.stage("reading articles");
            let mut loaded = ingest::load(paths, cli.max_file_size);
            let documents = std::mem::take(&mut loaded.documents);
            let analysis = (!documents.is_empty()).then(|| {
                progress.stage("clustering, aligning, checking");
                crate::analyse(documents, &config)
            });
            progress.finish();
            let had_errors = report_load_problems(&loaded, cli.quiet);
            let Some(analysis) = analysis else {
                return Err(Error::NoInput);
            };
            for note in &analysis.notes {
                eprintln!("wirecheck: warning: {}", Escaped(note));
            }
            if let Some(path) = html {
                crate::stats::time(crate::stats::Stage::Output, || write_html(&analysis, path))?;
            }
            report_and_exit(&analysis, None, false, had_errors, cli)
        }
    }
}

/// Writes the HTML report to `path`; an error names the file.
fn write_html(analysis: &crate::Analysis, path: &std::path::Path) -> Result<(), Error> {
    let named = |e: std::io::Error| {
        Error::Output(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", path.display()),
        ))
    };
    let file = std::fs::File::create(path).map_err(named)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
    report::html::write(analysis, &mut out).map_err(named)?;
    out.flush().map_err(named)
}

/// The file a document came from, for telling drafts and evidence apart.
fn identity(name: &str) -> String {
    let (file, id) = match name.split_once('#') {
        Some((f, id)) => (f, format!("#{id}")),
        None => (name, String::new()),
    };
    let canonical =
        std::fs::canonicalize(file).map_or_else(|_| file.to_string(), |p| p.display().to_string());
    format!("{canonical}{id}")
}

/// What `check` does with the safe suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FixMode {
    Report,
    Fix {
        force: bool,
    },
    Diff,
    /// Reporting on files just fixed: the findings left say why they were not fixed.
    AfterFix,
}

fn check(
    drafts: &[String],
    against: &[String],
    reference: &[String],
    mode: FixMode,
    cli: &Cli,
) -> Result<Exit, Error> {
    let (fix, show_diff) = (matches!(mode, FixMode::Fix { .. }), mode == FixMode::Diff);
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config = Config::load(cli.config.as_deref(), &cwd)?;
    let progress = Progress::start(cli.quiet);
    progress.stage("reading articles");
    let mut draft_load = ingest::load(drafts, cli.max_file_size);
    let mut evidence_load = if against.is_empty() {
        Loaded::default()
    } else {
        ingest::load(against, cli.max_file_size)
    };
    let mut reference_load = if reference.is_empty() {
        Loaded::default()
    } else {
        ingest::load(reference, cli.max_file_size)
    };
    let draft_ids: std::collections::HashSet<String> = draft_load
        .documents
        .iter()
        .map(|d| identity(&d.name))
        .collect();
    let reference_names: std::collections::HashSet<String> = reference_load
        .documents
        .iter()
        .map(|d| d.name.clone())
        .collect();
    let mut documents = std::mem::take(&mut draft_load.documents);
    let draft_names: std::collections::HashSet<String> =
        documents.iter().map(|d| d.name.clone()).collect();
    documents.extend(
        std::mem::take(&mut evidence_load.documents)
            .into_iter()
            .chain(std::mem::take(&mut reference_load.documents))
            .filter(|d| !draft_ids.contains(&identity(&d.name))),
    );
    documents.sort_by(|a, b| a.name.cmp(&b.name));
    documents.dedup_by(|a, b| a.name == b.name);
    let roles = crate::Roles {
        drafts: Some(
            documents
                .iter()
                .map(|d| draft_names.contains(&d.name))
                .collect(),
        ),
        references: documents
            .iter()
            .map(|d| reference_names.contains(&d.name))
            .collect(),
    };
    let has_drafts = !draft_names.is_empty();
    let with_references = roles.references.iter().any(|&r| r);
    let analysis = has_drafts.then(|| {
        progress.stage("clustering, aligning, checking");
        crate::analyse_with_roles(documents, &config, &roles)
    });
    progress.finish();
    let mut had_errors = report_load_problems(&draft_load, cli.quiet);
    had_errors |= report_load_problems(&evidence_load, cli.quiet);
    had_errors |= report_load_problems(&reference_load, cli.quiet);
    let Some(mut analysis) = analysis else {
        return Err(Error::NoInput);
    };
    for note in &analysis.notes {
        eprintln!("wirecheck: warning: {}", Escaped(note));
    }
    let is_draft: Vec<bool> = analysis
        .documents
        .iter()
        .map(|d| draft_names.contains(&d.name))
        .collect();
    analysis.findings.retain(|f| is_draft[f.document]);
    if mode != FixMode::Report {
        // A suggestion --fix would apply but must leave to a human says why in the finding.
        for f in &mut analysis.findings {
            if crate::fix::is_safe(f) {
                if let Some(reason) = crate::fix::blocker(&analysis.documents[f.document], f) {
                    f.message = format!("{} ({reason})", f.message);
                }
            }
        }
    }

    if fix || show_diff {
        let mut out = stdout(ColorWhen::Never, Format::Human);
        let mut fixed: Vec<usize> = Vec::new();
        // The same file named twice (`a.txt ./a.txt`) is fixed once.
        let mut written: std::collections::HashSet<PathBuf> = Default::default();
        for (index, doc) in analysis
            .documents
            .iter()
            .enumerate()
            .filter(|(i, _)| is_draft[*i])
        {
            let findings: Vec<&crate::model::Finding> = analysis
                .findings
                .iter()
                .filter(|f| f.document == index)
                .collect();
            let Some((content, count)) = crate::fix::patched(doc, &findings) else {
                continue;
            };
            if show_diff {
                let old = String::from_utf8_lossy(doc.original());
                let new = String::from_utf8_lossy(&content);
                let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
                write!(out, "{}", diff.unified_diff().header(&doc.name, &doc.name))?;
                continue;
            }
            let path = std::path::Path::new(&doc.name);
            let outcome = if doc.name == "-" {
                Err(crate::fix::FixError::Unsupported {
                    path: doc.name.clone(),
                    reason: "standard input cannot be fixed in place; use --diff".into(),
                })
            } else if doc.record.is_some() {
                Err(crate::fix::FixError::Unsupported {
                    path: doc.name.clone(),
                    reason: "articles in a JSON Lines file are not fixed in place; use --diff"
                        .into(),
                })
            } else if doc.encoding != "UTF-8" {
                Err(crate::fix::FixError::Unsupported {
                    path: doc.name.clone(),
                    reason: format!(
                        "the file is {}, and --fix writes UTF-8 files only",
                        doc.encoding
                    ),
                })
            } else if !written.insert(std::fs::canonicalize(path).unwrap_or(path.into())) {
                continue;
            } else {
                let force = mode == FixMode::Fix { force: true };
                crate::fix::write_atomically(path, doc.original(), &content, force)
            };
            match outcome {
                Ok(()) => {
                    if !cli.quiet {
                        eprintln!(
                            "wirecheck: {}: fixed {count} finding{}",
                            Escaped(&doc.name),
                            if count == 1 { "" } else { "s" }
                        );
                    }
                    fixed.push(index);
                }
                Err(e) => {
                    eprintln!("wirecheck: error: {}", Escaped(&e.to_string()));
                    had_errors = true;
                }
            }
        }
        out.flush()?;
        if show_diff {
            return Ok(if had_errors {
                Exit::Trouble
            } else {
                Exit::Clean
            });
        }
        if !fixed.is_empty() && !had_errors {
            // Report on the files as they are now.
            return check(drafts, against, reference, FixMode::AfterFix, cli);
        }
    }

    report_and_exit(&analysis, Some(&is_draft), with_references, had_errors, cli)
}

/// Prints the report of `audit` (no drafts) or `check`, and picks the exit code: trouble
/// reading inputs wins, then findings at or above `--fail-on`.
fn report_and_exit(
    analysis: &crate::Analysis,
    drafts: Option<&[bool]>,
    with_references: bool,
    had_errors: bool,
    cli: &Cli,
) -> Result<Exit, Error> {
    crate::stats::time(crate::stats::Stage::Output, || -> Result<(), Error> {
        let mut out = stdout(cli.color, cli.format);
        let color = colored(&out);
        match (cli.format, drafts) {
            (Format::Human, None) => {
                report::human::write_report(analysis, &mut out, cli.quiet, color)?
            }
            (Format::Human, Some(d)) => report::human::write_check(
                analysis,
                d,
                with_references,
                &mut out,
                cli.quiet,
                color,
            )?,
            (Format::Json, None) => report::json::write_report(analysis, &mut out)?,
            (Format::Json, Some(d)) => {
                report::json::write_check(analysis, d, with_references, &mut out)?
            }
            (Format::Sarif, None) => report::sarif::write(analysis, had_errors, &mut out)?,
            (Format::Sarif, Some(d)) => {
                report::sarif::write_check(analysis, d, with_references, had_errors, &mut out)?
            }
            (Format::Github, drafts) => {
                report::github::write(analysis, &mut out)?;
                if let Some(d) = drafts {
                    report::github::write_check_notes(analysis, d, with_references, &mut out)?;
                }
            }
        }
        out.flush()?;
        Ok(())
    })?;
    if had_errors {
        return Ok(Exit::Trouble);
    }
    let failing = cli
        .fail_on
        .threshold()
        .is_some_and(|t| analysis.findings.iter().any(|f| f.severity >= t));
    Ok(if failing { Exit::Findings } else { Exit::Clean })
}

/// Loads exactly one article from `path`.
fn load_one(path: &str, cli: &Cli) -> Result<crate::model::Document, Error> {
    let mut loaded = ingest::load(&[path.to_string()], cli.max_file_size);
    let had_errors = report_load_problems(&loaded, cli.quiet);
    match loaded.documents.len() {
        1 if !had_errors => Ok(loaded.documents.remove(0)),
        0 | 1 => Err(Error::Usage(format!(
            "{path}: cannot be read as an article"
        ))),
        n => Err(Error::Usage(format!(
            "{path}: holds {n} articles; `diff` compares exactly one with one"
        ))),
    }
}

fn diff(a: &str, b: &str, side_by_side: bool, cli: &Cli) -> Result<Exit, Error> {
    if !matches!(cli.format, Format::Human | Format::Json) {
        return Err(Error::Usage(
            "`diff` prints `human` or `json` only".to_string(),
        ));
    }
    let docs = vec![load_one(a, cli)?, load_one(b, cli)?];
    let features: Vec<_> = docs
        .iter()
        .map(crate::text::features::document_features)
        .collect();
    let pair = crate::analysis::pair_report(&docs, 0, 1, &features[0], &features[1]);
    let mut out = stdout(cli.color, cli.format);
    let color = colored(&out);
    match cli.format {
        Format::Json => report::diffview::write_json(&docs, &pair, &mut out)?,
        _ => {
            let width = side_by_side.then(|| {
                terminal_size::terminal_size()
                    .map(|(w, _)| usize::from(w.0))
                    .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
                    .unwrap_or(120)
            });
            report::diffview::write_human(&docs, &pair, &mut out, color, width)?
        }
    }
    out.flush()?;
    Ok(Exit::Clean)
}

fn rules(rule: Option<&str>, cli: &Cli) -> Result<Exit, Error> {
    let mut out = stdout(cli.color, cli.format);
    match cli.format {
        Format::Human => {}
        Format::Json => {
            let selected: Vec<&dyn crate::checks::Check> = match rule {
                None => CHECKS.to_vec(),
                Some(name) => {
                    let id: RuleId = name
                        .parse()
                        .map_err(|e: crate::model::UnknownRule| Error::Usage(e.to_string()))?;
                    CHECKS.iter().copied().filter(|c| c.rule() == id).collect()
                }
            };
            let list: Vec<serde_json::Value> = selected
                .iter()
                .map(|c| {
                    let docs = c.docs().trim();
                    serde_json::json!({
                        "id": c.rule().as_str(),
                        "severity": c.default_severity().as_str(),
                        "summary": docs.lines().next().unwrap_or_default().trim(),
                        "docs": docs,
                    })
                })
                .collect();
            let value = serde_json::json!({ "version": 1, "rules": list });
            serde_json::to_writer_pretty(&mut out, &value).map_err(std::io::Error::from)?;
            writeln!(out)?;
            out.flush()?;
            return Ok(Exit::Clean);
        }
        Format::Sarif | Format::Github => {
            return Err(Error::Usage(
                "`rules` prints `human` or `json` only".to_string(),
            ))
        }
    }
    match rule {
        None => {
            for id in RuleId::ALL {
                match crate::checks::find(id) {
                    Some(check) => {
                        let summary = check.docs().trim().lines().next().unwrap_or_default();
                        writeln!(
                            out,
                            "{:<20} {:<8} {}",
                            id.as_str(),
                            check.default_severity().as_str(),
                            summary.trim()
                        )?;
                    }
                    None => writeln!(out, "{:<20} {:<8} (not implemented yet)", id.as_str(), "-")?,
                }
            }
            out.flush()?;
            Ok(Exit::Clean)
        }
        Some(name) => {
            let id: RuleId = name
                .parse()
                .map_err(|e: crate::model::UnknownRule| Error::Usage(e.to_string()))?;
            match CHECKS.iter().find(|c| c.rule() == id) {
                Some(check) => {
                    writeln!(out, "{} (default: {})\n", id, check.default_severity())?;
                    writeln!(out, "{}", check.docs().trim())?;
                    out.flush()?;
                    Ok(Exit::Clean)
                }
                None => Err(Error::Usage(format!("rule `{id}` is not implemented yet"))),
            }
        }
    }
}
