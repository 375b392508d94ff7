//! Hash routes as text: parsing `#/at/<revision>/services/burgerzaken` into a [`Route`] and back.
//!
//! Hash routing needs no rewrite rules on the host, so the site works from any static host and
//! under any sub-path; every page, filter and revision is a link that can be shared.

use continuity_schema::references::Collection;

use crate::app::{HistoryQuery, ListPage, PlanPage, Route};

impl Route {
    /// The route of a location hash (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let hash = hash.strip_prefix('/').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect();
        let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
        match parts.as_slice() {
            ["history"] => Route::History(HistoryQuery::parse(query)),
            ["revisions", id] => Route::Revision((*id).to_owned()),
            ["diff"] => Route::Diff {
                from: None,
                to: None,
            },
            ["diff", from, to] => Route::Diff {
                from: Some((*from).to_owned()),
                to: Some((*to).to_owned()),
            },
            ["at", at, rest @ ..] => match PlanPage::parse(rest) {
                Some(page) => Route::Plan {
                    at: Some((*at).to_owned()),
                    page,
                },
                None => Route::NotFound(hash.to_owned()),
            },
            rest => match PlanPage::parse(rest) {
                Some(page) => Route::Plan { at: None, page },
                None => Route::NotFound(hash.to_owned()),
            },
        }
    }

    /// The route as an `href`: `#/…`, relative to the page, so it works under any sub-path.
    pub fn href(&self) -> String {
        match self {
            Route::Plan { at: None, page } => format!("#/{}", page.path()),
            Route::Plan { at: Some(at), page } => format!("#/at/{}/{}", encode(at), page.path())
                .trim_end_matches('/')
                .to_owned(),
            Route::History(query) => format!("#/history{}", query.to_query()),
            Route::Revision(id) => format!("#/revisions/{}", encode(id)),
            Route::Diff {
                from: Some(from),
                to: Some(to),
            } => format!("#/diff/{}/{}", encode(from), encode(to)),
            Route::Diff { .. } => "#/diff".to_owned(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

impl PlanPage {
    fn parse(parts: &[&str]) -> Option<PlanPage> {
        match parts {
            [] => Some(PlanPage::Overview),
            ["findings"] => Some(PlanPage::Findings),
            [one] => ListPage::from_slug(one)
                .or_else(|| collection_from_slug(one).map(ListPage::of))
                .map(PlanPage::List),
            [collection, id] => {
                collection_from_slug(collection).map(|c| PlanPage::Entity(c, (*id).to_owned()))
            }
            _ => None,
        }
    }

    /// The path below `#/` (or below `#/at/<revision>/`).
    fn path(&self) -> String {
        match self {
            PlanPage::Overview => String::new(),
            PlanPage::Findings => "findings".to_owned(),
            PlanPage::List(list) => list.slug().to_owned(),
            PlanPage::Entity(c, id) => format!("{}/{}", collection_slug(*c), encode(id)),
        }
    }
}

impl ListPage {
    pub const ALL: [ListPage; 11] = [
        ListPage::Team,
        ListPage::Services,
        ListPage::Systems,
        ListPage::Suppliers,
        ListPage::Locations,
        ListPage::Scenarios,
        ListPage::Risks,
        ListPage::Communication,
        ListPage::Exercises,
        ListPage::Actions,
        ListPage::Distribution,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ListPage::Team => "team",
            ListPage::Services => "services",
            ListPage::Systems => "systems",
            ListPage::Suppliers => "suppliers",
            ListPage::Locations => "locations",
            ListPage::Scenarios => "scenarios",
            ListPage::Risks => "risks",
            ListPage::Communication => "communication",
            ListPage::Exercises => "exercises",
            ListPage::Actions => "actions",
            ListPage::Distribution => "distribution",
        }
    }

    fn from_slug(slug: &str) -> Option<ListPage> {
        ListPage::ALL.into_iter().find(|l| l.slug() == slug)
    }

    /// The list page that shows a collection.
    pub fn of(collection: Collection) -> ListPage {
        match collection {
            Collection::People | Collection::Roles => ListPage::Team,
            Collection::Services => ListPage::Services,
            Collection::Systems => ListPage::Systems,
            Collection::Suppliers => ListPage::Suppliers,
            Collection::Locations => ListPage::Locations,
            Collection::Scenarios => ListPage::Scenarios,
            Collection::Risks => ListPage::Risks,
            Collection::Audiences | Collection::Templates => ListPage::Communication,
            Collection::Distribution => ListPage::Distribution,
            Collection::ExerciseSchedule | Collection::Exercises | Collection::Incidents => {
                ListPage::Exercises
            }
            Collection::Actions => ListPage::Actions,
        }
    }
}

/// A collection's segment in routes (`exercise-schedule/monthly`).
pub fn collection_slug(c: Collection) -> &'static str {
    match c {
        Collection::Audiences => "audiences",
        Collection::Templates => "templates",
        Collection::ExerciseSchedule => "exercise-schedule",
        other => other.name(),
    }
}

fn collection_from_slug(slug: &str) -> Option<Collection> {
    Collection::ALL
        .into_iter()
        .find(|c| collection_slug(*c) == slug)
}

impl HistoryQuery {
    pub const PAGE_SIZE: usize = 50;

    fn parse(query: &str) -> HistoryQuery {
        let mut q = HistoryQuery::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "section" if !value.is_empty() => q.section = Some(value),
                "author" if !value.is_empty() => q.author = Some(value),
                "page" => q.page = value.parse().unwrap_or(1).max(1),
                _ => {}
            }
        }
        q
    }

    fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(section) = &self.section {
            parts.push(format!("section={}", encode(section)));
        }
        if let Some(author) = &self.author {
            parts.push(format!("author={}", encode(author)));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

impl Default for HistoryQuery {
    fn default() -> Self {
        HistoryQuery {
            section: None,
            author: None,
            page: 1,
        }
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), byte by byte.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (`+` stays a plus: [`encode`] never writes it for a space).
/// Malformed escapes stay as they are; invalid UTF-8 becomes replacement characters.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(hash: &str) -> Route {
        let route = Route::parse(hash);
        assert_eq!(route.href(), hash, "{route:?}");
        route
    }

    #[test]
    fn plan_pages_round_trip() {
        assert_eq!(
            round_trip("#/"),
            Route::Plan {
                at: None,
                page: PlanPage::Overview
            }
        );
        assert_eq!(
            round_trip("#/services/burgerzaken"),
            Route::Plan {
                at: None,
                page: PlanPage::Entity(Collection::Services, "burgerzaken".into())
            }
        );
        round_trip("#/risks");
        round_trip("#/findings");
        round_trip("#/exercise-schedule/restore");
        round_trip("#/audiences/burgers");
    }

    #[test]
    fn time_travel_prefixes_any_plan_page() {
        assert_eq!(
            round_trip("#/at/89617c5a1b2c/services/burgerzaken"),
            Route::Plan {
                at: Some("89617c5a1b2c".into()),
                page: PlanPage::Entity(Collection::Services, "burgerzaken".into())
            }
        );
        assert_eq!(
            round_trip("#/at/89617c5a1b2c"),
            Route::Plan {
                at: Some("89617c5a1b2c".into()),
                page: PlanPage::Overview
            }
        );
    }

    #[test]
    fn collections_without_a_page_of_their_own_open_their_list() {
        assert_eq!(
            Route::parse("#/people"),
            Route::Plan {
                at: None,
                page: PlanPage::List(ListPage::Team)
            }
        );
        assert_eq!(
            Route::parse("#/incidents"),
            Route::Plan {
                at: None,
                page: PlanPage::List(ListPage::Exercises)
            }
        );
    }

    #[test]
    fn history_filters_are_part_of_the_link() {
        let route = round_trip("#/history?section=services&author=An%20Peeters&page=3");
        assert_eq!(
            route,
            Route::History(HistoryQuery {
                section: Some("services".into()),
                author: Some("An Peeters".into()),
                page: 3
            })
        );
        assert_eq!(
            Route::parse("#/history?page=0&x=1"),
            Route::History(HistoryQuery::default())
        );
    }

    #[test]
    fn diffs_and_revisions() {
        round_trip("#/diff/abc/def");
        round_trip("#/diff");
        round_trip("#/revisions/worktree");
    }

    #[test]
    fn unknown_paths_are_not_found_and_never_panic() {
        for hash in [
            "#/nope",
            "#/services/a/b",
            "#/at",
            "#/%",
            "#/%E2%82",
            "#/at/x/nope/y/z",
        ] {
            assert!(matches!(Route::parse(hash), Route::NotFound(_)), "{hash}");
        }
        assert_eq!(Route::parse(""), Route::parse("#/"));
    }

    #[test]
    fn encoding_round_trips_any_text() {
        for text in ["An Peeters", "é/ü?#&=%", "<script>", ""] {
            assert_eq!(decode(&encode(text)), text);
        }
        assert_eq!(decode("%zz%4"), "%zz%4");
    }
}
