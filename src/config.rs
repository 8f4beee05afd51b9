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

/// Moderation decisions applied at query time, on top of what clients block.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ModerationConfig {
    /// Hosts whose documents never appear in results (and are not crawled).
    pub deny_hosts: Vec<String>,
    /// A file of denied hosts (one per line, optional reason after
    /// whitespace or `#`), re-read by `serve` when it changes.
    pub deny_file: Option<PathBuf>,
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
    /// Every denied host now: the config's list plus the deny file's (an
    /// unreadable file is reported and counts as empty).
    pub fn denied_hosts(&self) -> Vec<String> {
        let mut hosts: Vec<String> = self
            .deny_hosts
            .iter()
            .filter_map(|h| sepiola_crawl::source::clean_host(h))
            .collect();
        if let Some(path) = &self.deny_file {
            match sepiola_crawl::source::load_deny_file(path) {
                Ok(more) => hosts.extend(more),
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "deny file unreadable")
                }
            }
        }
        hosts.sort();
        hosts.dedup();
        hosts
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
            assert_eq!(c.moderation.denied_hosts(), vec!["bad.example"]);
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
