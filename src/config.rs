//! The configuration: defaults, then the TOML file, then `SEPIOLA_*`
//! environment variables, then command-line options, each overriding the last.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use sepiola_crawl::CrawlSettings;
use sepiola_server::{AdminSettings, ImageProxySettings, InstanceSettings, LimitSettings};

/// Everything an operator can set. See README.md for the reference.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address the HTTP server listens on.
    pub listen: SocketAddr,
    /// Directory holding the index and the crawl state.
    pub data_dir: PathBuf,
    /// Branding and public facts.
    pub instance: InstanceSettings,
    /// Index tuning.
    pub index: IndexConfig,
    /// Moderation decisions applied at query time.
    pub moderation: ModerationConfig,
    /// The web page's image proxy.
    pub images: ImageProxySettings,
    /// What any client may ask: timeouts, caps, rate limit.
    pub limits: LimitSettings,
    /// The crawler: instance list, schedule, politeness, limits.
    pub crawl: CrawlSettings,
    /// The operators' HTTP API.
    pub admin: AdminSettings,
}

/// Index tuning.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IndexConfig {
    /// Memory for the indexing buffers, in MB.
    pub writer_memory_mb: usize,
    /// How often pending writes are committed (and become searchable), in ms.
    pub commit_interval_ms: u64,
}

/// Moderation: the deny lists (kept in the decision log as decisions of
/// their own), who signs decisions, the policy page, the report caps.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ModerationConfig {
    /// Hosts whose documents never appear in results (and are not crawled).
    pub deny_hosts: Vec<String>,
    /// A file of denied hosts (one per line, optional reason after
    /// whitespace or `#`), re-read by `serve` when it changes.
    pub deny_file: Option<PathBuf>,
    /// The name decisions taken here are signed with (published).
    pub operator: String,
    /// The indexing policy page, Markdown per language code (`en`, `fr`).
    pub policy: std::collections::BTreeMap<String, String>,
    /// Reports waiting for review kept at most (more are dropped, counted).
    pub max_pending_reports: usize,
    /// Reports one client address may send per minute (in memory only).
    pub reports_per_minute: u32,
}

impl Default for ModerationConfig {
    fn default() -> Self {
        let s = sepiola_server::ModerationSettings::default();
        ModerationConfig {
            deny_hosts: Vec::new(),
            deny_file: None,
            operator: s.operator,
            policy: s.policy,
            max_pending_reports: s.max_pending_reports,
            reports_per_minute: s.reports_per_minute,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./data"),
            instance: InstanceSettings::default(),
            index: IndexConfig::default(),
            moderation: ModerationConfig::default(),
            images: ImageProxySettings::default(),
            admin: AdminSettings::default(),
            limits: LimitSettings::default(),
            crawl: CrawlSettings::default(),
        }
    }
}

impl Default for IndexConfig {
    fn default() -> Self {
        IndexConfig {
            writer_memory_mb: 256,
            commit_interval_ms: 500,
        }
    }
}

/// Options given on the command line, which win over everything else.
#[derive(Debug, Default, Serialize)]
pub struct CliOverrides {
    /// `--listen`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    /// `--data-dir`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    /// `--peertube-list`, `--mobilizon-list`, `--allow-private-addresses`.
    #[serde(skip_serializing_if = "CrawlOverrides::is_empty")]
    pub crawl: CrawlOverrides,
}

/// Crawl options given on the command line.
#[derive(Debug, Default, Serialize)]
pub struct CrawlOverrides {
    /// `--peertube-list URL_OR_PATH`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peertube_list: Option<String>,
    /// `--mobilizon-list URL_OR_PATH`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobilizon_list: Option<String>,
    /// `--allow-private-addresses`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_private_addresses: Option<bool>,
}

impl CrawlOverrides {
    fn is_empty(&self) -> bool {
        self.peertube_list.is_none()
            && self.mobilizon_list.is_none()
            && self.allow_private_addresses.is_none()
    }
}

impl ModerationConfig {
    /// What the server needs of it.
    pub fn server_settings(&self) -> sepiola_server::ModerationSettings {
        sepiola_server::ModerationSettings {
            operator: self.operator.clone(),
            policy: self.policy.clone(),
            max_pending_reports: self.max_pending_reports,
            reports_per_minute: self.reports_per_minute,
        }
    }

    /// Makes the decision log agree with `deny_hosts` and the deny file
    /// (each a source of decisions of its own: a host added is blocked, a
    /// host removed is lifted). An unreadable deny file changes nothing.
    pub fn sync_into(
        &self,
        log: &sepiola_moderation::DecisionLog,
    ) -> Result<usize, sepiola_moderation::ModerationError> {
        use sepiola_moderation::Source;
        let listed: Vec<(String, String)> = self
            .deny_hosts
            .iter()
            .map(|h| (h.clone(), "listed in moderation.deny_hosts".to_string()))
            .collect();
        let mut taken = log.sync_config(Source::Config, &listed)?;
        let file = match &self.deny_file {
            None => Some(Vec::new()),
            Some(path) => match std::fs::read_to_string(path) {
                Ok(text) => Some(sepiola_crawl::source::parse_deny_text(&text)),
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "deny file unreadable");
                    None
                }
            },
        };
        if let Some(entries) = file {
            taken += log.sync_config(Source::DenyFile, &entries)?;
        }
        Ok(taken)
    }
}

impl Config {
    /// Loads the layers. A named config file must exist.
    #[allow(clippy::result_large_err)] // figment's own error type; built once at startup.
    pub fn load(file: Option<&Path>, cli: &CliOverrides) -> Result<Config, figment::Error> {
        let mut f = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            if !path.exists() {
                return Err(figment::Error::from(format!(
                    "config file {} does not exist",
                    path.display()
                )));
            }
            f = f.merge(Toml::file(path));
        }
        f.merge(
            Env::prefixed("SEPIOLA_")
                .ignore(&["config", "log"])
                .split("__"),
        )
        .merge(Serialized::globals(cli))
        .extract()
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn layers_override_in_order() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "sepiola.toml",
                "listen = \"127.0.0.1:9000\"\ndata_dir = \"/tmp/a\"\n[instance]\nname = \"Mine\"\n",
            )?;
            jail.set_env("SEPIOLA_DATA_DIR", "/tmp/b");
            jail.set_env("SEPIOLA_INSTANCE__DESCRIPTION", "From env");
            let cli = CliOverrides {
                listen: Some("127.0.0.1:9001".parse().map_err(|e| format!("{e}"))?),
                data_dir: None,
                crawl: CrawlOverrides::default(),
            };
            let c = Config::load(Some(Path::new("sepiola.toml")), &cli)?;
            assert_eq!(c.listen.port(), 9001);
            assert_eq!(c.data_dir, PathBuf::from("/tmp/b"));
            assert_eq!(c.instance.name, "Mine");
            assert_eq!(c.instance.description, "From env");
            Ok(())
        });
    }

    #[test]
    fn crawl_section_from_file_env_and_cli() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "sepiola.toml",
                "[crawl]\nhosts = [\"a.example\"]\nquick_interval_secs = 60\n[moderation]\ndeny_file = \"deny.txt\"\n",
            )?;
            jail.create_file("deny.txt", "bad.example spam\n")?;
            jail.set_env("SEPIOLA_CRAWL__PER_HOST_DELAY_MS", "7");
            jail.set_env("SEPIOLA_CRAWL__ALLOW_HOSTS", "[a.example, b.example]");
            let cli = CliOverrides {
                crawl: CrawlOverrides {
                    peertube_list: Some("hosts.txt".into()),
                    mobilizon_list: Some("mobilizon.txt".into()),
                    allow_private_addresses: Some(true),
                },
                ..Default::default()
            };
            let c = Config::load(Some(Path::new("sepiola.toml")), &cli)?;
            assert_eq!(c.crawl.hosts, vec!["a.example"]);
            assert_eq!(c.crawl.quick_interval_secs, 60);
            assert_eq!(c.crawl.full_interval_secs, 86_400);
            assert_eq!(c.crawl.per_host_delay_ms, 7);
            assert_eq!(c.crawl.allow_hosts, vec!["a.example", "b.example"]);
            assert_eq!(c.crawl.peertube_list.as_deref(), Some("hosts.txt"));
            assert_eq!(c.crawl.mobilizon_list.as_deref(), Some("mobilizon.txt"));
            assert!(c.crawl.allow_private_addresses);
            // The deny file lands in the decision log as a decision of its own.
            let log = sepiola_moderation::DecisionLog::open(
                &jail.directory().join("decisions.jsonl"),
                "op",
            )
            .map_err(|e| e.to_string())?;
            c.moderation.sync_into(&log).map_err(|e| e.to_string())?;
            assert_eq!(log.blocked_hosts(), vec!["bad.example"]);
            let d = log.host_block("bad.example");
            assert_eq!(
                d.map(|d| (d.reason, d.source)),
                Some((
                    sepiola_moderation::Reason::Spam,
                    sepiola_moderation::Source::DenyFile
                ))
            );
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_are_errors() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("bad.toml", "lisen = \"127.0.0.1:9000\"\n")?;
            assert!(Config::load(Some(Path::new("bad.toml")), &CliOverrides::default()).is_err());
            Ok(())
        });
    }
}
