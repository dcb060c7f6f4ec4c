//! CSV for spreadsheets: one row per event, lists joined with "; ", the
//! quoting left to the csv crate so that any label survives the trip.

use std::io::{self, Write};

use super::{ExportEvent, Role, Written};

const HEADER: [&str; 16] = [
    "id",
    "kind",
    "status",
    "earliest",
    "latest",
    // "text", or "report" where the dates are the day of the first report.
    "date_basis",
    "initiators",
    "targets",
    "participants",
    "actor_qids",
    "place",
    "place_qid",
    "countries",
    "source_ids",
    "source_urls",
    "sentence",
];

/// Writes the header and one row per event.
pub fn write_csv(events: &[ExportEvent], out: &mut dyn Write) -> io::Result<Written> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    let join = |items: Vec<String>| items.join("; ");
    for e in events {
        let of_role = |role: Role| {
            join(
                e.actors
                    .iter()
                    .filter(|(r, _)| *r == role)
                    .map(|(_, a)| a.label.clone())
                    .collect(),
            )
        };
        let mut countries: Vec<String> = e
            .actors
            .iter()
            .filter_map(|(_, a)| a.country.as_ref().map(|c| c.label.clone()))
            .chain(e.place_country.as_ref().map(|c| c.label.clone()))
            .collect();
        countries.dedup();
        w.write_record([
            e.id.clone(),
            e.kind.name().to_string(),
            e.status.name().to_string(),
            e.earliest.map(|d| d.to_string()).unwrap_or_default(),
            e.latest.map(|d| d.to_string()).unwrap_or_default(),
            match (e.earliest, e.dated_by_report) {
                (None, _) => String::new(),
                (Some(_), true) => "report".into(),
                (Some(_), false) => "text".into(),
            },
            of_role(Role::Initiator),
            of_role(Role::Target),
            of_role(Role::Participant),
            join(e.actors.iter().filter_map(|(_, a)| a.qid.clone()).collect()),
            e.place
                .as_ref()
                .map(|p| p.label.clone())
                .unwrap_or_default(),
            e.place
                .as_ref()
                .and_then(|p| p.qid.clone())
                .unwrap_or_default(),
            join(countries),
            join(e.stories.iter().map(|s| s.id.clone()).collect()),
            join(e.stories.iter().filter_map(|s| s.url.clone()).collect()),
            e.sentences.first().cloned().unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(Written {
        events: events.len(),
        skipped: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures;

    #[test]
    fn rows_parse_back_with_hostile_labels_intact() {
        let mut buf = Vec::new();
        let w = write_csv(&fixtures::events(), &mut buf).unwrap();
        assert_eq!(w.events, 2);
        let mut r = csv::Reader::from_reader(&buf[..]);
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), HEADER);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][1], "PhoneCall");
        assert_eq!(&rows[0][5], "text");
        assert_eq!(&rows[0][6], "Donald Trump");
        assert_eq!(&rows[0][9], "Q22686; Q7747");
        assert_eq!(&rows[0][12], "United States; Russia");
        assert_eq!(&rows[1][6], "Evil \"Group\",\t<b>\n; DROP");
        assert_eq!(&rows[1][13], "b\"\n.txt");
        assert_eq!(&rows[1][15], "A \"quote\",\nwith a break.");
    }
}
