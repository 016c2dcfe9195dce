//! The relations of SPEC §2 and the triples the relation stage produces.

use std::fmt;

/// One of SPEC §2's 14 relations, plus `co_occurs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Relation {
    Meet,
    Cooperate,
    Support,
    Praise,
    Criticize,
    Reject,
    Warn,
    Demand,
    Sanction,
    Attack,
    Aid,
    LeaderOf,
    OfficialOf,
    MemberOf,
    /// Two entities in one sentence; written only on request, never scored.
    CoOccurs,
}

impl Relation {
    /// Every relation, in SPEC order.
    pub const ALL: [Relation; 15] = [
        Relation::Meet,
        Relation::Cooperate,
        Relation::Support,
        Relation::Praise,
        Relation::Criticize,
        Relation::Reject,
        Relation::Warn,
        Relation::Demand,
        Relation::Sanction,
        Relation::Attack,
        Relation::Aid,
        Relation::LeaderOf,
        Relation::OfficialOf,
        Relation::MemberOf,
        Relation::CoOccurs,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Meet => "meet",
            Relation::Cooperate => "cooperate",
            Relation::Support => "support",
            Relation::Praise => "praise",
            Relation::Criticize => "criticize",
            Relation::Reject => "reject",
            Relation::Warn => "warn",
            Relation::Demand => "demand",
            Relation::Sanction => "sanction",
            Relation::Attack => "attack",
            Relation::Aid => "aid",
            Relation::LeaderOf => "leader_of",
            Relation::OfficialOf => "official_of",
            Relation::MemberOf => "member_of",
            Relation::CoOccurs => "co_occurs",
        }
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Symmetric relations compare unordered (SPEC §2, ↔).
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            Relation::Meet | Relation::Cooperate | Relation::CoOccurs
        )
    }

    /// The 11 relations that an action cue signals.
    pub fn is_event(self) -> bool {
        !matches!(
            self,
            Relation::LeaderOf | Relation::OfficialOf | Relation::MemberOf | Relation::CoOccurs
        )
    }

    /// The generic CAMEO code of the relation's root (SPEC §2), as the
    /// `cameo_code` when the cue gives nothing finer. `None` where SPEC
    /// names more than one root (cooperate: 03/05/06; attack: 18/19) and for
    /// structural relations: a code is never guessed.
    pub fn cameo_root(self) -> Option<&'static str> {
        Some(match self {
            Relation::Meet => "040",
            Relation::Support => "050",
            Relation::Praise => "051",
            Relation::Criticize => "111",
            Relation::Reject => "120",
            Relation::Warn => "130",
            Relation::Demand => "100",
            Relation::Sanction => "160",
            Relation::Aid => "070",
            _ => return None,
        })
    }

    /// A CAMEO code as three digits: a root ("13") becomes its generic code
    /// ("130", "not specified below"); finer codes stay.
    pub fn cameo3(code: &str) -> String {
        if code.len() == 2 {
            format!("{code}0")
        } else {
            code.to_owned()
        }
    }

    /// GDELT's QuadClass for a CAMEO code: 1 verbal cooperation (01–05),
    /// 2 material cooperation (06–09), 3 verbal conflict (10–14),
    /// 4 material conflict (15–20).
    pub fn quad_class(cameo: &str) -> Option<u8> {
        let root: u8 = cameo.get(..2)?.parse().ok()?;
        Some(match root {
            1..=5 => 1,
            6..=9 => 2,
            10..=14 => 3,
            15..=20 => 4,
            _ => return None,
        })
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_quad_classes() {
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
        }
        assert_eq!(Relation::quad_class("042"), Some(1));
        assert_eq!(Relation::quad_class("073"), Some(2));
        assert_eq!(Relation::quad_class("112"), Some(3));
        assert_eq!(Relation::quad_class("192"), Some(4));
        assert_eq!(Relation::quad_class(""), None);
        assert_eq!(Relation::cameo3("13"), "130");
        assert_eq!(Relation::cameo3("042"), "042");
        assert_eq!(Relation::Cooperate.cameo_root(), None);
        assert_eq!(Relation::Attack.cameo_root(), None);
    }
}
