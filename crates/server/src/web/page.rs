//! What every page shares: language, branding, links that keep the
//! visitor's explicit language choice.

use crate::settings::{DEFAULT_DESCRIPTION, InstanceSettings};
use crate::web::form::encode;
use crate::web::i18n::Lang;

/// Changes whenever the stylesheet changes, so browsers refetch it.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The shared part of every page.
pub struct PageCtx {
    /// The page's language.
    pub lang: Lang,
    /// The language the visitor chose in the URL, carried in links and forms.
    pub explicit_lang: Option<&'static str>,
    /// Instance name.
    pub site_name: String,
    /// One-sentence description.
    pub description: String,
    /// Whether a logo is configured.
    pub logo: bool,
    /// Whether custom CSS is configured.
    pub custom_css: bool,
    /// Legal notice link.
    pub legal_url: Option<String>,
    /// The language menu: this page in every supported language.
    pub languages: Vec<LanguageLink>,
    /// Stylesheet version.
    pub asset_version: &'static str,
    /// The operator's notice, if any.
    pub banner: Option<String>,
    /// Parameters the header's search form keeps (tab, filters, sort), so
    /// that a new search does not drop them.
    pub kept: Vec<(&'static str, String)>,
    /// The link that drops the kept filters, when some are kept.
    pub kept_clear: Option<String>,
}

/// One entry of the language menu.
pub struct LanguageLink {
    /// This page (same query, filters, tab and page) in that language.
    pub href: String,
    /// The language's BCP 47 tag, for `lang` and `hreflang`.
    pub tag: &'static str,
    /// The language's own name (Deutsch, 日本語).
    pub name: String,
    /// Whether it is the page's language.
    pub current: bool,
}

impl PageCtx {
    /// The page's language's own name, shown on the closed menu.
    pub fn language_name(&self) -> String {
        self.lang.name()
    }

    /// Builds the context for a page at `path` whose other query parameters
    /// are `query` (without `lang`).
    pub fn new(
        settings: &InstanceSettings,
        explicit: Option<&str>,
        accept_language: Option<&str>,
        path: &str,
        query: &str,
        has_logo: bool,
    ) -> PageCtx {
        let lang = Lang::negotiate(explicit, accept_language);
        let explicit_lang = explicit.and_then(Lang::from_code).map(|l| l.code());
        let sep = if query.is_empty() { "" } else { "&" };
        let languages = Lang::all()
            .map(|l| LanguageLink {
                href: format!("{path}?{query}{sep}lang={}", l.code()),
                current: l.code() == lang.code(),
                tag: l.tag(),
                name: l.name(),
            })
            .collect();
        // the default description in the page's language; the operator's
        // own as written
        let description = if settings.description == DEFAULT_DESCRIPTION {
            lang.t("site-tagline")
        } else {
            settings.description.clone()
        };
        PageCtx {
            languages,
            lang,
            explicit_lang,
            site_name: settings.name.clone(),
            description,
            logo: has_logo,
            custom_css: settings.custom_css.is_some(),
            legal_url: settings.legal_notices_url.clone(),
            asset_version: ASSET_VERSION,
            banner: settings.banner.clone(),
            kept: Vec::new(),
            kept_clear: None,
        }
    }

    /// A message in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// An internal link, keeping the explicit language.
    pub fn href(&self, path: &str) -> String {
        match self.explicit_lang {
            Some(l) => {
                let sep = if path.contains('?') { '&' } else { '?' };
                format!("{path}{sep}lang={}", encode(l))
            }
            None => path.to_string(),
        }
    }
}
