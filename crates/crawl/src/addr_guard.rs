//! Which addresses the crawler may contact.
//!
//! Instances are hostile until proven otherwise: a list entry, a DNS answer
//! or a redirect could point the crawler at the operator's own network or a
//! cloud metadata service. Every URL is checked here before a request is
//! built (scheme, credentials, literal IPs), and every DNS answer goes
//! through [`GuardedResolver`], so names that resolve to private addresses
//! are refused before any connection is made.

use std::net::{IpAddr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::Url;

use crate::error::FetchError;

pub use sepiola_model::net::{AddrClass, classify, ip_allowed};

/// Checks a URL before any request: http(s) only, no credentials, a host,
/// and if the host is a literal IP (which reqwest connects to without asking
/// the resolver) that IP must be allowed.
pub fn check_url(url: &Url, allow_private: bool) -> Result<(), FetchError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::Refused(format!(
            "scheme {} is not http(s)",
            url.scheme()
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(FetchError::Refused("URL carries credentials".into()));
    }
    match url.host() {
        None => Err(FetchError::Refused("URL has no host".into())),
        Some(url::Host::Ipv4(ip)) => literal(IpAddr::V4(ip), allow_private),
        Some(url::Host::Ipv6(ip)) => literal(IpAddr::V6(ip), allow_private),
        Some(url::Host::Domain(d)) => {
            // "localhost" never needs DNS to be loopback.
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            if (d == "localhost" || d.ends_with(".localhost")) && !allow_private {
                return Err(FetchError::Refused(format!("{d} is loopback")));
            }
            Ok(())
        }
    }
}

fn literal(ip: IpAddr, allow_private: bool) -> Result<(), FetchError> {
    if ip_allowed(ip, allow_private) {
        Ok(())
    } else {
        Err(FetchError::Refused(format!("address {ip} is not allowed")))
    }
}

/// A DNS resolver that drops every answer the guard refuses and fails when
/// nothing is left. It returns IPv6 and IPv4 answers alike: hyper's
/// connector then does "happy eyeballs" (RFC 6555, 300 ms by default in
/// hyper-util, which reqwest keeps), trying the other family when the first
/// one fails or stalls, so an instance with a broken IPv6 address is still
/// reached over IPv4.
#[derive(Debug, Clone, Copy)]
pub struct GuardedResolver {
    /// Whether private and loopback answers are kept.
    pub allow_private: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let kept = filter_addrs(&found, allow_private);
            if kept.is_empty() {
                let why = if found.is_empty() {
                    format!("{host} has no address")
                } else {
                    format!("every address of {host} is private or reserved")
                };
                return Err(Box::new(FetchError::Refused(why)) as Box<_>);
            }
            let addrs: Addrs = Box::new(kept.into_iter());
            Ok(addrs)
        })
    }
}

/// The addresses the guard lets through, in their original order.
pub fn filter_addrs(addrs: &[SocketAddr], allow_private: bool) -> Vec<SocketAddr> {
    addrs
        .iter()
        .copied()
        .filter(|a| ip_allowed(a.ip(), allow_private))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn classes() {
        for s in ["93.184.216.34", "2a01:4f8::1", "1.1.1.1"] {
            assert_eq!(classify(ip(s)), AddrClass::Public, "{s}");
        }
        for s in [
            "127.0.0.1",
            "127.5.6.7",
            "10.0.0.1",
            "172.16.3.4",
            "192.168.1.1",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "::ffff:10.0.0.1",
        ] {
            assert_eq!(classify(ip(s)), AddrClass::Private, "{s}");
        }
        for s in [
            "0.0.0.0",
            "169.254.169.254",
            "255.255.255.255",
            "224.0.0.1",
            "240.0.0.1",
            "::",
            "fe80::1",
            "ff02::1",
            "::ffff:169.254.169.254",
        ] {
            assert_eq!(classify(ip(s)), AddrClass::Forbidden, "{s}");
        }
    }

    #[test]
    fn private_needs_the_flag_and_forbidden_never_passes() {
        assert!(!ip_allowed(ip("127.0.0.1"), false));
        assert!(ip_allowed(ip("127.0.0.1"), true));
        assert!(!ip_allowed(ip("169.254.169.254"), true));
        assert!(ip_allowed(ip("8.8.8.8"), false));
    }

    #[test]
    fn urls_are_checked_before_any_request() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert!(check_url(&u("https://tube.example/api"), false).is_ok());
        assert!(check_url(&u("ftp://tube.example/"), true).is_err());
        assert!(check_url(&u("file:///etc/passwd"), true).is_err());
        assert!(check_url(&u("https://a:b@tube.example/"), true).is_err());
        assert!(check_url(&u("http://127.0.0.1:8080/"), false).is_err());
        assert!(check_url(&u("http://127.0.0.1:8080/"), true).is_ok());
        assert!(check_url(&u("http://[::1]/"), false).is_err());
        assert!(check_url(&u("http://169.254.169.254/latest/meta-data/"), true).is_err());
        assert!(check_url(&u("http://10.0.0.1:8080/"), false).is_err());
        assert!(check_url(&u("http://localhost/"), false).is_err());
    }

    #[test]
    fn resolver_answers_are_filtered() {
        let addrs: Vec<SocketAddr> = vec![
            "10.0.0.1:0".parse().unwrap(),
            "[2a01:4f8::1]:0".parse().unwrap(),
            "93.184.216.34:0".parse().unwrap(),
        ];
        assert_eq!(filter_addrs(&addrs, false), addrs[1..].to_vec());
        assert_eq!(filter_addrs(&addrs, true), addrs);
    }

    #[tokio::test]
    async fn resolver_refuses_localhost_without_the_flag() {
        let r = GuardedResolver {
            allow_private: false,
        };
        let name: Name = "localhost".parse().unwrap();
        assert!(r.resolve(name).await.is_err());
        let r = GuardedResolver {
            allow_private: true,
        };
        let name: Name = "localhost".parse().unwrap();
        assert!(r.resolve(name).await.is_ok());
    }
}
