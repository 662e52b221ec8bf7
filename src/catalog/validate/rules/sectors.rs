//! sectors.json: each sector's texts, its pathways' ids and its sources.

use super::{Texts, ids, sources, texts};
use crate::catalog::model::{Sector, Text};
use crate::catalog::validate::report::{Entry, Reporter, rel};
use crate::jsonloc::Seg;

impl Texts for Sector {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)> {
        let mut out = vec![(rel!["name"].to_vec(), &self.name)];
        for (i, pathway) in self.pathways.iter().enumerate() {
            out.push((rel!["pathways", i, "name"].to_vec(), &pathway.name));
        }
        out
    }
}

pub fn sector(rep: &mut Reporter, entry: &Entry, sector: &Sector) {
    texts(rep, entry, sector);
    let pathways: Vec<Entry> = sector
        .pathways
        .iter()
        .enumerate()
        .map(|(i, pathway)| {
            let mut path = entry.path.clone();
            path.extend(rel!["pathways", i]);
            Entry {
                what: Some(format!(
                    "sector '{}' pathway",
                    entry.id.as_deref().unwrap_or_default()
                )),
                id: Some(pathway.id.clone()),
                path,
            }
        })
        .collect();
    ids(rep, &pathways, "pathway");
    sources(rep, entry, &sector.sources, "sector");
}
