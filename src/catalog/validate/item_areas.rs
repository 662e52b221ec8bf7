//! quiz.json: the interest areas a quiz item speaks for must be ids from the file's own
//! `interest_areas` list, or the item could never count for (or be quoted for) a program.
//! (The same check as the tiles' and the programs' in `rules.rs`; written for any list of
//! area ids so those can share it.)

use super::report::{Entry, Reporter, rel};
use super::rules::Known;

/// Reports every id in `ids` (the entry's `interest_areas`) that quiz.json does not define.
pub(super) fn check(rep: &mut Reporter, entry: &Entry, ids: &[String], known: &Known) {
    let Some(areas) = &known.interest_areas else {
        return;
    };
    for (i, area) in ids.iter().enumerate() {
        if !areas.contains(area) {
            rep.field(
                entry,
                &rel!["interest_areas", i],
                format!("interest area '{area}' is not defined in quiz.json"),
                "use an id from the interest_areas list in quiz.json",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::catalog::load::BUNDLED;

    #[test]
    fn an_item_naming_an_unknown_interest_area_is_located() {
        let [center, sectors, programs, (quiz_name, quiz)] = BUNDLED;
        let broken = quiz.replacen("\"animal_service\"\n      ]", "\"pets\"\n      ]", 1);
        assert_ne!(broken, quiz, "the bundled quiz's first animal item moved");
        let errors = Catalog::from_texts([center, sectors, programs, (quiz_name, &broken)])
            .unwrap_err()
            .to_string();
        assert!(
            errors.contains("quiz.json:")
                && errors.contains("quiz item 'i_animal'")
                && errors.contains("field 'interest_areas[0]'")
                && errors.contains("interest area 'pets' is not defined in quiz.json"),
            "{errors}"
        );
    }
}
