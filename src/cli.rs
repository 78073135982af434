//! Command-line definitions and the commands' drivers: parse, load, analyse, report, and say
//! which exit code the outcome deserves.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::checks::CHECKS;
use crate::config::Config;
use crate::error::Error;
use crate::ingest::{self, Loaded};
use crate::model::{RuleId, Severity};
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
            let _ = writeln!(err, "wirecheck: {note}");
        }
    }
    for e in &loaded.errors {
        let _ = writeln!(err, "wirecheck: error: {e}");
    }
    !loaded.errors.is_empty()
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Exit, Error> {
    if let Some(jobs) = cli.jobs {
        // Fails only if a pool was already built (tests calling run twice): harmless.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(jobs))
            .build_global();
    }
    match &cli.command {
        Command::Rules { rule } => rules(rule.as_deref(), &cli),
        Command::Inspect { paths } => {
            if !matches!(cli.format, Format::Human | Format::Json) {
                return Err(Error::Usage(
                    "`inspect` prints `human` or `json` only".to_string(),
                ));
            }
            let loaded = ingest::load(paths);
            let had_errors = report_load_problems(&loaded, cli.quiet);
            if loaded.documents.is_empty() {
                return Err(Error::NoInput);
            }
            let mut out = stdout(cli.color, cli.format);
            match cli.format {
                Format::Json => report::json::write_inspect(&loaded.documents, &mut out)?,
                _ => report::human::write_inspect(&loaded.documents, &mut out)?,
            }
            out.flush()?;
            Ok(if had_errors {
                Exit::Trouble
            } else {
                Exit::Clean
            })
        }
        Command::Diff { a, b, side_by_side } => diff(a, b, *side_by_side, &cli),
        Command::Check {
            drafts,
            against,
            reference,
            fix,
            diff,
        } => check(drafts, against, reference, *fix, *diff, &cli),
        Command::Audit { paths, html } => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            let config = Config::load(cli.config.as_deref(), &cwd)?;
            let progress = Progress::start(cli.quiet);
            progress.stage("reading articles");
            let mut loaded = ingest::load(paths);
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
                eprintln!("wirecheck: warning: {note}");
            }
            if let Some(path) = html {
                write_html(&analysis, path)?;
            }
            report_and_exit(&analysis, None, had_errors, &cli)
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

fn check(
    drafts: &[String],
    against: &[String],
    reference: &[String],
    fix: bool,
    show_diff: bool,
    cli: &Cli,
) -> Result<Exit, Error> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config = Config::load(cli.config.as_deref(), &cwd)?;
    let progress = Progress::start(cli.quiet);
    progress.stage("reading articles");
    let mut draft_load = ingest::load(drafts);
    let mut evidence_load = if against.is_empty() {
        Loaded::default()
    } else {
        ingest::load(against)
    };
    let mut reference_load = if reference.is_empty() {
        Loaded::default()
    } else {
        ingest::load(reference)
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
        eprintln!("wirecheck: warning: {note}");
    }
    let is_draft: Vec<bool> = analysis
        .documents
        .iter()
        .map(|d| draft_names.contains(&d.name))
        .collect();
    analysis.findings.retain(|f| is_draft[f.document]);

    if fix || show_diff {
        let mut out = stdout(ColorWhen::Never, Format::Human);
        let mut fixed: Vec<usize> = Vec::new();
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
            let outcome = if doc.name == "-" || doc.name.contains('#') {
                Err(crate::fix::FixError::Unsupported {
                    path: doc.name.clone(),
                    reason: "only files can be fixed in place",
                })
            } else if doc.encoding != "UTF-8" {
                Err(crate::fix::FixError::Unsupported {
                    path: doc.name.clone(),
                    reason: "the file is not UTF-8",
                })
            } else {
                crate::fix::write_atomically(
                    std::path::Path::new(&doc.name),
                    doc.original(),
                    &content,
                )
            };
            match outcome {
                Ok(()) => {
                    if !cli.quiet {
                        eprintln!(
                            "wirecheck: {}: fixed {count} finding{}",
                            doc.name,
                            if count == 1 { "" } else { "s" }
                        );
                    }
                    fixed.push(index);
                }
                Err(e) => {
                    eprintln!("wirecheck: error: {e}");
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
            return check(drafts, against, reference, false, false, cli);
        }
    }

    report_and_exit(&analysis, Some(&is_draft), had_errors, cli)
}

/// Prints the report of `audit` (no drafts) or `check`, and picks the exit code: trouble
/// reading inputs wins, then findings at or above `--fail-on`.
fn report_and_exit(
    analysis: &crate::Analysis,
    drafts: Option<&[bool]>,
    had_errors: bool,
    cli: &Cli,
) -> Result<Exit, Error> {
    let mut out = stdout(cli.color, cli.format);
    let color = colored(&out);
    match (cli.format, drafts) {
        (Format::Human, None) => report::human::write_report(analysis, &mut out, cli.quiet, color)?,
        (Format::Human, Some(d)) => {
            report::human::write_check(analysis, d, &mut out, cli.quiet, color)?
        }
        (Format::Json, _) => report::json::write_report(analysis, &mut out)?,
        (Format::Sarif, _) => report::sarif::write(analysis, &mut out)?,
        (Format::Github, _) => report::github::write(analysis, &mut out)?,
    }
    out.flush()?;
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
fn load_one(path: &str, quiet: bool) -> Result<crate::model::Document, Error> {
    let mut loaded = ingest::load(&[path.to_string()]);
    let had_errors = report_load_problems(&loaded, quiet);
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
    let docs = vec![load_one(a, cli.quiet)?, load_one(b, cli.quiet)?];
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
