//! The configuration: defaults, then the TOML file, then `SEPIOLA_*`
//! environment variables, then command-line options, each overriding the last.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use sepiola_server::{ImageProxySettings, InstanceSettings};

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
    /// Hosts whose documents never appear in results.
    pub deny_hosts: Vec<String>,
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
}

impl Config {
    /// Loads the layers. A named config file must exist.
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
    fn unknown_keys_are_errors() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("bad.toml", "lisen = \"127.0.0.1:9000\"\n")?;
            assert!(Config::load(Some(Path::new("bad.toml")), &CliOverrides::default()).is_err());
            Ok(())
        });
    }
}
