//! `links` — links that lead readers off the platform.
//!
//! **What it catches:** a URL (bare, `www.…`, or a Markdown link target) whose host is not one
//! of `domains` or a subdomain of one (`binance.com` allows `www.binance.com` and
//! `academy.binance.com`). Links inside code are not links. **Example:** with
//! `domains = ["binance.com"]`, `Join us on https://t.me/group`. No fix: only the writer knows
//! what to link instead.

use super::{Check, Compiled, Context, Finding};
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;

struct Links {
    domains: Vec<String>,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let domains = cx.required(rule.domains.take(), "domains")?.into_inner();
    let domains = domains.iter().map(|d| d.trim_start_matches("www.").to_ascii_lowercase()).collect();
    Ok(Compiled { check: Box::new(Links { domains }), vars: &["found", "host"] })
}

/// The host of `url`, lowercased, without `www.`.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default().split(':').next().unwrap_or_default();
    host.trim_start_matches("www.").to_ascii_lowercase()
}

impl Check for Links {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for link in &doc.links {
            let url = &doc.text()[link.clone()];
            let is_web = url.contains("://") || url.to_ascii_lowercase().starts_with("www.");
            let host = host(url);
            let allowed = self.domains.iter().any(|d| host == *d || host.ends_with(&format!(".{d}")));
            if is_web && !host.is_empty() && !allowed {
                out.push(Finding::at(link.clone()).var("host", host));
            }
        }
    }
}
