//! Given names spelt another way: wire services transliterate Arabic and
//! Cyrillic names each in their own style ("Mahmud Abbas" at AFP is the
//! gazetteer's "Mahmoud Abbas", "Sergei Ivanov" the dictionary's "Sergey
//! Ivanov"), so a two-word name that misses the gazetteer by its given
//! name's vowels is looked up by surname here before it is minted as
//! someone new.

use rustc_hash::FxHashMap as HashMap;

/// The gazetteer's people by surname (lower case), with the given name
/// each of their two-word names opens with.
#[derive(Debug, Default)]
pub(crate) struct Surnames(HashMap<String, Vec<(String, usize)>>);

impl Surnames {
    pub(crate) fn add(&mut self, name: &str, idx: usize) {
        // Only "given surname": in "Abdul Rahman bin Khalifa bin Abdul
        // Aziz" the last word is no surname to look up.
        let mut words = name.split_whitespace();
        let (Some(given), Some(surname), None) = (words.next(), words.next(), words.next()) else {
            return;
        };
        let entry = (given.to_lowercase(), idx);
        let v = self.0.entry(surname.to_lowercase()).or_default();
        if !v.contains(&entry) {
            v.push(entry);
        }
    }

    /// The one person a two-word `name` names with its given name spelt
    /// another way, if exactly one fits.
    pub(crate) fn variant(&self, name: &str) -> Option<usize> {
        let mut words = name.split_whitespace();
        let (Some(given), Some(surname), None) = (words.next(), words.next(), words.next()) else {
            return None;
        };
        let given = given.to_lowercase();
        let mut found = None;
        for (g, idx) in self.0.get(&surname.to_lowercase())? {
            if transliterated(g, &given) {
                if found.is_some_and(|f| f != *idx) {
                    return None;
                }
                found = Some(*idx);
            }
        }
        found
    }
}

/// Whether two given names are one name transliterated twice: the same
/// first two letters, the same last letter (i and y alike: "Sergei",
/// "Sergey") and the same consonants, vowels, y and h aside ("Mahmud",
/// "Mahmoud"; "Mikhail", "Mikheil"). The ends keep "Maria" from "Mario"
/// and the openings "Sun" from "Shen".
fn transliterated(a: &str, b: &str) -> bool {
    let last = |s: &str| s.chars().last().map(|c| if c == 'y' { 'i' } else { c });
    a != b
        && a.chars().count() >= 3
        && b.chars().count() >= 3
        && a.chars().take(2).eq(b.chars().take(2))
        && last(a) == last(b)
        && skeleton(a) == skeleton(b)
}

/// The first letter, then the consonants but h and y, doubles as one.
fn skeleton(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && "aeiouyh".contains(c) {
            continue;
        }
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_spellings_of_one_given_name() {
        for (a, b) in [
            ("mahmoud", "mahmud"),
            ("sergey", "sergei"),
            ("mikheil", "mikhail"),
            ("vitaliy", "vitaly"),
            ("omar", "omer"),
            ("massoud", "massud"),
            ("marouf", "maaruf"),
        ] {
            assert!(transliterated(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn other_names_stay_apart() {
        for (a, b) in [
            ("maria", "mario"),
            ("shen", "sun"),
            ("mahdi", "mehdi"),
            ("ho", "hau"),
            ("john", "jean"),
            ("mahmoud", "mahmoud"),
        ] {
            assert!(!transliterated(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_variant_names_one_person_or_none() {
        let mut s = Surnames::default();
        s.add("Mahmoud Abbas", 1);
        s.add("Abbas", 1);
        s.add("Fouad Siniora", 2);
        s.add("Fuad Siniora", 3);
        s.add("Sergey Lavrov", 4);
        s.add("Abdul Rahman bin Khalifa bin Abdul Aziz", 7);
        assert_eq!(s.variant("Mahmud Abbas"), Some(1));
        assert_eq!(s.variant("Sergei Lavrov"), Some(4));
        assert_eq!(s.variant("Abdel Aziz"), None, "no surname of a long name");
        // Only "Fouad" opens as "Foaud" does.
        assert_eq!(s.variant("Foaud Siniora"), Some(2));
        s.add("Omar Hassan", 5);
        s.add("Omer Hassan", 6);
        assert_eq!(s.variant("Omor Hassan"), None, "two people fit");
        assert_eq!(s.variant("Mohamed Abbas"), None);
        assert_eq!(s.variant("Mahmud Ahmed Abbas"), None);
    }
}
