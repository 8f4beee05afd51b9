//! Which network addresses sepiola may contact. The crawler and the web
//! page's image proxy both fetch URLs that hostile instances chose, so both
//! apply this one policy before connecting.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What kind of address an IP is, for sepiola's purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddrClass {
    /// Reachable on the public internet.
    Public,
    /// Loopback or a private network: allowed only with
    /// `allow_private_addresses` (tests and fedsim).
    Private,
    /// Never contacted: unspecified, multicast, broadcast, link-local
    /// (cloud metadata lives there), documentation and reserved ranges.
    Forbidden,
}

/// Classifies an address.
pub fn classify(ip: IpAddr) -> AddrClass {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => classify_v4(v4),
            None => classify_v6(v6),
        },
    }
}

fn classify_v4(ip: Ipv4Addr) -> AddrClass {
    let o = ip.octets();
    if ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_link_local()
        || ip.is_documentation()
        || o[0] == 0
        || o[0] >= 240
    {
        return AddrClass::Forbidden;
    }
    let cgnat = o[0] == 100 && (64..128).contains(&o[1]);
    let benchmarking = o[0] == 198 && (o[1] == 18 || o[1] == 19);
    let ietf = o[0] == 192 && o[1] == 0 && o[2] == 0;
    if ip.is_loopback() || ip.is_private() || cgnat || benchmarking || ietf {
        return AddrClass::Private;
    }
    AddrClass::Public
}

fn classify_v6(ip: Ipv6Addr) -> AddrClass {
    let s = ip.segments();
    if ip.is_unspecified() || ip.is_multicast() {
        return AddrClass::Forbidden;
    }
    // fe80::/10 link-local, 2001:db8::/32 documentation.
    if (s[0] & 0xffc0) == 0xfe80 || (s[0] == 0x2001 && s[1] == 0x0db8) {
        return AddrClass::Forbidden;
    }
    // ::1 loopback, fc00::/7 unique local, 64:ff9b::/96 NAT64 (may reach v4 private space).
    if ip.is_loopback() || (s[0] & 0xfe00) == 0xfc00 || (s[0] == 0x64 && s[1] == 0xff9b) {
        return AddrClass::Private;
    }
    AddrClass::Public
}

/// Whether sepiola may connect to `ip` (private ranges only when allowed).
pub fn ip_allowed(ip: IpAddr, allow_private: bool) -> bool {
    match classify(ip) {
        AddrClass::Public => true,
        AddrClass::Private => allow_private,
        AddrClass::Forbidden => false,
    }
}
