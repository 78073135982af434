//! `wirecheck.toml`: per-rule levels, thresholds, name lists. Unknown keys and rule ids are
//! errors naming the file, the line and the valid choices.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::analysis::cluster::ClusterParams;
use crate::analysis::AlignSettings;
use crate::error::Error;
use crate::model::{RuleId, Severity};

pub const FILE_NAME: &str = "wirecheck.toml";

/// The largest `[align] max_all_pairs`: a cluster of 100 articles aligns 4,950 pairs; beyond,
/// each article is aligned with the representative, which keeps the work linear.
pub const MAX_ALL_PAIRS: i64 = 100;

/// A rule's level in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Preferred spellings (a newsroom's style list); they win over the majority.
    #[serde(default)]
    pub canonical: Vec<String>,
    /// Spellings never flagged.
    #[serde(default)]
    pub allow: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    names: Names,
    #[serde(default)]
    cluster: ClusterParams,
    #[serde(default)]
    align: AlignSettings,
}

/// The effective configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub levels: BTreeMap<RuleId, Level>,
    pub names: Names,
    pub cluster: ClusterParams,
    pub align: AlignSettings,
    /// Where it was read from, if anywhere.
    pub path: Option<PathBuf>,
}

impl Config {
    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity(&self, rule: RuleId, default: Severity) -> Option<Severity> {
        match self.levels.get(&rule) {
            None => Some(default),
            Some(Level::Off) => None,
            Some(Level::Info) => Some(Severity::Info),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
        }
    }

    pub fn parse(path: &Path, source: &str) -> Result<Config, Error> {
        let raw: RawConfig = toml::from_str(source).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                source[..s.start.min(source.len())].matches('\n').count() + 1
            });
            Error::Config {
                path: path.to_path_buf(),
                line,
                message: e.message().trim().to_string(),
            }
        })?;
        let defaults = (ClusterParams::default(), AlignSettings::default());
        let bounded: [(&str, f64, f64, f64, f64); 6] = [
            // (key, value, lowest, highest, default)
            (
                "threshold",
                raw.cluster.threshold,
                0.0,
                1.0,
                defaults.0.threshold,
            ),
            (
                "date_grace_days",
                raw.cluster.date_grace_days as f64,
                0.0,
                3660.0,
                defaults.0.date_grace_days as f64,
            ),
            (
                "date_half_life_days",
                raw.cluster.date_half_life_days,
                0.1,
                3660.0,
                defaults.0.date_half_life_days,
            ),
            (
                "max_date_span_days",
                raw.cluster.max_date_span_days as f64,
                0.0,
                36600.0,
                defaults.0.max_date_span_days as f64,
            ),
            (
                "background_articles",
                raw.cluster.background_articles,
                0.0,
                100_000.0,
                defaults.0.background_articles,
            ),
            (
                "max_all_pairs",
                raw.align.max_all_pairs as f64,
                1.0,
                MAX_ALL_PAIRS as f64,
                defaults.1.max_all_pairs as f64,
            ),
        ];
        for (key, value, low, high, default) in bounded {
            // NaN is out of every range.
            if !(low..=high).contains(&value) {
                return Err(Error::Config {
                    path: path.to_path_buf(),
                    line: line_of_key(source, key),
                    message: format!(
                        "`{key} = {value}` is out of range: allowed {low} to {high} (default {default})"
                    ),
                });
            }
        }
        let mut levels = BTreeMap::new();
        for (key, level) in raw.rules {
            let rule: RuleId =
                key.parse()
                    .map_err(|e: crate::model::UnknownRule| Error::Config {
                        path: path.to_path_buf(),
                        line: line_of_key(source, &key),
                        message: e.to_string(),
                    })?;
            levels.insert(rule, level);
        }
        Ok(Config {
            levels,
            names: raw.names,
            cluster: raw.cluster,
            align: raw.align,
            path: Some(path.to_path_buf()),
        })
    }

    /// Reads `path`, or else the nearest `wirecheck.toml` in `start` or a parent directory;
    /// the default configuration when there is none.
    pub fn load(path: Option<&Path>, start: &Path) -> Result<Config, Error> {
        let found = match path {
            Some(p) => Some(p.to_path_buf()),
            None => start
                .ancestors()
                .map(|dir| dir.join(FILE_NAME))
                .find(|candidate| candidate.is_file()),
        };
        let Some(file) = found else {
            return Ok(Config::default());
        };
        let source = std::fs::read_to_string(&file).map_err(|e| Error::ConfigIo {
            path: file.clone(),
            source: e,
        })?;
        Config::parse(&file, &source)
    }
}

fn line_of_key(source: &str, key: &str) -> usize {
    source
        .lines()
        .position(|l| {
            let l = l.trim_start().trim_start_matches('"');
            l.starts_with(key)
                && l[key.len()..]
                    .trim_start()
                    .trim_start_matches('"')
                    .trim_start()
                    .starts_with('=')
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_names_are_read() {
        let cfg = Config::parse(
            Path::new("w.toml"),
            "[rules]\nrepeated-word = \"off\"\nmojibake = \"error\"\n\n[names]\ncanonical = [\"Volodymyr Zelenskyy\"]\nallow = [\"Kyiv\"]\n",
        )
        .unwrap();
        assert_eq!(cfg.severity(RuleId::RepeatedWord, Severity::Warning), None);
        assert_eq!(
            cfg.severity(RuleId::Mojibake, Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(
            cfg.severity(RuleId::NameVariant, Severity::Warning),
            Some(Severity::Warning)
        );
        assert_eq!(cfg.names.canonical, vec!["Volodymyr Zelenskyy".to_string()]);
    }

    #[test]
    fn cluster_and_align_settings_are_read() {
        let cfg = Config::parse(
            Path::new("w.toml"),
            "[cluster]\nthreshold = 0.3\nmax_date_span_days = 7\nbackground_articles = 100\n\n[align]\nmax_all_pairs = 4\n",
        )
        .unwrap();
        assert_eq!(cfg.cluster.threshold, 0.3);
        assert_eq!(cfg.cluster.background_articles, 100.0);
        assert_eq!(Config::default().cluster.background_articles, 0.0);
        assert_eq!(cfg.cluster.max_date_span_days, 7);
        assert_eq!(cfg.cluster.date_grace_days, 2);
        assert_eq!(cfg.align.max_all_pairs, 4);
    }

    #[test]
    fn unknown_rule_names_the_line_and_the_choices() {
        let err =
            Config::parse(Path::new("w.toml"), "[rules]\n\nname-variants = \"off\"\n").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("w.toml:3: unknown rule `name-variants`"),
            "{msg}"
        );
        assert!(msg.contains("name-variant, quote-altered"), "{msg}");
    }

    #[test]
    fn unknown_key_and_bad_level_are_errors_with_lines() {
        let err =
            Config::parse(Path::new("w.toml"), "[names]\ncanonical = []\nfoo = 1\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("w.toml:3: unknown field `foo`"), "{msg}");
        let err = Config::parse(Path::new("w.toml"), "[rules]\nmojibake = \"loud\"\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("w.toml:2: unknown variant `loud`"), "{msg}");
        assert!(msg.contains("off") && msg.contains("warning"), "{msg}");
    }

    #[test]
    fn numeric_settings_out_of_range_are_errors_naming_the_bounds() {
        // Regression (issue 9, rows 4 and 13): `max_all_pairs = 1000000` grew without bound and
        // a negative day count was accepted.
        let err = Config::parse(Path::new("w.toml"), "[align]\nmax_all_pairs = 1000000\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "w.toml:2: `max_all_pairs = 1000000` is out of range: allowed 1 to 100 (default 8)"
        );
        let err = Config::parse(
            Path::new("w.toml"),
            "[cluster]\nthreshold = 0.3\nmax_date_span_days = -1\n",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "w.toml:3: `max_date_span_days = -1` is out of range: allowed 0 to 36600 (default 14)"
        );
        assert!(Config::parse(Path::new("w.toml"), "[align]\nmax_all_pairs = 100\n").is_ok());
    }
}
