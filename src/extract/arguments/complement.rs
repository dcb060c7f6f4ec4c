//! What a speech act says: parties inside its "that" complement, and
//! attacks that are only words.

use super::*;

/// The "that" opening a threat's, pledge's or request's complement, right
/// after the verb or past its date ("vowed on Saturday that").
pub(super) fn that_complement(scope: &Scope, t: &Trigger) -> Option<usize> {
    let sent = scope.sent;
    // "said in a tweet on Sunday that Kim Jong Un had insulted him": a
    // statement noun that is the medium of the saying owns its "that".
    let medium = t.kind() == EventKind::Statement
        && t.pos() == Pos::Noun
        && (t.t0.saturating_sub(4)..t.t0).any(|k| sent.lower(k) == "in");
    let verbal = t.pos() == Pos::Verb
        && matches!(
            t.kind(),
            EventKind::Threat | EventKind::Pledge | EventKind::Request | EventKind::Statement
        );
    if !(verbal || medium) {
        return None;
    }
    let that = (t.t1..(t.t1 + 5).min(sent.toks.len())).find(|&k| sent.lower(k) == "that")?;
    // Only a date or an adverb between: "asked for weapons that would
    // allow it to strike Russia" is a relative clause.
    let dated = (t.t1..that).all(|k| date_or_adverb(sent, k));
    let named_between = scope.ents.iter().any(|e| e.np0 >= t.t1 && e.np0 < that);
    (dated && !named_between).then_some(that)
}

/// The parties a "that" complement names. "demanded that Sessions be
/// recalled", "asked on Monday that the Security Council lift": who is to
/// act is whom a request is to, and all a request's content counts ("lift
/// its embargo against Somalia"). A threat's or a pledge's content counts
/// only where the speaker is who acts ("vowed that it would wipe out the
/// LRA"): "warned that Syria could stir up tension on the border" is a
/// forecast, its objects nobody's target.
pub(super) fn complement_parties(scope: &Scope, t: &Trigger, that: usize, args: &mut Args) {
    let (sent, ents) = (scope.sent, scope.ents);
    if t.kind() == EventKind::Statement {
        statement_about(scope, that, args);
        return;
    }
    let request = t.kind() == EventKind::Request;
    if request {
        if let Some(i) = ents.iter().position(|e| {
            free(e)
                && !e.is_place()
                && (e.np0 == that + 1 || e.np0 == that + 2 && sent.lower(that + 1) == "the")
        }) {
            for e in coordinated(scope, i, that + 1, sent.toks.len()) {
                args.add(Role::Target, e);
            }
        }
    }
    let speaker_acts = || {
        complement_subject(scope, that).is_some_and(|i| {
            ents[i].kind == EntKind::Pronoun
                || args
                    .roles
                    .iter()
                    .any(|&(r, x)| r == Role::Initiator && ents[x].ent.anchor == ents[i].ent.anchor)
        })
    };
    if !(request || speaker_acts()) {
        return;
    }
    if let Some(e) = content_object(scope, that) {
        if !args
            .roles
            .iter()
            .any(|&(_, x)| ents[x].ent.anchor == ents[e].ent.anchor)
        {
            args.add(Role::Target, e);
        }
    }
}

/// "announced it acknowledges China's full market economy status", "said in
/// a tweet on Sunday that Kim Jong Un had insulted him": whom a statement is
/// about takes part in it. Only a statement with its speaker that the
/// sentence dates before its "that": undated, it is background whoever it
/// is about, and the party would make it pass for news (`specific`).
fn statement_about(scope: &Scope, that: usize, args: &mut Args) {
    let (sent, ents) = (scope.sent, scope.ents);
    let speaker = args.roles.iter().any(|&(r, _)| r == Role::Initiator);
    if !speaker || !scope.dates.iter().any(|d| d.t1 <= that) {
        return;
    }
    // The head of the complement's subject: its phrase opens the
    // complement, past "the" (not an adverbial: "that despite Russian
    // shelling, its forces").
    let opens = |e: &Ent| e.np0 == that + 1 || e.np0 == that + 2 && sent.lower(that + 1) == "the";
    // A possessor or a force before a title stands for the person named
    // one or two title words on ("that Trump's lawyer Michael Cohen",
    // "that Air Force sergeant Danny Matlock").
    let titled_after = |e: &Ent| {
        let from = e.np1 + usize::from(sent.lower(e.np1) == "'s");
        ents.iter().position(|o| {
            o.kind == EntKind::Name
                && o.is_person()
                && o.t0 > from
                && o.t0 <= from + 2
                && (from..o.t0).all(|k| {
                    at!("role_nouns", sent, k)
                        || at!("head_titles", sent, k)
                        || at!("rank_nouns", sent, k)
                })
        })
    };
    let head = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| opens(e) && free(e))
        .max_by_key(|(_, e)| e.np1)
        .and_then(|(i, e)| titled_after(e).or(Some(i)))
        .filter(|&i| {
            let e = &ents[i];
            // A name run on into a capitalised word is part of another
            // phrase; a day after it is not ("that Merkel Tuesday had").
            let run_on = sent.toks.get(e.np1).is_some_and(|x| x.cap)
                && !scope.dates.iter().any(|d| d.t0 == e.np1);
            // "Kremlin critic Alexei Navalny", "Trump ally Rudy
            // Giuliani": a name before a plain word and another name
            // modifies that name's phrase; which one heads it is left open.
            let modifies = ents.iter().any(|o| {
                let w = sent.lower(e.np1);
                o.kind == EntKind::Name
                    && o.t0 == e.np1 + 1
                    && sent.toks[e.np1].kind == TokKind::Word
                    && !matches!(w, "and" | "or")
                    && !is!("verb_auxiliaries", w)
                    // "that Russia owes Ukraine": a verb, not a modifier.
                    && !w.ends_with("ed")
                    && !w.ends_with('s')
            });
            !matches!(e.kind, EntKind::Pronoun | EntKind::Group | EntKind::Demonym)
                && !e.locative
                && sent.lower(e.np1) != "'s"
                && !run_on
                && !modifies
        });
    if let Some(i) = head {
        args.add(Role::Participant, i);
    }
}

/// The name right after a complement's "that" (past a "the").
pub(super) fn complement_subject(scope: &Scope, that: usize) -> Option<usize> {
    scope
        .ents
        .iter()
        .position(|e| e.np0 > that && e.np0 <= that + 2)
}

/// Whom the content of a "that" complement acts on: "vowed that it would
/// wipe out the LRA", "warned that parliament could hit back at the
/// Security Council", "asked that the Council lift its embargo against
/// Somalia". The object of the verb after the complement's modal.
pub(super) fn content_object(scope: &Scope, that: usize) -> Option<usize> {
    let (sent, ents) = (scope.sent, scope.ents);
    let n = sent.toks.len();
    let modal = (that + 1..(that + 11).min(n))
        .take_while(|&k| !matches!(sent.lower(k), "," | ";" | "."))
        .find(|&k| {
            matches!(
                sent.lower(k),
                "would" | "will" | "could" | "should" | "must" | "might" | "may" | "to"
            )
        });
    // "asked that the Security Council lift": a subjunctive right after
    // the complement's subject.
    let subjunctive = || {
        complement_subject(scope, that)
            .map(|i| ents[i].np1)
            .filter(|&v| {
                sent.toks
                    .get(v)
                    .is_some_and(|x| x.kind == TokKind::Word && !x.cap)
            })
    };
    let verb = modal.map(|m| m + 1).or_else(subjunctive)?;
    ents.iter()
        .enumerate()
        .filter(|(_, e)| {
            free(e)
                && e.np0 > verb
                && e.np0 <= verb + 8
                && (!e.is_place() || e.ent.etype == EntityType::Country)
                && !e.locative
                && e.kind != EntKind::Pronoun
                && (verb..e.np0).all(|k| {
                    !matches!(sent.lower(k), "," | "." | "and") && !at!("clause_breaks", sent, k)
                })
                && matches!(
                    governing_prep(sent, e.np0, verb),
                    None | Some("against" | "at" | "on" | "to")
                )
        })
        .map(|(i, _)| i)
        .next()
}

/// An attack in words: "Lavrov attacked the ODIHR Monday, saying it had
/// an unacceptable autonomy", "the candidates attacked Biden for being
/// soft on Iran", "used that time to attack Trump directly". Read once the
/// arguments are known: in a sentence that names no force or harm and
/// with no state on either side, an active "attack" of persons by a named
/// person or body, or one followed by the grounds of a criticism
/// ("saying", "over what", "for being").
pub(crate) fn in_words(sent: &Sent, ents: &[Ent], t: &Trigger, roles: &[(Role, usize)]) -> bool {
    if t.kind() != EventKind::Attack
        || t.pos != Pos::Verb
        || !sent.lower(t.t0).starts_with("attack")
    {
        return false;
    }
    if passive(sent, ents, t) {
        return false;
    }
    // A state attacks by force, whatever it says ("Russia attacked Ukraine
    // on Thursday, saying", "Israel would not attack the Islamic Republic":
    // an unknown name may pass for a person).
    let role_is = |role: Role, etype: EntityType| {
        roles
            .iter()
            .any(|&(r, i)| r == role && ents[i].ent.etype == etype)
    };
    if role_is(Role::Initiator, EntityType::Country) {
        return false;
    }
    // Persons attacked by a named person or body ("the GOP candidates
    // attacked Biden"); "a man attacked the prime minister" is an assault.
    let named_attacker = roles.iter().any(|&(r, i)| {
        r == Role::Initiator
            && matches!(
                ents[i].ent.etype,
                EntityType::Person | EntityType::Organisation
            )
    });
    let mut targets = roles.iter().filter(|(r, _)| *r == Role::Target).peekable();
    let persons = named_attacker
        && targets.peek().is_some()
        && targets.all(|&(_, i)| ents[i].ent.etype == EntityType::Person);
    let n = sent.toks.len();
    // "attacked Houthi positions in Yemen, saying": the first party hit
    // is a country's, and so by force.
    let first_target = roles
        .iter()
        .filter(|(r, _)| *r == Role::Target)
        .min_by_key(|&&(_, i)| ents[i].np0);
    let grounds = || {
        first_target.is_none_or(|&(_, i)| ents[i].ent.etype != EntityType::Country)
            && (t.t1..n.min(t.t1 + 15))
                .take_while(|&k| sent.lower(k) != ";")
                .any(|k| match sent.lower(k) {
                    "saying" => true,
                    "over" => sent.lower(k + 1) == "what",
                    "for" => matches!(
                        sent.lower(k + 1),
                        "being" | "failing" | "his" | "her" | "its" | "their"
                    ),
                    _ => false,
                })
    };
    (persons || grounds())
        && !sent
            .toks
            .iter()
            .any(|tok| crate::extract::lexicon::force_word(&tok.lower))
}
