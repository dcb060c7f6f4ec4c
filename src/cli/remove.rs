//! `eventline remove`: withdraw articles and their contribution.

use anyhow::{Context, Result};
use eventline::Gazetteer;

use super::args::RemoveArgs;
use super::{exit, open_store};

pub(super) fn run(a: RemoveArgs) -> Result<u8> {
    let st = open_store(&a.store)?;
    let gaz = Gazetteer::load(&[]).context("loading the gazetteer")?;
    let mut missing = 0;
    for id in a.ids {
        if st.remove(&id, &gaz)? {
            eprintln!("removed {id}");
        } else {
            eprintln!("{id}: no such article in the store");
            missing += 1;
        }
    }
    st.flush()?;
    Ok(if missing > 0 { exit::SKIPPED } else { exit::OK })
}
