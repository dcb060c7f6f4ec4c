//! Names: the gazetteer's, and those the text introduces. A capitalised
//! run the gazetteer does not know becomes a person when the text says so
//! (a title before it, an apposition or an age after it, a known first
//! name), an organisation when it ends in an organisation word or is an
//! acronym, and a place after "in"/"at".

use super::memory::{remember_label_title, remember_person};
use super::{minted, Context, Discourse, Ent, EntKind};
use crate::extract::doc::Sent;
use crate::extract::lexicon::{at, is, LISTS};
use crate::extract::text::TokKind;
use crate::gazetteer::{NameMatch, SurfaceKind};
use crate::model::{EntityRef, EntityType};

/// The longest names per run: "Joao Bernardo Vieira", "Nguyen Minh Triet".
const MAX_NAME: usize = 4;

pub(super) fn is_word(sent: &Sent, i: usize) -> bool {
    sent.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
}

/// A capitalised word that may be part of a name.
pub(super) fn cap_word(sent: &Sent, i: usize) -> bool {
    sent.toks.get(i).is_some_and(|t| {
        t.kind == TokKind::Word
            && t.cap
            && !t.lower.starts_with('\'')
            && !at!("not_names", t)
            && (!at!("titles", t)
                || at!("name_particles", t)
                // "Hun Sen" is a name; "Sen. Cruz" a title.
                || at!("title_abbreviations", t)
                    && sent.toks.get(i + 1).is_none_or(|n| n.lower != "."))
    })
}

fn particle(sent: &Sent, i: usize) -> bool {
    at!("name_particles", sent, i)
}

pub(super) fn covered(ents: &[Ent], i: usize) -> bool {
    ents.iter().any(|e| e.t0 <= i && i < e.t1)
}

fn token_range(sent: &Sent, start: usize, end: usize) -> Option<(usize, usize)> {
    let t0 = sent.toks.iter().position(|t| t.start >= start)?;
    let t1 = sent
        .toks
        .iter()
        .position(|t| t.start >= end)
        .unwrap_or(sent.toks.len());
    (t1 > t0 && sent.toks[t0].start == start).then_some((t0, t1))
}

/// Gazetteer matches mapped onto tokens and resolved at the article's date.
pub(super) fn gazetteer_names(
    sent: &Sent,
    names: &[NameMatch],
    ctx: &Context,
    disc: &Discourse,
) -> Vec<Ent> {
    let mut ents: Vec<Ent> = Vec::new();
    for m in names {
        let Some((t0, t1)) = token_range(sent, m.start, m.end) else {
            continue;
        };
        let all_are = |t: EntityType| m.candidates.iter().all(|&c| ctx.gaz.entities[c].etype == t);
        let people = all_are(EntityType::Person);
        // "Mahmud Abbas" is the gazetteer's "Mahmoud Abbas", whose
        // alias "Abbas" matched alone.
        if people && t1 == t0 + 1 && t0 > sent.body && cap_word(sent, t0 - 1) {
            let name = format!("{} {}", sent.lower(t0 - 1), sent.lower(t0));
            if let Some(p) = spelt_otherwise(ctx, &name) {
                ents.push(Ent::new(t0 - 1, t1, p, EntKind::Name));
                continue;
            }
        }
        if inside_longer_name(sent, names, m, (t0, t1), people, ctx) {
            continue;
        }
        if all_are(EntityType::Organisation) && t1 == t0 + 1 {
            if head_of_another_body(sent, names, m, t0, ctx) {
                continue;
            }
            match one_word_organisation(sent, t0, ctx, disc) {
                OneWord::Itself => {}
                OneWord::Person(p) => {
                    ents.push(Ent::new(t0, t1, p, EntKind::Name));
                    continue;
                }
                OneWord::Nothing => continue,
            }
        }
        // "Lee" after "Martin Lee" is Martin Lee, whoever else the
        // gazetteer calls Lee.
        if people && t1 == t0 + 1 {
            if let Some(p) = disc.known_person(sent.lower(t0)) {
                if !m
                    .candidates
                    .iter()
                    .any(|&c| ctx.gaz.entities[c].iri == p.iri)
                {
                    ents.push(Ent::new(t0, t1, p, EntKind::Name));
                    continue;
                }
            }
        }
        ents.push(gazetteer_ent(sent, m, ctx, (t0, t1), people));
    }
    ents
}

/// The gazetteer's person a two-word name spells with another
/// transliteration of the given name ("Mahmud Abbas", "Sergei Ivanov").
fn spelt_otherwise(ctx: &Context, name: &str) -> Option<EntityRef> {
    let idx = ctx.gaz.spelling_variant(name)?;
    Some(ctx.gaz.entity_ref(idx, ctx.date))
}

/// Whether a match is a word of a longer name the gazetteer does not know:
/// a one-word person alias ("Ellen Johnson Sirleaf", "Trump Tower", "Kim
/// Jong Un" vs "Kim Kye-Gwan") or a US state's name with a capitalised word
/// of another name beside it.
fn inside_longer_name(
    sent: &Sent,
    names: &[NameMatch],
    m: &NameMatch,
    (t0, t1): (usize, usize),
    people: bool,
    ctx: &Context,
) -> bool {
    if people && t1 == t0 + 1 {
        let next_is_name =
            cap_word(sent, t1) && !matches!(sent.lower(t1), "jr" | "jr." | "sr" | "sr.");
        // "Kim Kye-Gwan" is not Kim, but "Trump-Putin" is Trump.
        let hyphen_name = sent.lower(t1) == "-"
            && cap_word(sent, t1 + 1)
            && !names
                .iter()
                .any(|o| sent.toks.get(t1 + 1).is_some_and(|t| t.start == o.start));
        if (t0 > 0 && cap_word(sent, t0 - 1) && sent.toks[t0 - 1].start > sent.start)
            || next_is_name
            || hyphen_name
        {
            return true;
        }
    }
    // "Kansas City", "Kentucky Fried Chicken", "Virginia Giuffre", "Joe
    // Montana", "Sierra Nevada", "California ISO": a US state's name with a
    // capitalised word of another name beside it is part of that name
    // ("Florida Gov. Ron DeSantis", "Iowa Governor Tom Vilsack" are titles).
    let us_state = |c: &usize| {
        let e = &ctx.gaz.entities[*c];
        e.etype == EntityType::Region
            && e.located_in
                .is_some_and(|l| ctx.gaz.entities[l].qid.as_deref() == Some("Q30"))
    };
    // "Sen. Lindsey Graham (R-South Carolina)": a member's party and state,
    // no place of the event.
    let party_state =
        t0 >= 2 && sent.lower(t0 - 1) == "-" && matches!(sent.lower(t0 - 2), "r" | "d" | "i");
    m.candidates.iter().all(us_state)
        && m.kind == SurfaceKind::Name
        && (cap_word(sent, t1) || t0 > sent.body && cap_word(sent, t0 - 1) || party_state)
}

/// The entity a gazetteer match names, with a "Jr." suffix and initials
/// the gazetteer spells otherwise.
fn gazetteer_ent(
    sent: &Sent,
    m: &NameMatch,
    ctx: &Context,
    (t0, t1): (usize, usize),
    people: bool,
) -> Ent {
    let idx = ctx.gaz.disambiguate(&m.candidates, ctx.date);
    let e = &ctx.gaz.entities[idx];
    let mut ent = ctx.gaz.entity_ref(idx, ctx.date);
    let mut end = t1;
    // "Donald Trump Jr." and "Trump, Jr." are the son; "Sr." is the father
    // the gazetteer knows. The tokenizer splits "Jr." into "jr" and ".": the
    // stop belongs to the name (a speaker frame needs the verb right after
    // it), even when it also ends the sentence.
    let comma = usize::from(sent.lower(t1) == ",");
    let suffix = sent.lower(t1 + comma);
    if people && matches!(suffix, "jr" | "jr." | "sr" | "sr.") {
        end = t1 + comma + 1;
        if sent.lower(end) == "." && !suffix.ends_with('.') {
            end += 1;
        }
        if suffix.starts_with("jr") {
            let label = format!("{} Jr.", e.label);
            ent = minted(&label, EntityType::Person, None, false);
        }
    }
    let kind = match m.kind {
        SurfaceKind::Demonym => EntKind::Demonym,
        SurfaceKind::Name => EntKind::Name,
    };
    // "Prime Minister H.D. Deve Gowda": initials the gazetteer spells
    // otherwise ("H. D.") are the known person's, not a name of their own.
    let joined = |k: usize| sent.toks[k].cap && crate::extract::text::initials(sent.lower(k));
    let t0 = if people && t0 > 0 && joined(t0 - 1) {
        t0 - 1
    } else {
        t0
    };
    let mut x = Ent::new(t0, end, ent, kind);
    if let Some(title) = &e.seat_of {
        if let Some(of) = e.stands_for {
            x.seat = Some((title.clone(), of));
        }
    }
    x
}

/// "the Action Congress (AC)", "the Peruvian Congress", "the Philippine
/// Senate": a one-word alias that is an organisation word ("Congress",
/// "Senate") after a capitalised word is the head of another body's name,
/// which the organisation stage then reads whole. Its own country before
/// it ("American Congress") and a party adjective ("the Republican
/// Senate") keep it.
fn head_of_another_body(
    sent: &Sent,
    names: &[NameMatch],
    m: &NameMatch,
    t0: usize,
    ctx: &Context,
) -> bool {
    if !at!("org_heads", sent, t0)
        || t0 <= sent.body
        || !cap_word(sent, t0 - 1)
        || sent.toks[t0 - 1].start <= sent.start
        || at!("party_adjectives", sent, t0 - 1)
    {
        return false;
    }
    let before = &sent.toks[t0 - 1];
    let own_country = names.iter().any(|o| {
        o.start <= before.start
            && o.end >= before.end
            && m.candidates.iter().any(|&c| {
                let anchor = ctx.gaz.anchor(c, ctx.date);
                o.candidates
                    .iter()
                    .any(|&k| ctx.gaz.anchor(k, ctx.date) == anchor)
            })
    });
    !own_country
}

/// What a one-word organisation name stands for where it is read.
enum OneWord {
    Itself,
    Person(EntityRef),
    Nothing,
}

/// "Doug Ford", "Harrison Ford", "Nikola Tesla": a one-word company after a
/// given name is a person's surname, and that person keeps it afterwards
/// ("Ford later called on Ottawa"); "condemned the attack on Twitter": a
/// platform something is said on is no party. "Ford", "Tesla" alone are
/// the companies.
fn one_word_organisation(sent: &Sent, t0: usize, ctx: &Context, disc: &Discourse) -> OneWord {
    let given = t0 > 0 && cap_word(sent, t0 - 1) && ctx.first_names.contains(sent.lower(t0 - 1));
    if given {
        return OneWord::Nothing;
    }
    if let Some(p) = disc.known_person(sent.lower(t0)) {
        return OneWord::Person(p);
    }
    let medium = at!("platforms", sent, t0)
        && t0 > 0
        && matches!(sent.lower(t0 - 1), "on" | "via" | "onto" | "through");
    if medium {
        OneWord::Nothing
    } else {
        OneWord::Itself
    }
}

/// The end of a run of name words starting at `i` (particles inside,
/// "Jr." at the end), at most [`MAX_NAME`] capitalised words.
fn name_run(sent: &Sent, i: usize, ents: &[Ent]) -> usize {
    let mut k = i;
    let mut caps = 0;
    while k < sent.toks.len() && caps < MAX_NAME && !covered(ents, k) {
        if cap_word(sent, k) {
            caps += 1;
            k += 1;
        } else if particle(sent, k)
            && k > i
            // "Jeroen van der Veer", "Ursula von der Leyen".
            && (cap_word(sent, k + 1)
                || particle(sent, k + 1) && cap_word(sent, k + 2)
                // "Khalid al-Obeidi", "Abdel Aziz al-Hakim".
                || sent.glued_hyphen(k + 1) && cap_word(sent, k + 2))
        {
            k += 1;
        } else if sent.glued_hyphen(k) && cap_word(sent, k + 1) && k > i {
            // "Kim Kye-Gwan", "Yoo Chong-Ha".
            k += 1;
        } else if k > i
            && sent.lower(k) == "."
            && sent.lower(k - 1).chars().count() == 1
            && cap_word(sent, k + 1)
        {
            // Initials: "George W. Bush".
            k += 1;
        } else {
            break;
        }
    }
    k
}

/// "Paktika governor Abdul Hakim Taniwal", "Mohammed Hosni Mubarak": a
/// given name right before a person the gazetteer knows by a shorter name
/// is that person's own, not a second person minted from it.
fn given_name_before(sent: &Sent, ctx: &Context, x: usize, ents: &mut [Ent]) {
    let t0 = ents[x].t0;
    if t0 == 0
        || ents[x].kind != EntKind::Name
        || !cap_word(sent, t0 - 1)
        || covered(ents, t0 - 1)
        || !ctx.first_names.contains(sent.lower(t0 - 1))
    {
        return;
    }
    ents[x].t0 = t0 - 1;
    ents[x].np0 = ents[x].np0.min(t0 - 1);
}

/// The start of the title phrase ending right before `i`, and whether it
/// holds a strong title ("minister", not only "foreign").
pub(super) fn title_before(sent: &Sent, i: usize, ents: &[Ent]) -> Option<(usize, Vec<String>)> {
    let mut j = posting_before(sent, i, ents).unwrap_or(i);
    let mut words = Vec::new();
    while j > 0 {
        let w = sent.lower(j - 1);
        // "Sen. Tim Scott": an abbreviated title's period.
        let period = w == "." && j >= 2 && at!("title_abbreviations", sent, j - 2);
        let inside_title = is!("titles", w)
            || period
            || w == "counterpart"
            || (w == "of" && j >= 2 && at!("titles", sent, j - 2))
            // "Minister for Foreign Affairs Alexander Downer", "Minister of
            // Trade and Industry Mukhisa Kituyi": a portfolio's words.
            // Only portfolio words on both sides: not "High Commissioner
            // for Refugees (UNHCR)", "Minister of Health and Solidarity".
            || (matches!(w, "for" | "and" | "&")
                && j >= 2
                && at!("titles", sent, j - 2)
                && sent.toks[j - 2].cap
                && sent.toks[j].cap
                && at!("titles", sent, j))
            || (w == "-" && j >= 2 && at!("titles", sent, j - 2))
            // "chancellor-designate Angela Merkel", "president-elect Felipe
            // Calderon".
            || (is!("office_to_come", w)
                && j >= 3
                && sent.lower(j - 2) == "-"
                && at!("titles", sent, j - 3));
        if !inside_title || covered(ents, j - 1) {
            break;
        }
        if !period {
            words.push(w.to_string());
        }
        j -= 1;
    }
    words.reverse();
    let strong = words
        .iter()
        .any(|w| is!("strong_titles", w) || w == "counterpart");
    (strong && j < i).then_some((j, words))
}

/// "US envoy in Sudan Andrew Natsios", "the US ambassador to Iraq Zalmay
/// Khalilzad", "UN envoy to Somalia Mario Rafaegli": where a posted title's
/// "in/to/for PLACE" complement starts, when that place stands right
/// before the name; the title is read on from there.
fn posting_before(sent: &Sent, i: usize, ents: &[Ent]) -> Option<usize> {
    let place = ents
        .iter()
        .filter(|e| e.t1 == i && e.ent.etype != EntityType::Person)
        .min_by_key(|e| e.t0)?;
    let mut p = place.t0;
    if p >= 1 && sent.lower(p - 1) == "the" {
        p -= 1;
    }
    if p >= 2
        && matches!(sent.lower(p - 1), "in" | "to" | "for" | "at")
        && at!("posted_titles", sent, p - 2)
    {
        return Some(p - 1);
    }
    // "Commander of the U.S. Pacific Fleet Gary Roughead": a country
    // before a name run is the run's modifier, not the body it heads.
    (place.ent.etype == EntityType::Organisation)
        .then(|| office_of_body(sent, p))
        .flatten()
}

/// "Chairman of the Expediency Council Akbar Hashemi Rafsanjani",
/// "Chairman of the Standing Committee of the National People's Congress Wu
/// Bangguo", "met the chairman of the ...": a title's "of" and the
/// capitalised body it heads, the body standing right before the name at
/// `p`; the title is read on from that "of".
fn office_of_body(sent: &Sent, p: usize) -> Option<usize> {
    let mut k = p;
    // Few words: a title's body is a name, not a clause.
    let floor = p.saturating_sub(8);
    while k > floor {
        let w = sent.lower(k - 1);
        if w == "of" {
            // "Chairman of the ...", "met the chairman of the ...", "a
            // deputy chairman of the ...".
            let mut d = k.saturating_sub(3);
            while d > 0 && matches!(sent.lower(d), "deputy" | "vice" | "former" | "acting") {
                d -= 1;
            }
            let title_case = k >= 2
                && (sent.toks[k - 2].cap || k >= 3 && matches!(sent.lower(d), "the" | "a" | "an"));
            if title_case && at!("titles", sent, k - 2) {
                return Some(k - 1);
            }
        } else if !matches!(w, "the" | "'s") && !sent.toks[k - 1].cap {
            // ("Vice-Chairman of China's Central Military Commission Xu
            // Caihou": past the body's possessor.)
            return None;
        }
        k -= 1;
    }
    None
}

/// Where a titled person's phrase starts: at the affiliation's own words
/// right before the title `j` ("Chinese Premier"), not at an earlier mention
/// of the same country ("According to the Chinese Foreign Ministry,
/// Chinese Premier Wen Jiabao" starts at the second "Chinese").
fn affiliation_start(ents: &[Ent], aff: Option<&EntityRef>, j: usize) -> usize {
    ents.iter()
        .filter(|e| e.modifier && aff.is_some_and(|a| a.iri == e.ent.iri) && e.t1 <= j)
        .map(|e| e.t0)
        .max()
        .unwrap_or(j)
}

/// The affiliation right before a title: "Italian", "Russia's", "CMEC",
/// "Central Intelligence Agency (CIA)".
fn affiliation(sent: &Sent, title_start: usize, ents: &mut [Ent]) -> Option<EntityRef> {
    let mut best = None;
    // "Central Intelligence Agency (CIA) director Robert Gates", "Israel
    // Defense Forces (IDF) Chief of Staff Dan Halutz": a body glossed by
    // its acronym in brackets right before the title.
    let bracketed = title_start >= 3
        && sent.lower(title_start - 1) == ")"
        && sent.lower(title_start - 3) == "(";
    for e in ents.iter_mut() {
        let touches = e.t1 == title_start
            || (e.t1 + 1 == title_start && sent.lower(e.t1) == "'s")
            || (e.t1 + 1 == title_start
                && sent.lower(e.t1) == "-"
                && sent.lower(title_start).ends_with("led"))
            || bracketed
                && (e.t1 + 1 == title_start && e.t0 + 2 == title_start || e.t1 + 3 == title_start)
                && matches!(
                    e.ent.etype,
                    EntityType::Organisation | EntityType::ArmedGroup
                );
        if touches && !e.is_person() {
            e.modifier = true;
            best = Some(e.ent.clone());
        }
    }
    best
}

/// A title that names no one in office: "the former president of", "the
/// opposition leader of", "ex-Prime Minister" (its words, or the word
/// before the phrase starting at `np0`).
fn out_of_office(sent: &Sent, np0: usize, words: &[String]) -> bool {
    let past = |w: &str| matches!(w, "former" | "ex" | "ex-" | "late" | "opposition" | "then");
    // Not yet in office either: "chancellor-designate".
    words.iter().any(|w| past(w) || is!("office_to_come", w))
        || np0 > 0 && past(sent.lower(np0 - 1))
}

/// Does the title phrase starting at `j` follow a comma, as in "Wei
/// Liucheng, governor of Hainan Province,"?
fn in_apposition(sent: &Sent, j: usize) -> bool {
    word_before_title(sent, j) == ","
}

/// The word before the title phrase starting at `j`, past its article and
/// "former", "also", "new": "," in "Wei Liucheng, governor of", "elected"
/// in "was elected the new president of".
fn word_before_title(sent: &Sent, j: usize) -> &str {
    let mut p = j;
    while p > 0
        && matches!(
            sent.lower(p - 1),
            "the" | "a" | "an" | "former" | "also" | "new"
        )
    {
        p -= 1;
    }
    if p > 0 {
        sent.lower(p - 1)
    } else {
        ""
    }
}

/// "The president of Ukraine met Tony Blair", "talks with the foreign
/// minister of Iran", "the head of the Red Cross warned": an office named
/// by its country or organisation, with no holder named beside it, is that
/// country's or organisation's part in the event (a person acting for a
/// country is grouped with the country), so the phrase is the entity's.
/// Not in an apposition ("Wei Liucheng, governor of Hainan Province,") and
/// not when the holder's name follows ("the head of the Shas party, Arieh
/// Deri").
pub(super) fn offices_of_parties(sent: &Sent, ents: &mut [Ent]) {
    for x in 0..ents.len() {
        let e = &ents[x];
        if e.kind != EntKind::Name
            || e.np0 < e.t0
            || e.modifier
            || !matches!(e.ent.etype, EntityType::Country | EntityType::Organisation)
        {
            continue;
        }
        let mut q = e.t0;
        if q > 0 && sent.lower(q - 1) == "the" {
            q -= 1;
        }
        if q == 0 || sent.lower(q - 1) != "of" {
            continue;
        }
        let Some((j, words)) = title_before(sent, q, ents) else {
            continue;
        };
        // "the leader of Iraq's largest Shiite party", "the president of
        // Ukraine's wife": the office is of what the name possesses. "The
        // former president of", "the opposition leader of": no one acting
        // for it now.
        let not_in_office = out_of_office(sent, j, &words);
        if sent.lower(e.np1.max(e.t1)) == "'s" || not_in_office {
            continue;
        }
        // The holder may follow an acronym in brackets, a comma or a
        // common noun: "of the Republic of Korea (ROK) Lee Hae-chan", "of
        // the UN nuclear watchdog agency Mohamed ElBaradei".
        let mut k = e.np1.max(e.t1);
        if sent.lower(k) == "(" {
            while k < sent.toks.len() && sent.lower(k) != ")" {
                k += 1;
            }
            k += 1;
        }
        if sent.lower(k) == "," {
            k += 1;
        }
        // Between the office and its holder's name only names, brackets,
        // organisation nouns and the words that join them: "of the UN
        // mission in Kosovo (UNMIK) Neeraj Singh", "of the UN nuclear
        // watchdog agency Mohamed ElBaradei".
        let joins = |w: usize| {
            cap_word(sent, w)
                || at!("org_heads", sent, w)
                || matches!(
                    sent.lower(w),
                    "in" | "of" | "the" | "for" | "and" | "(" | ")" | "'s"
                )
        };
        let named = ents
            .iter()
            .any(|p| p.is_person() && p.t0 >= k && p.t0 <= k + 8 && (k..p.t0).all(joins));
        // A name the gazetteer does not know yet ("of the National People's
        // Congress Sheng Huaren met").
        let unknown_name = cap_word(sent, k) && !covered(ents, k);
        let holder_follows = named || unknown_name;
        // "has been elected the new president of", "as leader of": the
        // holder is the clause's subject.
        let predicate = is!("office_predicates", word_before_title(sent, j));
        if !holder_follows && !predicate && !in_apposition(sent, j) {
            ents[x].np0 = j;
        }
    }
}

/// "Italian Foreign Minister Lamberto Dini", "US President Donald Trump",
/// "Kremlin spokesperson Dmitry Peskov": a title, then a name.
pub(super) fn titled_people(
    text: &str,
    sent: &Sent,
    ctx: &Context,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
) {
    widen_known_people(sent, ctx, disc, ents);
    let mut i = 0;
    while i < sent.toks.len() {
        if covered(ents, i) || !cap_word(sent, i) {
            i += 1;
            continue;
        }
        let k = name_run(sent, i, ents);
        let Some((j, words)) = title_before(sent, i, ents) else {
            i = k.max(i + 1);
            continue;
        };
        let k = city_surname(sent, ctx, i, k, ents);
        if words.last().is_some_and(|w| w == "of") {
            match after_title_of(text, sent, disc, ents, (j, i, k)) {
                AfterOf::Body => {
                    i = k.max(i + 1);
                    continue;
                }
                AfterOf::HolderAt(h) => i = h,
                AfterOf::Run => {}
            }
        }
        // "Foreign Minister Lavrov Said": a run that is one title-case
        // heading is no name.
        let last = sent.lower(k.saturating_sub(1));
        // "Gen. Z voters": a letter is no one's name.
        let letter = k == i + 1 && sent.lower(i).chars().count() == 1;
        if k == i || is!("org_heads", last) || letter {
            i = k.max(i + 1);
            continue;
        }
        let label = sent.span_text(text, i, k).trim_end_matches(',').to_string();
        let aff = affiliation(sent, j, ents);
        let leader = heads_government(&words);
        let spelt = || {
            spelt_otherwise(ctx, &label).map(|mut p| {
                p.leader |= leader && aff.is_some();
                p
            })
        };
        let ent = disc.known_person(&label).or_else(spelt).unwrap_or_else(|| {
            minted(
                &label,
                EntityType::Person,
                aff.as_ref(),
                leader && aff.is_some(),
            )
        });
        let np0 = affiliation_start(ents, aff.as_ref(), j);
        let office: &[String] = if out_of_office(sent, np0, &words) {
            &[]
        } else {
            &words
        };
        remember_person(disc, &ent, office, ctx.first_names);
        let mut x = Ent::new(i, k, ent, EntKind::Name);
        x.np0 = np0;
        ents.push(x);
        i = k;
    }
}

/// Titles before names the gazetteer knows widen their phrase; so does a
/// country adjective right before ("Chinese Xi Jinping" after an alias took
/// the title).
fn widen_known_people(sent: &Sent, ctx: &Context, disc: &mut Discourse, ents: &mut [Ent]) {
    for x in 0..ents.len() {
        if !ents[x].is_person() {
            continue;
        }
        given_name_before(sent, ctx, x, ents);
        let t0 = ents[x].t0;
        if let Some(a) = ents.iter().position(|e| {
            !e.is_person()
                && (e.t1 == t0 || (e.t1 + 1 == t0 && sent.lower(e.t1) == "'s"))
                && matches!(e.kind, EntKind::Demonym)
        }) {
            ents[a].modifier = true;
            ents[x].np0 = ents[a].t0;
        }
        if let Some((j, words)) = title_before(sent, ents[x].t0, ents) {
            ents[x].np0 = j;
            let aff = affiliation(sent, j, ents);
            if let Some(aff) = &aff {
                ents[x].np0 = affiliation_start(ents, Some(aff), j);
            }
            // "Former Japanese Foreign Minister Kenji Tanabe" is no one
            // "the Japanese minister" can stand for.
            let words = if out_of_office(sent, ents[x].np0, &words) {
                Vec::new()
            } else {
                words
            };
            // "Georgian President Mikheil Saakashvili" leads his country
            // though the dictionary that knows him gives no office.
            if aff.is_some() && heads_government(&words) {
                ents[x].ent.leader = true;
            }
            let ent = ents[x].ent.clone();
            remember_person(disc, &ent, &words, ctx.first_names);
        } else {
            remember_label_title(disc, &ents[x].ent);
        }
    }
}

/// What the capitalised run after a title ending in "of" is.
enum AfterOf {
    /// The title's jurisdiction or employer, now an organisation.
    Body,
    /// A body, then its holder's name from this token on.
    HolderAt(usize),
    /// The holder's name, as the run stands.
    Run,
}

/// "a former governor of Indiana", "CEO of Apple", "governor of Hainan
/// Province": a one-word name (or a name and a place noun) right after
/// "of" is the title's jurisdiction or employer, not its holder; a longer
/// run names the holder after it ("Archbishop of Canterbury Rowan
/// Williams", "Chief of Staff Dan Halutz"). Two words stay a person: "the
/// lawyer of Khaled Hamdan". `j` is where the title starts, `i..k` the run.
fn after_title_of(
    text: &str,
    sent: &Sent,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
    (j, i, k): (usize, usize, usize),
) -> AfterOf {
    let place_noun = k > i + 1 && at!("place_nouns", sent, i + 1);
    let holder = if place_noun { i + 2 } else { i + 1 };
    if k == i + 1 || place_noun && k < holder + 2 {
        let label = sent.span_text(text, i, k).trim_end_matches(',');
        let org = disc
            .orgs
            .entry(label.to_lowercase())
            .or_insert_with(|| minted(label, EntityType::Organisation, None, false))
            .clone();
        // Outside an apposition the title's phrase is the organisation's,
        // as a party: "Gunmen killed the governor of Diyala", "The CEO of
        // Apple met ..."; not in "Wei Liucheng, governor of Hainan
        // Province, briefed".
        let mut x = Ent::new(i, k, org, EntKind::Name);
        if !in_apposition(sent, j) {
            x.np0 = j;
        }
        ents.push(x);
        return AfterOf::Body;
    }
    if k >= holder + 2 {
        AfterOf::HolderAt(holder)
    } else {
        AfterOf::Run
    }
}

/// "Chilean President Ricardo Lagos Friday pledged": a given name after a
/// title, then a one-word city, is a person whose surname is the city's
/// name. The city is dropped and the run ends past it.
fn city_surname(sent: &Sent, ctx: &Context, i: usize, k: usize, ents: &mut Vec<Ent>) -> usize {
    let city = |e: &Ent| e.t0 == k && e.t1 == k + 1 && e.ent.etype == EntityType::City;
    if k != i + 1 || !ctx.first_names.contains(sent.lower(i)) || !ents.iter().any(city) {
        return k;
    }
    ents.retain(|e| !city(e));
    k + 1
}

/// Whether a title names a head of state or government: "President",
/// "State President", "Prime Minister"; not "Vice President", "Deputy
/// Prime Minister" ([deputy_titles]).
fn heads_government(words: &[String]) -> bool {
    LISTS.phrase_at("head_titles", &last_words(words)).is_some()
        && !words.iter().any(|w| is!("deputy_titles", w))
}

/// The title's last one or two words, for head-of-state lookup.
fn last_words(words: &[String]) -> Vec<&str> {
    let n = words.len();
    words[n.saturating_sub(2)..]
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .split_first()
        .map(|(a, rest)| {
            if rest.is_empty() || !is!("head_titles", rest[0]) {
                let mut v = vec![*a];
                v.extend(rest);
                v
            } else {
                rest.to_vec()
            }
        })
        .unwrap_or_default()
}

/// People introduced without a title: "Li Xiangmin, director of ...",
/// "Sayfullo Saipov, 29,", "lawyer Natalia Veselnitskaya", "Tariq Azim
/// told", "Joao Vieira" with a known first name.
pub(super) fn apposition_people(
    text: &str,
    sent: &Sent,
    ctx: &Context,
    disc: &mut Discourse,
    ents: &mut Vec<Ent>,
) {
    let n = sent.toks.len();
    let mut i = 0;
    while i < n {
        if covered(ents, i) || !cap_word(sent, i) || (i > 0 && cap_word(sent, i - 1)) {
            i += 1;
            continue;
        }
        let k = name_run(sent, i, ents);
        if k <= i {
            i += 1;
            continue;
        }
        let words = k - i;
        let last = sent.lower(k - 1);
        // One all-capitals word is an acronym or a heading, no one's name.
        let capitals = words == 1
            && crate::extract::text::all_capitals(&text[sent.toks[i].start..sent.toks[i].end]);
        if is!("org_heads", last)
            || is!("place_nouns", last)
            || is!("name_heads_not_people", last)
            || capitals
        {
            i = k;
            continue;
        }
        // What follows: ", (a|the|his)? [words] role-noun", the role
        // noun its head ("to discuss NAFTA, the Republican governor's office
        // said": an office, whose governor is someone else).
        let apposition = sent.lower(k) == ","
            && (k + 1..(k + 6).min(n))
                .take_while(|&j| !matches!(sent.lower(j), "," | "." | ";"))
                .any(|j| {
                    at!("role_nouns", sent, j)
                        && (!sent.toks[j].cap || j == k + 1)
                        && (sent.lower(j + 1) != "'s"
                            || at!("role_nouns", sent, j + 2)
                            || matches!(sent.lower(j + 2), "predecessor" | "successor"))
                });
        // "McConnell, a Kentucky Republican, has promised", "Golden, a
        // moderate Democrat whose district": a party's member ends the
        // phrase ([party_members]).
        let member = sent.lower(k) == ","
            && matches!(sent.lower(k + 1), "a" | "an")
            && (k + 2..(k + 6).min(n))
                .take_while(|&j| !matches!(sent.lower(j), "," | "." | ";"))
                .any(|j| {
                    at!("party_members", sent, j)
                        && matches!(
                            sent.lower(j + 1),
                            "," | "." | ";" | "from" | "who" | "whose" | "and" | "of"
                        )
                });
        let age = sent.lower(k) == ","
            && sent
                .toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokKind::Number)
            && sent.lower(k + 2) == ",";
        let role_before = i > 0 && at!("role_nouns", sent, i - 1) && !sent.toks[i - 1].cap;
        let first_name = words >= 2 && ctx.first_names.contains(sent.lower(i));
        let speaks = words >= 2
            && (at!("speech_verbs", sent, k)
                || sent.lower(k) == "," && at!("speech_verbs", sent, k + 1));
        // "its owner, Denis Katsyv": a role noun and a comma before.
        let role_comma = i >= 2
            && sent.lower(i - 1) == ","
            && at!("role_nouns", sent, i - 2)
            && !sent.toks[i - 2].cap;
        let role_of_comma = role_of_before_comma(sent, i);
        if !(apposition
            || member
            || age
            || role_before
            || first_name
            || speaks
            || role_comma
            || role_of_comma)
        {
            i = k;
            continue;
        }
        let label = sent.span_text(text, i, k).to_string();
        let ent = disc
            .known_person(&label)
            .or_else(|| spelt_otherwise(ctx, &label))
            .unwrap_or_else(|| minted(&label, EntityType::Person, None, false));
        remember_person(disc, &ent, &[], ctx.first_names);
        ents.push(Ent::new(i, k, ent, EntKind::Name));
        i = k;
    }
}

/// "The presidential candidate of France's Socialist Party, Segolene
/// Royal, arrived": a role noun, "of" and the name of whose role it is,
/// then a comma before the name at `i`.
fn role_of_before_comma(sent: &Sent, i: usize) -> bool {
    if i < 4 || sent.lower(i - 1) != "," {
        return false;
    }
    let mut j = i - 1;
    while j > 0 && i - j < 10 {
        j -= 1;
        let w = sent.lower(j);
        if sent.toks[j].cap || matches!(w, "'s" | "the" | "and") {
            continue;
        }
        return w == "of" && j > 0 && at!("role_nouns", sent, j - 1) && !sent.toks[j - 1].cap;
    }
    false
}

/// A capitalised run after "in", "at" or "near" that nothing else named:
/// a place ("in Gjirokaster", "at Raghadan Palace").
pub(super) fn unknown_places(text: &str, sent: &Sent, ents: &mut Vec<Ent>) {
    let n = sent.toks.len();
    for i in 1..n {
        if covered(ents, i) || !cap_word(sent, i) {
            continue;
        }
        let mut p = i;
        if matches!(sent.lower(p - 1), "the") && p >= 2 {
            p -= 1;
        }
        let town_of = p >= 2
            && sent.lower(p - 1) == "of"
            && matches!(
                sent.lower(p - 2),
                "town"
                    | "city"
                    | "village"
                    | "province"
                    | "district"
                    | "region"
                    | "state"
                    | "county"
                    | "port"
                    | "capital"
            );
        if !matches!(sent.lower(p - 1), "in" | "at" | "near") && !town_of {
            continue;
        }
        let k = name_run(sent, i, ents);
        if k <= i || covered(ents, k.saturating_sub(1)) {
            continue;
        }
        // "at the Democratic debate", "in the Republican primary": a
        // party's adjective, no place.
        if k == i + 1 && at!("party_adjectives", sent, i) {
            continue;
        }
        let label = sent.span_text(text, i, k).to_string();
        let etype = if LISTS.has("building_words", sent.lower(k - 1)) {
            EntityType::Building
        } else {
            EntityType::City
        };
        // "the southern Albanian town of Vlore": the town lies in Albania.
        let country = ents
            .iter()
            .find(|e| {
                town_of
                    && e.t1 + 2 == p
                    && e.ent.etype == EntityType::Country
                    // "the ethnic Albanian town of Tetovo" is in Macedonia.
                    && (e.t0 == 0 || sent.lower(e.t0 - 1) != "ethnic")
            })
            .map(|e| e.ent.clone());
        let mut place = minted(&label, etype, country.as_ref(), false);
        if let Some(c) = &country {
            place.located_in = Some(c.iri.clone());
        }
        let mut x = Ent::new(i, k, place, EntKind::Name);
        x.locative = true;
        ents.push(x);
    }
}
