//! Starting a federation: binding every listener, building the [`Sim`] and
//! serving the directory and each instance (healthy, hostile or the decoy).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::error::FedsimError;
use crate::hostile::RawSettings;
use crate::listener::SimListener;
use crate::mobilizon::MobInstance;
use crate::request_log::LogTarget;
use crate::sim::{Instance, Sim, SimConfig, StartupInfo, startup_info};

/// A started federation.
pub struct Running {
    /// The state shared by all listeners.
    pub sim: Arc<Sim>,
    /// What to print first.
    pub info: StartupInfo,
}

async fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, FedsimError> {
    let addr = SocketAddr::new(ip, port);
    TcpListener::bind(addr)
        .await
        .map_err(|source| FedsimError::Bind { addr, source })
}

fn port_for(base: Option<u16>, offset: usize) -> Result<u16, FedsimError> {
    match base {
        None => Ok(0),
        Some(b) => u16::try_from(usize::from(b) + offset).map_err(|_| {
            FedsimError::InvalidOptions("--base-port too high for that many instances".into())
        }),
    }
}

/// Binds every listener, generates the content and starts serving; returns once all listen.
pub async fn start(config: SimConfig) -> Result<Running, FedsimError> {
    if config.instances == 0 && config.mobilizon_instances == 0 {
        return Err(FedsimError::InvalidOptions(
            "at least one instance is needed".into(),
        ));
    }
    let directory_listener = bind(config.bind, port_for(config.base_port, 0)?).await?;
    let decoy_listener = bind(config.bind, port_for(config.base_port, 1)?).await?;
    let mut listeners = Vec::with_capacity(config.instances);
    for i in 0..config.instances {
        listeners.push(bind(config.bind, port_for(config.base_port, 2 + i)?).await?);
    }
    let mut mob_listeners = Vec::with_capacity(config.mobilizon_instances);
    for j in 0..config.mobilizon_instances {
        let port = port_for(config.base_port, 2 + config.instances + j)?;
        mob_listeners.push(bind(config.bind, port).await?);
    }
    let host_of =
        |l: &TcpListener| -> Result<String, FedsimError> { Ok(l.local_addr()?.to_string()) };

    let hosts = listeners
        .iter()
        .map(host_of)
        .collect::<Result<Vec<_>, _>>()?;
    let mob_hosts = mob_listeners
        .iter()
        .map(host_of)
        .collect::<Result<Vec<_>, _>>()?;
    let sim = Arc::new(Sim::new(
        config,
        hosts,
        mob_hosts,
        host_of(&decoy_listener)?,
        host_of(&directory_listener)?,
    ));

    // Serve.
    let dir_target = LogTarget {
        log: sim.log.clone(),
        host: sim.directory_host.as_str().into(),
        role: "directory",
    };
    let dir_router = crate::directory::router(sim.clone(), dir_target);
    let dir_switch = watch::channel(false);
    let dir_listener = SimListener::new(directory_listener, dir_switch.1)?;
    tokio::spawn(async move {
        let _keep = dir_switch.0;
        let _ = axum::serve(dir_listener, dir_router).await;
    });
    spawn_instance(&sim, sim.decoy.clone(), decoy_listener, "decoy")?;
    for (inst, l) in sim.instances.clone().into_iter().zip(listeners) {
        spawn_instance(&sim, inst, l, "instance")?;
    }

    for (inst, l) in sim.mobilizon.clone().into_iter().zip(mob_listeners) {
        spawn_mobilizon(&sim, inst, l)?;
    }

    if sim.config.eager {
        for inst in &sim.instances {
            inst.warm();
        }
        for inst in &sim.mobilizon {
            inst.warm();
        }
    }
    let info = startup_info(&sim);
    Ok(Running { sim, info })
}

fn spawn_raw(
    sim: &Arc<Sim>,
    mut listener: SimListener,
    kind: crate::hostile::HostileKind,
    host: &str,
) {
    let log = sim.log.clone();
    let settings = RawSettings {
        huge_body_bytes: sim.config.huge_body_bytes,
        drip_interval: sim.config.drip_interval,
    };
    let host: Arc<str> = host.into();
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.next().await;
            let (log, settings, host) = (log.clone(), settings.clone(), host.clone());
            tokio::spawn(async move {
                crate::hostile::serve_raw(stream, kind, &host, &log, &settings).await;
            });
        }
    });
}

fn spawn_mobilizon(
    sim: &Arc<Sim>,
    inst: Arc<MobInstance>,
    l: TcpListener,
) -> Result<(), FedsimError> {
    let listener = SimListener::new(l, inst.down.subscribe())?;
    match inst.hostile {
        Some(kind) if kind.is_raw() => spawn_raw(sim, listener, kind, &inst.host),
        _ => {
            let target = LogTarget {
                log: sim.log.clone(),
                host: inst.host.as_str().into(),
                role: "mobilizon",
            };
            let router = crate::mobilizon::api::router(sim.clone(), inst, target);
            tokio::spawn(async move {
                let _ = axum::serve(listener, router).await;
            });
        }
    }
    Ok(())
}

fn spawn_instance(
    sim: &Arc<Sim>,
    inst: Arc<Instance>,
    l: TcpListener,
    role: &'static str,
) -> Result<(), FedsimError> {
    let listener = SimListener::new(l, inst.down.subscribe())?;
    match inst.hostile {
        Some(kind) if kind.is_raw() => spawn_raw(sim, listener, kind, &inst.host),
        _ => {
            let target = LogTarget {
                log: sim.log.clone(),
                host: inst.host.as_str().into(),
                role,
            };
            let router = crate::peertube_api::router(sim.clone(), inst, target);
            tokio::spawn(async move {
                let _ = axum::serve(listener, router).await;
            });
        }
    }
    Ok(())
}
