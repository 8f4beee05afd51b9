//! The Mobilizon group object, as Mobilizon's global search reads it
//! (`lib/service/global_search/search_mobilizon.ex` in <https://framagit.org/framasoft/mobilizon>).

use serde::{Deserialize, Serialize};

use crate::document::{DocKind, Document, document_fields};
use crate::error::ModelError;
use crate::event::clean_description;
use crate::host::normalize_host;
use crate::ids::id_string;
use crate::labels::normalize_language_code;
use crate::origin::{Origin, origin_url};
use crate::place::Place;
use crate::text::{self, clean_opt};
use crate::time::Timestamp;

/// A Mobilizon group as the search API returns it, plus what the index
/// filters on (language, dates).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// Host of the group's instance (its domain).
    pub host: String,
    /// Id on the origin instance.
    #[serde(default, deserialize_with = "id_string")]
    pub id: String,
    /// Username (the part before `@`).
    pub name: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
    /// Absolute avatar URL on the group's host, or null.
    #[serde(default)]
    pub avatar: Option<String>,
    /// Summary as plain text.
    #[serde(default)]
    pub description: Option<String>,
    /// Absolute URL of the group on its instance.
    #[serde(default)]
    pub url: String,
    /// Members.
    #[serde(default)]
    pub member_count: u64,
    /// Where the group is, if it says.
    #[serde(default)]
    pub location: Option<Place>,
    /// Language code, if known.
    #[serde(default)]
    pub language: Option<String>,
    /// Creation date on the instance.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    /// Last update on the instance.
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
}

impl Document for Group {
    const KIND: DocKind = DocKind::Group;

    /// Cleans every field and checks every URL belongs to the group's own host.
    fn normalize(&mut self) -> Result<(), ModelError> {
        self.host = normalize_host(&self.host).ok_or(ModelError::Missing("host"))?;
        self.name = text::clean_line(&self.name, 120);
        if self.name.is_empty() || self.name.contains('@') || self.name.contains(' ') {
            return Err(ModelError::Invalid {
                field: "name",
                reason: "group name is empty or not a username".into(),
            });
        }
        self.id = text::clean_line(&self.id, 64);
        self.display_name =
            clean_opt(Some(&self.display_name), 200).unwrap_or_else(|| self.name.clone());
        self.description = clean_description(self.description.as_deref());
        self.language = self.language.as_deref().and_then(normalize_language_code);
        let origin = Origin::for_host(&self.host, &self.url);
        self.url = match origin_url(&origin, "url", Some(&self.url))? {
            Some(u) => u,
            None => origin.join(&format!("/@{}", self.name)),
        };
        self.avatar = origin_url(&origin, "avatar", self.avatar.as_deref())?;
        self.location = self.location.take().and_then(Place::normalized);
        Ok(())
    }

    document_fields!(id: name, title: display_name);

    fn created_at(&self) -> Timestamp {
        self.created_at
            .or(self.updated_at)
            .unwrap_or(Timestamp(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH))
    }

    fn updated_at(&self) -> Timestamp {
        self.updated_at.unwrap_or_else(|| self.created_at())
    }

    fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    fn account_handle(&self) -> Option<String> {
        Some(self.handle())
    }
}

impl Group {
    /// `name@host`, the handle `blockedAccounts` speaks of.
    pub fn handle(&self) -> String {
        format!("{}@{}", self.name, self.host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Group {
        serde_json::from_value(serde_json::json!({
            "host": "mobilizon.example", "id": 5, "name": "climbers",
            "displayName": " Lyon   climbers ", "avatar": "https://mobilizon.example/media/a.png",
            "description": " We climb.\u{202E} ", "memberCount": 30, "language": "FR",
            "location": {"address": {"addressLocality": "Lyon"}, "location": {"lat": 45.76, "lon": 4.84}}
        }))
        .unwrap()
    }

    #[test]
    fn normalize_cleans_and_fills() {
        let mut g = sample();
        g.normalize().unwrap();
        assert_eq!(g.display_name, "Lyon climbers");
        assert_eq!(g.url, "https://mobilizon.example/@climbers");
        assert_eq!(g.description.as_deref(), Some("We climb."));
        assert_eq!(g.language.as_deref(), Some("fr"));
        assert_eq!(g.key(), "mobilizon.example climbers");
        assert_eq!(g.handle(), "climbers@mobilizon.example");
    }

    #[test]
    fn foreign_urls_and_bad_names_are_refused() {
        let mut g = sample();
        g.avatar = Some("https://evil.example/a.png".into());
        assert!(g.normalize().is_err());
        let mut g = sample();
        g.name = "a@b".into();
        assert!(g.normalize().is_err());
        let mut g = sample();
        g.host = "not a host".into();
        assert!(g.normalize().is_err());
    }
}
