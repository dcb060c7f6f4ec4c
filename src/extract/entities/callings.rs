//! A person's calling between a country and a name: "US boxing legend
//! Muhammad Ali arrived in Berlin on Friday", "Iraqi dictator Saddam
//! Hussein", "US diplomat Richard Holbrooke". No title rule reads these
//! callings, so the country stood first in the clause and took the
//! person's part ("US boxing legend Muhammad Ali arrived in Berlin" was a
//! visit by the United States). The country says whose the person is: a
//! modifier of the person's phrase, never a party.

use super::{Ent, EntKind};
use crate::extract::doc::Sent;
use crate::extract::lexicon::{at, is};
use crate::extract::text::TokKind;
use crate::model::EntityType;

/// Words before the calling that may modify it ("boxing legend",
/// "Portuguese tennis coach"): lower-case words that are no function word,
/// past form or verb in -s, whose subject the country would be ("Pakistan
/// included allrounder Shahid Afridi", "US forces toppled Saddam Hussein").
fn modifies_calling(sent: &Sent, k: usize) -> bool {
    let t = &sent.toks[k];
    let w = t.lower.as_str();
    t.kind == TokKind::Word
        && !t.cap
        && !is!("stopwords", w)
        && !w.ends_with("ed")
        && (!w.ends_with('s') || w.ends_with("ss"))
}

/// A calling at `k`: a lower-case calling, role noun or descriptor
/// ("legend", "diplomat", "dictator").
fn calling(sent: &Sent, k: usize) -> bool {
    !sent.toks[k].cap
        && (at!("callings", sent, k)
            || at!("role_nouns", sent, k)
            || at!("person_descriptors", sent, k))
}

/// Makes the country before a person's calling (and up to two words
/// modifying it) a modifier of the person's phrase.
pub(super) fn callings(sent: &Sent, ents: &mut [Ent]) {
    for x in 0..ents.len() {
        let p = &ents[x];
        // A title already widened the phrase ("US President Donald Trump").
        if !(p.is_person() && p.kind == EntKind::Name && p.np0 == p.t0) || p.t0 < 2 {
            continue;
        }
        let t0 = p.t0;
        if !calling(sent, t0 - 1) {
            continue;
        }
        let mut s = t0 - 1;
        let country = loop {
            let found = ents.iter().position(|c| {
                c.t1 == s
                    && !c.modifier
                    && c.ent.etype == EntityType::Country
                    && matches!(c.kind, EntKind::Name | EntKind::Demonym)
            });
            if found.is_some() || s == 0 || t0 - s > 2 || !modifies_calling(sent, s - 1) {
                break found;
            }
            s -= 1;
        };
        if let Some(c) = country {
            ents[c].modifier = true;
            ents[x].np0 = ents[c].np0.min(ents[c].t0);
        }
    }
}
