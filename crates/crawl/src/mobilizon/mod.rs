//! Mobilizon: its GraphQL page source ([`GraphQlPages`]: `POST /api` with
//! `page`/`limit` variables), the queries the crawler sends, the wire
//! shapes ([`mapping`]) and one [`crate::listing::ListedKind`] per kind
//! ([`Events`], [`Groups`]).
//!
//! Events are listed with `searchTarget: SELF` (the instance's own events
//! only) and `beginsOn` set `past_events_days` back, so past events are
//! listed too (Mobilizon's default is "now") and those that ended before
//! are not: a complete listing then deletes them from the index. Newest
//! first (`CREATED_AT_DESC`), so a quick pass over a large instance sees
//! new events on its first pages.

pub mod mapping;
#[cfg(test)]
mod mapping_fuzz;

use serde_json::{Value, json};

use sepiola_model::{Event, Group, Timestamp};

use crate::error::{CrawlError, FetchError};
use crate::listing::{HostCx, ListPage, ListedKind, PageRequest, PageSource};
use crate::peertube::MAX_PAGE_ITEMS;
use crate::reject::Reject;

/// The fields of an event the crawler asks for.
const EVENT_FIELDS: &str = "id uuid url title description beginsOn endsOn status visibility draft \
    category language insertedAt updatedAt picture { url } tags { title } \
    options { isOnline timezone } participantStats { participant } \
    organizerActor { id preferredUsername name domain avatar { url } } \
    physicalAddress { id description street locality region postalCode country geom timezone }";

/// The fields of a group the crawler asks for.
const GROUP_FIELDS: &str = "id preferredUsername name domain summary url visibility \
    insertedAt updatedAt avatar { url } members { total } \
    physicalAddress { id description street locality region postalCode country geom timezone }";

/// The events query: the instance's own events from `$beginsOn` on, newest first.
pub fn events_query() -> String {
    format!(
        "query SepiolaEvents($page: Int, $limit: Int, $beginsOn: DateTime) {{ \
         searchEvents(searchTarget: SELF, sortBy: CREATED_AT_DESC, beginsOn: $beginsOn, \
         page: $page, limit: $limit) {{ total elements {{ {EVENT_FIELDS} }} }} }}"
    )
}

/// The groups query: the instance's own groups, newest first.
pub fn groups_query() -> String {
    format!(
        "query SepiolaGroups($page: Int, $limit: Int) {{ \
         searchGroups(searchTarget: SELF, sortBy: CREATED_AT_DESC, page: $page, limit: $limit) \
         {{ total elements {{ {GROUP_FIELDS} }} }} }}"
    )
}

/// The instance's name and version.
pub const CONFIG_QUERY: &str = "query SepiolaConfig { config { name version } }";

/// POSTs a GraphQL query to the host's `/api` and answers its `data`
/// (Absinthe answers errors with HTTP 200: they fail the request).
pub async fn post(cx: &mut HostCx, query: &str, variables: Value) -> Result<Value, CrawlError> {
    let url = cx.url("/api")?;
    cx.summary.requests += 1;
    let body = json!({"query": query, "variables": variables});
    let what = "/api".to_string();
    let answer = cx
        .ctx
        .fetcher
        .post_json(&url, &body)
        .await
        .map_err(|source| CrawlError::Fetch {
            what: what.clone(),
            source,
        })?;
    let graphql = |m: String| CrawlError::Fetch {
        what: what.clone(),
        source: FetchError::GraphQl(m),
    };
    if let Some(errors) = answer.get("errors").filter(|e| !e.is_null()) {
        let first = errors
            .as_array()
            .and_then(|a| a.first())
            .and_then(|e| e.get("message"))
            .and_then(Value::as_str)
            .unwrap_or("errors without a message");
        return Err(graphql(sepiola_model::text::clean_line(first, 200)));
    }
    match answer.get("data") {
        Some(d) if d.is_object() => Ok(d.clone()),
        _ => Err(graphql("no data".into())),
    }
}

/// A GraphQL listing: `query` with `$page` (1-based) and `$limit`, plus
/// fixed variables, answering `data.<field> { total elements }`.
#[derive(Debug, Clone)]
pub struct GraphQlPages {
    query: String,
    field: &'static str,
    variables: Value,
}

impl GraphQlPages {
    /// The listing of `field` by `query`, with `variables` besides the paging ones.
    pub fn new(query: String, field: &'static str, variables: Value) -> GraphQlPages {
        GraphQlPages {
            query,
            field,
            variables,
        }
    }

    /// The events of a host, from `begins_on` on.
    pub fn events(begins_on: Timestamp) -> GraphQlPages {
        GraphQlPages::new(
            events_query(),
            "searchEvents",
            json!({"beginsOn": begins_on.to_rfc3339()}),
        )
    }

    /// The groups of a host.
    pub fn groups() -> GraphQlPages {
        GraphQlPages::new(groups_query(), "searchGroups", json!({}))
    }
}

impl PageSource for GraphQlPages {
    async fn fetch(&mut self, cx: &mut HostCx, page: PageRequest) -> Result<ListPage, CrawlError> {
        let mut vars = self.variables.clone();
        if let Value::Object(m) = &mut vars {
            m.insert("page".into(), json!(page.number + 1));
            m.insert("limit".into(), json!(page.size));
        }
        let data = post(cx, &self.query, vars).await?;
        let bad = |m: &str| CrawlError::Fetch {
            what: format!("/api {}", self.field),
            source: FetchError::GraphQl(m.to_string()),
        };
        let result = data
            .get(self.field)
            .filter(|r| r.is_object())
            .ok_or_else(|| bad("no result object"))?;
        let total = result.get("total").and_then(Value::as_u64);
        let Some(Value::Array(items)) = result.get("elements") else {
            return Err(bad("elements is not a list"));
        };
        let mut items = items.clone();
        items.truncate(MAX_PAGE_ITEMS.min(page.size as usize));
        Ok(ListPage { total, items })
    }
}

/// The event plug-in of the listing driver: keeps events that end (or
/// start) after `keep_after`.
#[derive(Debug, Clone, Copy)]
pub struct Events {
    /// Events that ended before are not kept.
    pub keep_after: Timestamp,
}

impl ListedKind for Events {
    type Doc = Event;
    const NAME: &'static str = "event";

    fn parse(&self, item: &Value, host: &str) -> Result<Option<Event>, Reject> {
        mapping::event(item, host, self.keep_after)
    }
}

/// The group plug-in of the listing driver.
#[derive(Debug, Default, Clone, Copy)]
pub struct Groups;

impl ListedKind for Groups {
    type Doc = Group;
    const NAME: &'static str = "group";

    fn parse(&self, item: &Value, host: &str) -> Result<Option<Group>, Reject> {
        mapping::group(item, host)
    }
}
