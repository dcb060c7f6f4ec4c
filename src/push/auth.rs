//! HTTP authentication for `push --user U --password P`, pure (the
//! caller's HTTP client sends the headers): Basic (RFC 7617)
//! and Digest (RFC 7616, MD5 with `qop=auth`, the one Virtuoso's
//! `/sparql-graph-crud-auth` offers: it refuses Basic). Which one is the
//! server's choice, read from its `WWW-Authenticate` challenge; a server
//! that challenges nothing gets Basic.

use std::time::{SystemTime, UNIX_EPOCH};

use md5::{Digest, Md5};

pub struct Credentials {
    pub user: String,
    pub password: String,
}

/// The password stays out of debug output and logs.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &"(hidden)")
            .finish()
    }
}

/// What the server asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scheme {
    Basic,
    Digest(Challenge),
}

/// The parameters of a Digest challenge that the answer repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    /// `qop="auth"` offered (else the RFC 2069 form without it).
    qop_auth: bool,
    /// The server says the nonce expired, not the password wrong.
    pub stale: bool,
}

/// The scheme a `WWW-Authenticate` value asks for; `None` for one this
/// client does not speak (a Digest with another algorithm or only
/// `auth-int`, NTLM, ...).
pub fn parse_challenge(header: &str) -> Option<Scheme> {
    let (scheme, rest) = header.trim().split_once(' ').unwrap_or((header.trim(), ""));
    if scheme.eq_ignore_ascii_case("basic") {
        return Some(Scheme::Basic);
    }
    if !scheme.eq_ignore_ascii_case("digest") {
        return None;
    }
    let params = params(rest);
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.clone())
    };
    if get("algorithm").is_some_and(|a| !a.eq_ignore_ascii_case("md5")) {
        return None;
    }
    let qop = get("qop");
    let qop_auth = qop
        .as_deref()
        .is_some_and(|q| q.split(',').any(|o| o.trim().eq_ignore_ascii_case("auth")));
    if qop.is_some() && !qop_auth {
        return None;
    }
    Some(Scheme::Digest(Challenge {
        realm: get("realm")?,
        nonce: get("nonce")?,
        opaque: get("opaque"),
        qop_auth,
        stale: get("stale").is_some_and(|s| s.eq_ignore_ascii_case("true")),
    }))
}

/// `k=v, k="v, w"` pairs, quotes removed.
fn params(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().trim_start_matches(',').trim().to_string();
        rest = rest[eq + 1..].trim_start();
        let value;
        if let Some(q) = rest.strip_prefix('"') {
            let end = q.find('"').unwrap_or(q.len());
            value = q[..end].to_string();
            rest = q.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_string();
            rest = &rest[end..];
        }
        out.push((key, value));
        rest = rest.trim_start().trim_start_matches(',').trim_start();
    }
    out
}

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The `Authorization` value for one request. `nc` counts the requests
/// made with this nonce (from 1).
pub fn authorization(
    scheme: &Scheme,
    creds: &Credentials,
    method: &str,
    uri: &str,
    nc: u32,
) -> String {
    match scheme {
        Scheme::Basic => format!(
            "Basic {}",
            base64(format!("{}:{}", creds.user, creds.password).as_bytes())
        ),
        Scheme::Digest(c) => {
            let ha1 = md5_hex(&format!("{}:{}:{}", creds.user, c.realm, creds.password));
            let ha2 = md5_hex(&format!("{method}:{uri}"));
            let mut v = format!(
                "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{uri}\", algorithm=MD5",
                creds.user, c.realm, c.nonce
            );
            if c.qop_auth {
                let cnonce = cnonce(nc);
                let nc = format!("{nc:08x}");
                let response = md5_hex(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", c.nonce));
                v.push_str(&format!(
                    ", qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\""
                ));
            } else {
                let response = md5_hex(&format!("{ha1}:{}:{ha2}", c.nonce));
                v.push_str(&format!(", response=\"{response}\""));
            }
            if let Some(o) = &c.opaque {
                v.push_str(&format!(", opaque=\"{o}\""));
            }
            v
        }
    }
}

/// A client nonce: unpredictable enough for a nonce's purpose (it is not a
/// secret), from the clock and the request count.
fn cnonce(nc: u32) -> String {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    md5_hex(&format!("{t}:{nc}:{}", std::process::id()))[..16].to_string()
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_is_base64_of_user_and_password() {
        let c = Credentials {
            user: "Aladdin".into(),
            password: "open sesame".into(),
        };
        // RFC 7617's example.
        assert_eq!(
            authorization(&Scheme::Basic, &c, "PUT", "/", 1),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(base64(b"a"), "YQ==");
        assert_eq!(base64(b"ab"), "YWI=");
    }

    #[test]
    fn virtuoso_s_challenge_is_read() {
        let h = r#"Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="3a22", opaque="5ebe", stale="false", qop="auth", algorithm="MD5""#;
        let Some(Scheme::Digest(c)) = parse_challenge(h) else {
            panic!("not read")
        };
        assert_eq!((c.realm.as_str(), c.nonce.as_str()), ("SPARQL", "3a22"));
        assert_eq!(c.opaque.as_deref(), Some("5ebe"));
        assert!(c.qop_auth && !c.stale);
        assert_eq!(parse_challenge("Basic realm=\"x\""), Some(Scheme::Basic));
        assert_eq!(parse_challenge("NTLM"), None);
        assert_eq!(
            parse_challenge("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-256"),
            None
        );
    }

    #[test]
    fn digest_response_follows_rfc_2617() {
        // RFC 2617's worked example (section 3.5), cnonce aside: the
        // response hash is checked without qop, where no cnonce enters.
        let c = Credentials {
            user: "Mufasa".into(),
            password: "Circle Of Life".into(),
        };
        let scheme = Scheme::Digest(Challenge {
            realm: "testrealm@host.com".into(),
            nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093".into(),
            opaque: None,
            qop_auth: false,
            stale: false,
        });
        let v = authorization(&scheme, &c, "GET", "/dir/index.html", 1);
        // HA1 and HA2 of the example give this response without qop.
        let ha1 = md5_hex("Mufasa:testrealm@host.com:Circle Of Life");
        assert_eq!(ha1, "939e7578ed9e3c518a452acee763bce9");
        let want = md5_hex(&format!(
            "{ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:{}",
            md5_hex("GET:/dir/index.html")
        ));
        assert!(v.contains(&format!("response=\"{want}\"")), "{v}");
    }
}
