//! A developer's view of every layer of one article:
//! `DUMP_ARTICLE=path cargo test --release --no-default-features --lib dump -- --ignored --nocapture`.
use super::*;
use crate::article::{read_bytes, ReadOptions};

#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("DUMP_ARTICLE") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("readable article");
    let today = chrono::Local::now().date_naive();
    let article = read_bytes(
        std::path::Path::new(&path),
        &bytes,
        &ReadOptions::new(today),
    )
    .remove(0)
    .expect("article");
    let gaz = crate::gazetteer::Gazetteer::load(&[]).expect("gazetteer");
    let first = entities::first_names(&gaz);
    let dates = article.dates.clone();
    let text = article.text.as_str();
    let timexes = crate::timex::tag(text, dates.reference.unwrap_or_default());
    let names = gaz.find_names(text);
    let ctx = Context {
        gaz: &gaz,
        date: dates.reference,
        first_names: &first,
        article_names: &names,
    };
    let doc = Doc::new(text);
    let mut disc = Discourse::default();
    let only = std::env::var("DUMP_GREP").unwrap_or_default();
    for sent in &doc.sents {
        let s_names = sentence_names(&names, sent);
        let ents = entities::find(text, sent, &s_names, &ctx, &mut disc);
        let tx = sentence_timexes(sent, &timexes);
        let frames = clauses::frames(sent, &ents, &tx);
        let stext = &text[sent.start..sent.end];
        if only.is_empty() || stext.contains(&only) {
            println!("\n## {stext}");
            for e in &ents {
                println!(
                    "  ent {}..{} np {}..{} {:?} {:?} {} mod={} loc={} people={}",
                    e.t0,
                    e.t1,
                    e.np0,
                    e.np1,
                    e.kind,
                    e.ent.etype,
                    e.ent.label,
                    e.modifier,
                    e.locative,
                    e.people
                );
            }
            for x in &tx {
                println!(
                    "  date {}..{} {} {:?}",
                    x.t0, x.t1, x.timex.text, x.timex.value
                );
            }
            for f in &frames {
                println!(
                    "  frame verb={} speaker={:?} comp={:?} date={:?}",
                    f.verb, f.speaker, f.comp, f.date
                );
            }
            let breaks = clauses::breaks(sent);
            let trigs = triggers::find(sent, &ents);
            let scope = Scope {
                sent,
                ents: &ents,
                breaks: &breaks,
                frames: &frames,
                triggers: &trigs,
                dates: &tx,
            };
            for t in &trigs {
                let args = arguments::read(&scope, t);
                let roles: Vec<String> = args
                    .roles
                    .iter()
                    .map(|(r, i)| format!("{r:?}:{}", ents[*i].ent.label))
                    .collect();
                println!(
                    "  trig {}..{} {:?} '{}' (triggers.tsv:{}) bounds={:?} roles={roles:?} place={:?} ctl={}",
                    t.t0, t.t1, t.kind(), sent.span_text(text, t.t0, t.t1), t.rule.line,
                    arguments::bounds(&scope, t), args.place.map(|i| ents[i].ent.label.clone()), args.controlled
                );
            }
        }
        // As the pipeline does: the pairs its meetings name are "the two".
        for m in sentence_mentions(text, sent, &ents, &tx, &frames, &ctx) {
            see_pair(&m, &mut disc);
        }
        let speaker = frames.iter().find_map(|f| f.speaker).map(|i| &ents[i]);
        refs_update(sent, &ents, speaker, &mut disc);
    }
}
