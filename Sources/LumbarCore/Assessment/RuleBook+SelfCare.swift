extension RuleBook {
    /// Reference §5: the home program that pairs with hands-on care (NICE NG59 advises manual therapy only with exercise).
    static let selfCare: [ClinicalRule] = [
        ClinicalRule(
            "selfcare-stay-active", when: "always (unless treatment is deferred)", does: [.selfCare(.stayActive)],
            source: "Lancet 2018 series (reference §5)",
            says: "Keeping moving helps the back recover faster than rest.", if: { _ in true }),
        ClinicalRule(
            "selfcare-mobility", when: "always (unless treatment is deferred)",
            does: [.selfCare(.catCow), .selfCare(.childsPose)], source: "seed article (reference §5)",
            says: "Gentle spine movement keeps the back supple between sessions.", if: { _ in true }),
        ClinicalRule(
            "selfcare-hip-flexors", when: "prolonged sitting", does: [.selfCare(.hipFlexorStretch)],
            source: "seed article (reference §5)",
            says: "Long hours of sitting shorten the hip flexors, which pull on the lower back.",
            if: { $0.has(.prolongedSitting) }),
        ClinicalRule(
            "selfcare-core", when: "weak core, or subacute or chronic phase; not from week 20 of pregnancy",
            does: [.selfCare(.plank), .selfCare(.bridge)], source: "seed article (reference §5)",
            says: "A stronger core supports the spine; we start easy and build up.",
            if: { ($0.has(.weakCore) || $0.phase != .acute) && ($0.input.pregnancyWeeks ?? 0) < 20 }),
        ClinicalRule(
            "selfcare-gentle-bridge", when: "acute phase; not from week 20 of pregnancy", does: [.selfCare(.bridge)],
            source: "reference §5 (easier variants first in acute pain)",
            says: "A small, slow bridge wakes up the core without straining a sore back.",
            if: { $0.phase == .acute && ($0.input.pregnancyWeeks ?? 0) < 20 }),
        ClinicalRule(
            "selfcare-posture-breaks", when: "poor posture, prolonged sitting or prolonged standing",
            does: [.selfCare(.postureBreaks)], source: "seed article (reference §5)",
            says: "Changing position often stops the back from stiffening in one posture.",
            if: { $0.hasAny(.poorPosture, .prolongedSitting, .prolongedStanding) }),
        ClinicalRule(
            "selfcare-lumbar-cushion", when: "prolonged sitting or poor posture", does: [.selfCare(.lumbarCushion)],
            source: "seed article; NICE NG59 advises against belts and corsets (reference §5)",
            says: "A small cushion behind the lower back keeps its natural curve while you sit.",
            if: { $0.hasAny(.prolongedSitting, .poorPosture) }),
        ClinicalRule(
            "selfcare-stress", when: "stress, or a high psychosocial score on STarT Back",
            does: [.selfCare(.breathing), .selfCare(.meditation)], source: "seed article; ACP 2017 (reference §5)",
            says: "Stress tightens the muscles of the back; calming the breath and mind eases them.",
            if: { $0.has(.stress) || (($0.input.startBack.map(StartBackScore.init)?.psychosocial ?? 0) >= 4) }),
        ClinicalRule(
            "selfcare-yoga", when: "chronic phase or stress", does: [.selfCare(.gentleYoga)],
            source: "ACP 2017 (reference §5)",
            says: "Gentle yoga combines stretching, strength and relaxation, and helps long-standing back pain.",
            if: { $0.phase == .chronic || $0.has(.stress) }),
    ]

    /// Reference §5: the clinic's default 48-hour rule, cold for acute inflammation in the first 48 hours, heat otherwise.
    static let thermal: [ClinicalRule] = [
        ClinicalRule(
            "thermal-cold-48h", when: "acute inflammation within 48 hours of the day the pain began", does: [.thermal(.cold)],
            source: "seed article; French et al. 2006 (reference §5)",
            says: { "For the first 48 hours, cold calms fresh inflammation: use cold packs until \($0.coldUntil.spoken), then switch to heat." },
            if: { $0.coldAdvised }),
        ClinicalRule(
            "thermal-heat", when: "no acute inflammation, or 48 hours or more after the pain began", does: [.thermal(.heat)],
            source: "seed article; French et al. 2006 (reference §5)",
            says: { $0.daysSinceOnset < 2
                ? "Warmth relaxes tight muscles and eases pain; with no sign of fresh inflammation, heat helps more than cold."
                : "Warmth relaxes tight muscles and eases pain now that the first 48 hours have passed." },
            if: { !$0.coldAdvised }),
        ClinicalRule(
            "thermal-reduced-sensation", when: "reduced sensation", does: [.thermal(.none)],
            source: "reference §3 (reduced sensation)",
            says: "Skip heat and cold packs: with less feeling in the skin a burn or cold injury can go unnoticed.",
            if: { $0.has(.reducedSensation) }),
    ]

    /// Reference §2 (Kendall, Linton & Main 1997): psychosocial yellow flags from STarT Back items 5–9.
    static let yellowFlags: [ClinicalRule] = [
        ClinicalRule(
            "fear-avoidance", when: "STarT Back item 5 agreed (activity feels unsafe)", does: [.yellowFlag],
            source: "Hill et al. 2008; Kendall 1997", says: "Feeling that activity is unsafe is common; staying active is what helps the back recover.",
            if: { $0.startBackAgrees(5) }),
        ClinicalRule(
            "worry", when: "STarT Back item 6 agreed (worrying thoughts)", does: [.yellowFlag],
            source: "Hill et al. 2008; Kendall 1997", says: "Worry can make pain feel louder; we'll talk through what is going on and what to expect.",
            if: { $0.startBackAgrees(6) }),
        ClinicalRule(
            "catastrophising", when: "STarT Back item 7 agreed (pain feels terrible and permanent)", does: [.yellowFlag],
            source: "Hill et al. 2008; Kendall 1997", says: "Most back pain improves; we'll set small goals so you can see progress.",
            if: { $0.startBackAgrees(7) }),
        ClinicalRule(
            "low-mood", when: "STarT Back item 8 agreed (less enjoyment)", does: [.yellowFlag],
            source: "Hill et al. 2008; Kendall 1997", says: "Pain can take the joy out of things; getting back to what you like is part of the plan.",
            if: { $0.startBackAgrees(8) }),
        ClinicalRule(
            "high-bothersomeness", when: "STarT Back item 9 very much or extremely", does: [.yellowFlag],
            source: "Hill et al. 2008", says: "The pain is bothering you a lot; active care and a clear plan will help you take charge of it.",
            if: { [.veryMuch, .extremely].contains($0.input.startBack?.bothersomeness) }),
    ]
}
