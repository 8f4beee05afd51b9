//! The running federation: configuration, the shared state of every instance, and startup
//! (binding the listeners, generating content, spawning the servers).

use crate::content::{self, GenParams, InstanceContent, Origin};
use crate::hostile::HostileKind;
use crate::mobilizon::MobInstance;
use crate::mobilizon::content::MobParams;
use crate::request_log::RequestLog;
use crate::version::{PeerTubeVersion, VersionMix};
use serde::Serialize;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;
use tokio::sync::watch;

/// How to build the federation.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// Global seed: equal seeds give equal content.
    pub seed: u64,
    /// Number of instances on the list.
    pub instances: usize,
    /// Average local videos per instance (sizes are heavy-tailed around it).
    pub videos_per_instance: f64,
    /// If set, exactly this many local videos spread over the instances (overrides the average).
    pub total_videos: Option<u64>,
    /// Hostile kinds given to the first instances, in order.
    pub hostile: Vec<HostileKind>,
    /// Whether some instances also list remote (federated) videos when `isLocal` is not given.
    pub remote_videos: bool,
    /// Listen address (loopback).
    pub bind: IpAddr,
    /// If set: directory on this port, decoy on the next, instance i on `base_port + 2 + i`.
    pub base_port: Option<u16>,
    /// Capacity of the request log.
    pub log_capacity: usize,
    /// Body size of the huge-body kinds.
    pub huge_body_bytes: u64,
    /// Pause between bytes of `slow-drip`.
    pub drip_interval: Duration,
    /// Number of videos of the decoy instance.
    pub decoy_videos: usize,
    /// Generate every instance's content before returning from `start` (else: on first use).
    pub eager: bool,
    /// Which PeerTube releases the instances imitate (the decoy is 6.3).
    pub versions: VersionMix,
    /// Mobilizon instances (listed on the directory's Mobilizon list).
    pub mobilizon_instances: usize,
    /// Average events per Mobilizon instance (heavy-tailed sizes).
    pub mobilizon_events_per_instance: f64,
    /// If set, exactly this many events over all Mobilizon instances.
    pub mobilizon_total_events: Option<u64>,
    /// Groups per Mobilizon instance.
    pub mobilizon_groups_per_instance: usize,
    /// Hostile kinds given to the first Mobilizon instances, in order.
    pub mobilizon_hostile: Vec<HostileKind>,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            seed: 1,
            instances: 10,
            videos_per_instance: 50.0,
            total_videos: None,
            hostile: Vec::new(),
            remote_videos: true,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            base_port: None,
            log_capacity: 1_000_000,
            huge_body_bytes: 512 * 1024 * 1024,
            drip_interval: Duration::from_millis(500),
            decoy_videos: 20,
            eager: false,
            versions: VersionMix::Mixed,
            mobilizon_instances: 0,
            mobilizon_events_per_instance: 40.0,
            mobilizon_total_events: None,
            mobilizon_groups_per_instance: 5,
            mobilizon_hostile: Vec::new(),
        }
    }
}

/// One simulated PeerTube instance (or the decoy).
pub struct Instance {
    /// Position on the list (the decoy's is `usize::MAX`).
    pub index: usize,
    /// `127.0.0.1:PORT`.
    pub host: String,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// How it misbehaves, if it does.
    pub hostile: Option<HostileKind>,
    /// Local videos it was generated with.
    pub local_videos: usize,
    /// The PeerTube release whose shapes it serves.
    pub version: PeerTubeVersion,
    /// How its content is generated (lazily, on first use).
    params: GenParams,
    /// For `uuid-clash`: the instance whose uuids it steals.
    clash_with: Option<GenParams>,
    /// What it hosts, generated on first use.
    content: OnceLock<RwLock<InstanceContent>>,
    /// Up/down switch.
    pub down: watch::Sender<bool>,
}

impl Instance {
    /// The content, generated on first use (so 1,000 instances start at once).
    fn cell(&self) -> &RwLock<InstanceContent> {
        self.content.get_or_init(|| {
            let mut c = content::generate(self.params);
            if let Some(victim) = self.clash_with {
                let stolen: Vec<uuid::Uuid> = content::generate(victim)
                    .videos
                    .iter()
                    .filter(|v| v.origin.is_local())
                    .map(|v| v.uuid)
                    .collect();
                if !stolen.is_empty() {
                    for (k, v) in c.videos.iter_mut().enumerate() {
                        v.uuid = stolen[k % stolen.len()];
                    }
                }
            }
            RwLock::new(c)
        })
    }

    /// Generates the content now if it was not yet.
    pub fn warm(&self) {
        let _ = self.cell();
    }

    /// Reads the content (a poisoned lock is still readable: content is plain data).
    pub fn read(&self) -> RwLockReadGuard<'_, InstanceContent> {
        self.cell().read().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the content.
    pub fn write(&self) -> RwLockWriteGuard<'_, InstanceContent> {
        self.cell().write().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the instance is currently switched down.
    pub fn is_down(&self) -> bool {
        *self.down.borrow()
    }
}

/// The whole federation, shared by every handler.
pub struct Sim {
    /// The configuration it was built from.
    pub config: SimConfig,
    /// Instances on the list, by index.
    pub instances: Vec<Arc<Instance>>,
    /// The decoy: serves like a healthy instance but is not on the list.
    pub decoy: Arc<Instance>,
    /// `127.0.0.1:PORT` of the directory (list + control).
    pub directory_host: String,
    /// Every request every listener received.
    pub log: RequestLog,
    /// The Mobilizon instances, by index.
    pub mobilizon: Vec<Arc<MobInstance>>,
    by_host: HashMap<String, usize>,
}

impl Sim {
    /// Finds an instance by host (`127.0.0.1:PORT`), by index, or `decoy`.
    pub fn find(&self, key: &str) -> Option<&Arc<Instance>> {
        if key == "decoy" || key == self.decoy.host {
            return Some(&self.decoy);
        }
        if let Some(i) = self.by_host.get(key) {
            return self.instances.get(*i);
        }
        key.parse::<usize>()
            .ok()
            .and_then(|i| self.instances.get(i))
    }

    /// Finds a Mobilizon instance by host or by index.
    pub fn find_mobilizon(&self, key: &str) -> Option<&Arc<MobInstance>> {
        self.mobilizon.iter().find(|m| m.host == key).or_else(|| {
            key.parse::<usize>()
                .ok()
                .and_then(|i| self.mobilizon.get(i))
        })
    }

    /// The host an object of `origin` seen on `inst` lives on.
    pub fn origin_host<'a>(&'a self, inst: &'a Instance, origin: Origin) -> &'a str {
        match origin {
            Origin::Local => &inst.host,
            Origin::Remote { offset } => {
                let n = self.instances.len();
                if inst.index >= n || n <= 1 {
                    return &inst.host;
                }
                let mut target = (inst.index + offset) % n;
                if target == inst.index {
                    target = (target + 1) % n;
                }
                &self.instances[target].host
            }
        }
    }
}

/// What the first stdout line tells a test about one instance.
#[derive(Debug, Clone, Serialize)]
pub struct InstanceInfo {
    /// Position on the list.
    pub index: usize,
    /// `127.0.0.1:PORT`.
    pub host: String,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// Hostile kind name, or null.
    pub hostile: Option<&'static str>,
    /// Number of local videos at startup.
    pub local_videos: usize,
    /// The PeerTube release it imitates (`"6.3.0"`, `"8.2.0"`).
    pub version: PeerTubeVersion,
}

/// What the first stdout line tells a test about one Mobilizon instance.
#[derive(Debug, Clone, Serialize)]
pub struct MobInstanceInfo {
    /// Position among the Mobilizon instances.
    pub index: usize,
    /// `127.0.0.1:PORT`.
    pub host: String,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// Hostile kind name, or null.
    pub hostile: Option<&'static str>,
    /// Events generated at startup (hidden ones included).
    pub events: usize,
}

/// The first stdout line: everything a test needs to drive the federation.
#[derive(Debug, Clone, Serialize)]
pub struct StartupInfo {
    /// Absolute URL of the joinpeertube-style `/api/v1/instances/hosts` list.
    pub peertube_list: String,
    /// Absolute URL of the instances.joinmobilizon.org-style list
    /// (`GET …?start=&count=` → `{total, data: [{host, …}]}`).
    pub mobilizon_list: String,
    /// Every Mobilizon instance.
    pub mobilizon: Vec<MobInstanceInfo>,
    /// Base URL of the directory listener.
    pub directory: String,
    /// Base URL of the control API.
    pub control: String,
    /// The seed in use.
    pub seed: u64,
    /// Every listed instance.
    pub instances: Vec<InstanceInfo>,
    /// Host of the decoy (never on the list).
    pub decoy: String,
    /// Base URL of the decoy.
    pub decoy_base_url: String,
    /// Total local videos at startup.
    pub total_local_videos: usize,
}

impl Sim {
    /// Builds the federation's instances (content is generated lazily, or
    /// by [`Instance::warm`]) for instances listening on `hosts`.
    pub fn new(
        config: SimConfig,
        hosts: Vec<String>,
        mobilizon_hosts: Vec<String>,
        decoy_host: String,
        directory_host: String,
    ) -> Sim {
        let sizes = content::instance_sizes(
            config.seed,
            config.instances,
            config.videos_per_instance,
            config.total_videos,
        );
        // uuid-clash instances reuse the uuids of the first healthy instance's local videos.
        let healthy = (0..config.instances).find(|i| config.hostile.get(*i).is_none());
        let params = |i: usize| GenParams {
            seed: config.seed,
            index: i as u64,
            videos: sizes[i],
            with_remote: config.remote_videos && config.instances > 1,
        };
        let mut instances = Vec::with_capacity(config.instances);
        for (i, host) in hosts.into_iter().enumerate() {
            let hostile = config.hostile.get(i).copied();
            let clash_with = match hostile {
                Some(HostileKind::UuidClash) => healthy.map(params),
                _ => None,
            };
            instances.push(Instance {
                index: i,
                base_url: format!("http://{host}"),
                host,
                hostile,
                local_videos: sizes[i],
                version: config.versions.version_for(config.seed, i as u64),
                params: params(i),
                clash_with,
                content: OnceLock::new(),
                down: watch::channel(false).0,
            });
        }
        let decoy = Instance {
            index: usize::MAX,
            base_url: format!("http://{decoy_host}"),
            host: decoy_host,
            hostile: None,
            local_videos: config.decoy_videos,
            version: PeerTubeVersion::V6_3,
            params: GenParams {
                seed: config.seed ^ 0xDEC0_DEC0,
                index: 0,
                videos: config.decoy_videos,
                with_remote: false,
            },
            clash_with: None,
            content: OnceLock::new(),
            down: watch::channel(false).0,
        };
        let by_host = instances
            .iter()
            .map(|x| (x.host.clone(), x.index))
            .collect();
        let mobilizon = mobilizon_instances(&config, mobilizon_hosts);
        Sim {
            mobilizon,
            log: RequestLog::new(config.log_capacity),
            instances: instances.into_iter().map(Arc::new).collect(),
            decoy: Arc::new(decoy),
            directory_host,
            by_host,
            config,
        }
    }
}

/// The Mobilizon instances of `config` on `hosts`: heavy-tailed event
/// counts, "now" fixed at the start (to the minute), the first ones
/// hostile as configured.
fn mobilizon_instances(config: &SimConfig, hosts: Vec<String>) -> Vec<Arc<MobInstance>> {
    let n = hosts.len();
    let sizes = content::instance_sizes(
        config.seed ^ 0x30B1_112E,
        n,
        config.mobilizon_events_per_instance,
        config.mobilizon_total_events,
    );
    let now = chrono::Utc::now();
    let now = chrono::DateTime::from_timestamp(now.timestamp() - now.timestamp().rem_euclid(60), 0)
        .unwrap_or(now);
    let params = |i: usize| MobParams {
        seed: config.seed,
        index: i as u64,
        events: sizes.get(i).copied().unwrap_or(0),
        groups: config.mobilizon_groups_per_instance,
        now,
    };
    let healthy = (0..n).find(|i| config.mobilizon_hostile.get(*i).is_none());
    hosts
        .into_iter()
        .enumerate()
        .map(|(i, host)| {
            let hostile = config.mobilizon_hostile.get(i).copied();
            let clash = match hostile {
                Some(HostileKind::UuidClash) => healthy.map(params),
                _ => None,
            };
            Arc::new(MobInstance::new(host, params(i), hostile, clash))
        })
        .collect()
}

/// Builds the description of the federation printed at startup.
pub fn startup_info(sim: &Sim) -> StartupInfo {
    let dir = format!("http://{}", sim.directory_host);
    let instances: Vec<InstanceInfo> = sim
        .instances
        .iter()
        .map(|i| InstanceInfo {
            index: i.index,
            host: i.host.clone(),
            base_url: i.base_url.clone(),
            hostile: i.hostile.map(HostileKind::name),
            local_videos: i.local_videos,
            version: i.version,
        })
        .collect();
    let mobilizon = sim
        .mobilizon
        .iter()
        .map(|m| MobInstanceInfo {
            index: m.index,
            host: m.host.clone(),
            base_url: m.base_url.clone(),
            hostile: m.hostile.map(HostileKind::name),
            events: m.events_at_start,
        })
        .collect();
    StartupInfo {
        peertube_list: format!("{dir}/api/v1/instances/hosts"),
        mobilizon_list: format!("{dir}{}", crate::directory::MOBILIZON_LIST_PATH),
        mobilizon,
        control: format!("{dir}/control"),
        directory: dir,
        seed: sim.config.seed,
        total_local_videos: instances.iter().map(|i| i.local_videos).sum(),
        instances,
        decoy: sim.decoy.host.clone(),
        decoy_base_url: sim.decoy.base_url.clone(),
    }
}
