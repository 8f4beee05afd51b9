//! PeerTube's `shortUUID` of a [`Uuid`]: the uuid's 128-bit value in the
//! flickr base58 alphabet, left-padded with its zero digit to 22 characters
//! (what the npm `short-uuid` package that PeerTube uses writes).
//!
//! fedsim computes it on its own, through the `bs58` crate, so that the
//! crawler's and the index's decoding is checked against an independent
//! encoder.

use uuid::Uuid;

/// Length of every shortUUID.
const LEN: usize = 22;
/// The flickr alphabet's zero digit.
const ZERO: char = '1';

/// Encodes a uuid as PeerTube's shortUUID.
pub fn encode(uuid: &Uuid) -> String {
    // bs58 writes one zero digit per leading zero byte; the number itself
    // has no leading zero digit, so strip them and pad to the fixed length.
    let digits = bs58::encode(uuid.as_bytes())
        .with_alphabet(bs58::Alphabet::FLICKR)
        .into_string();
    let digits = digits.trim_start_matches(ZERO);
    let mut out = String::with_capacity(LEN);
    out.extend(std::iter::repeat_n(ZERO, LEN.saturating_sub(digits.len())));
    out.push_str(digits);
    out
}

/// Decodes a shortUUID back into a uuid; `None` if it is not one.
pub fn decode(short: &str) -> Option<Uuid> {
    if short.is_empty() || short.len() > LEN {
        return None;
    }
    let bytes = bs58::decode(short.trim_start_matches(ZERO))
        .with_alphabet(bs58::Alphabet::FLICKR)
        .into_vec()
        .ok()?;
    if bytes.len() > 16 {
        return None;
    }
    let mut full = [0u8; 16];
    full[16 - bytes.len()..].copy_from_slice(&bytes);
    Some(Uuid::from_bytes(full))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_peertube_and_round_trips() {
        // A pair observed on a real PeerTube instance (uuid ↔ shortUUID).
        let u = Uuid::parse_str("9c9de5e8-0a1e-484a-b099-e80766180a6d").unwrap();
        assert_eq!(encode(&u), "kkGMgK9ZtnKfYAgnEtQxbv");
        assert_eq!(decode("kkGMgK9ZtnKfYAgnEtQxbv"), Some(u));
        for u in [
            Uuid::nil(),
            Uuid::max(),
            Uuid::from_u128(1),
            Uuid::from_u128(58),
        ] {
            let s = encode(&u);
            assert_eq!(s.len(), 22, "{s}");
            assert_eq!(decode(&s), Some(u));
        }
        assert_eq!(encode(&Uuid::from_u128(57)), "111111111111111111111Z");
        assert_eq!(decode("0OIl"), None);
        assert_eq!(decode(""), None);
        assert_eq!(decode("kkGMgK9ZtnKfYAgnEtQxbvX"), None);
        assert_eq!(decode("ZZZZZZZZZZZZZZZZZZZZZZ"), None);
    }
}
