//! The decision for one actor, pure: which candidates are compatible
//! (type, country), how well each fits (name, country, positions held on
//! the articles' dates), and whether the best is good and clear enough to
//! link or the actor stays unlinked (NIL). No store, no network.

use std::collections::BTreeSet;

use chrono::NaiveDate;

/// An actor or place eventline minted, as the store describes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Actor {
    pub(crate) iri: String,
    /// What the articles call it.
    pub(crate) name: String,
    /// The eventline class it was minted as (`Person`, `Organisation`, …).
    pub(crate) class: String,
    /// QIDs of the countries the articles say it acts for.
    pub(crate) countries: BTreeSet<String>,
    /// The dates of the articles that name it.
    pub(crate) dates: BTreeSet<NaiveDate>,
}

/// One item of the knowledge base whose label or alias is the name.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Candidate {
    pub(crate) qid: String,
    pub(crate) description: Option<String>,
    /// Matched by an alias only, not by its label.
    pub(crate) by_alias: bool,
    /// An instance of a class the actor's class may link to.
    pub(crate) type_ok: bool,
    /// An instance of a class never linked (disambiguation page, film…).
    pub(crate) never: bool,
    /// Citizenship (P27) and country (P17) QIDs.
    pub(crate) countries: BTreeSet<String>,
    /// Positions held (P39), each with its start and end when known.
    pub(crate) positions: Vec<(Option<NaiveDate>, Option<NaiveDate>)>,
}

/// What linking decided for one actor.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Linked to `qid` with this score; `method` names the evidence.
    Linked {
        qid: String,
        score: f64,
        method: String,
    },
    /// Left unlinked: why, and the best candidate if one passed the filters.
    Nil {
        reason: String,
        best: Option<(String, f64)>,
    },
}

/// The weights of the evidence. A label match alone (0.7) stays under the
/// default threshold only when something speaks against it; a country the
/// article and the item share, or a position held on the article's date,
/// lifts it.
const LABEL: f64 = 0.7;
const ALIAS: f64 = 0.6;
const COUNTRY_SHARED: f64 = 0.2;
const COUNTRY_UNKNOWN: f64 = 0.1;
const POSITION_IN_FORCE: f64 = 0.1;
const POSITIONS_ALL_OUT_OF_FORCE: f64 = -0.2;

/// How far the best must lead the second: two items that fit equally well
/// are two people the text cannot tell apart.
pub(crate) const MARGIN: f64 = 0.1;

/// The score of a compatible candidate, with the evidence that made it;
/// `Err` says why the candidate is incompatible.
pub(crate) fn score(actor: &Actor, c: &Candidate) -> Result<(f64, Vec<&'static str>), String> {
    if c.never {
        return Err(format!("{} is of a class never linked", c.qid));
    }
    if !c.type_ok {
        return Err(format!(
            "{} is of no class an evl:{} links to",
            c.qid, actor.class
        ));
    }
    let mut method = Vec::new();
    let mut s = if c.by_alias {
        method.push("alias");
        ALIAS
    } else {
        method.push("label");
        LABEL
    };
    if actor.countries.is_empty() || c.countries.is_empty() {
        s += COUNTRY_UNKNOWN;
    } else if actor.countries.is_disjoint(&c.countries) {
        return Err(format!(
            "{}'s countries ({}) are not the article's ({})",
            c.qid,
            join(&c.countries),
            join(&actor.countries)
        ));
    } else {
        method.push("country");
        s += COUNTRY_SHARED;
    }
    if !c.positions.is_empty() {
        let in_force = c.positions.iter().any(|&(start, end)| {
            actor
                .dates
                .iter()
                .any(|d| start.is_none_or(|s| s <= *d) && end.is_none_or(|e| *d <= e))
        });
        if in_force {
            method.push("position");
            s += POSITION_IN_FORCE;
        } else if !actor.dates.is_empty() {
            s += POSITIONS_ALL_OUT_OF_FORCE;
        }
    }
    Ok(((s * 100.0).round() / 100.0, method))
}

fn join(set: &BTreeSet<String>) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(", ")
}

/// Links the best compatible candidate when it reaches `threshold` and
/// leads the next by [`MARGIN`]; NIL otherwise.
pub(crate) fn decide(actor: &Actor, candidates: &[Candidate], threshold: f64) -> Verdict {
    if candidates.is_empty() {
        return nil("no item has this label or alias", None);
    }
    let mut scored: Vec<(f64, &Candidate, Vec<&str>)> = Vec::new();
    let mut refused = Vec::new();
    for c in candidates {
        match score(actor, c) {
            Ok((s, m)) => scored.push((s, c, m)),
            Err(why) => refused.push(why),
        }
    }
    // Best first; the QID breaks ties so the order never depends on the
    // endpoint's.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.qid.cmp(&b.1.qid)));
    let Some((best, c, method)) = scored.first() else {
        return nil(&refused.join("; "), None);
    };
    let best_pair = Some((c.qid.clone(), *best));
    if *best < threshold {
        return nil(
            &format!("best score {best:.2} is under the threshold {threshold:.2}"),
            best_pair,
        );
    }
    if let Some((second, other, _)) = scored.get(1) {
        if best - second < MARGIN - 1e-9 {
            return nil(
                &format!(
                    "{} and {} fit about as well ({best:.2}, {second:.2})",
                    c.qid, other.qid
                ),
                best_pair,
            );
        }
    }
    Verdict::Linked {
        qid: c.qid.clone(),
        score: *best,
        method: method.join("+"),
    }
}

fn nil(reason: &str, best: Option<(String, f64)>) -> Verdict {
    Verdict::Nil {
        reason: reason.to_string(),
        best,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn person(country: &str, date: &str) -> Actor {
        Actor {
            iri: "eid:actor/x".into(),
            name: "X".into(),
            class: "Person".into(),
            countries: [country.to_string()].into(),
            dates: [d(date)].into(),
        }
    }

    fn human(qid: &str, country: &str) -> Candidate {
        Candidate {
            qid: qid.into(),
            type_ok: true,
            countries: [country.to_string()].into(),
            ..Candidate::default()
        }
    }

    fn linked(v: &Verdict) -> Option<&str> {
        match v {
            Verdict::Linked { qid, .. } => Some(qid),
            Verdict::Nil { .. } => None,
        }
    }

    #[test]
    fn a_homonym_of_another_country_is_refused() {
        let a = person("Q114", "2024-03-12");
        let v = decide(&a, &[human("Q1", "Q1033"), human("Q2", "Q114")], 0.75);
        assert_eq!(linked(&v), Some("Q2"));
        let v = decide(&a, &[human("Q1", "Q1033")], 0.75);
        assert_eq!(linked(&v), None, "{v:?}");
    }

    #[test]
    fn disambiguation_pages_and_wrong_types_are_never_linked() {
        let a = person("Q114", "2024-03-12");
        let mut page = human("Q3", "Q114");
        page.never = true;
        assert!(linked(&decide(&a, &[page], 0.0)).is_none());
        let mut film = human("Q4", "Q114");
        film.type_ok = false;
        assert!(linked(&decide(&a, &[film], 0.0)).is_none());
    }

    #[test]
    fn the_holder_on_the_articles_date_wins() {
        let a = person("Q117", "2024-03-12");
        let mut before = human("Q11", "Q117");
        before.positions = vec![(Some(d("2017-01-10")), Some(d("2021-01-07")))];
        let mut now = human("Q12", "Q117");
        now.positions = vec![(Some(d("2023-02-01")), None)];
        let v = decide(&a, &[before, now], 0.75);
        assert!(matches!(&v, Verdict::Linked { qid, method, .. }
            if qid == "Q12" && method == "label+country+position"));
    }

    #[test]
    fn two_equally_good_homonyms_stay_unlinked() {
        let a = person("Q117", "2024-03-12");
        let v = decide(&a, &[human("Q11", "Q117"), human("Q12", "Q117")], 0.75);
        assert!(matches!(&v, Verdict::Nil { reason, .. } if reason.contains("about as well")));
    }

    #[test]
    fn under_the_threshold_is_nil_with_the_best_named() {
        let a = person("Q117", "2024-03-12");
        let mut alias = human("Q5", "Q117");
        alias.by_alias = true;
        let v = decide(&a, &[alias.clone()], 0.95);
        assert!(matches!(&v, Verdict::Nil { best: Some((q, s)), .. } if q == "Q5" && *s == 0.8));
        assert_eq!(linked(&decide(&a, &[alias], 0.75)), Some("Q5"));
    }

    #[test]
    fn no_candidate_is_nil() {
        let a = person("Q117", "2024-03-12");
        assert!(matches!(
            decide(&a, &[], 0.5),
            Verdict::Nil { best: None, .. }
        ));
    }
}
