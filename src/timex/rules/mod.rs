//! The rule families: each file adds to `Tagger` the matchers of one kind of
//! expression. A matcher looks at the tokens from index `i` and proposes at
//! most one candidate; the scanner keeps the longest.

mod anaphora;
mod calendar;
mod deictic;
mod durations;
mod holidays;
mod modifiers;
mod quarters;
mod relative;
mod sets;
mod times;
mod weekdays;
mod years;
