extension RuleBook {
    /// Reference §4: what each of the seed's six techniques is for.
    static let indications: [ClinicalRule] = [
        ClinicalRule(
            "indication-fascial-restriction", when: "fascial restriction found on palpation",
            does: [.technique(.myofascialRelease, .recommended)], source: "seed article; reference §4",
            says: "Slow, sustained stretching can free the tight connective tissue we found around your lower back.",
            if: { $0.has(.fascialRestriction) }),
        ClinicalRule(
            "indication-chronic-tension", when: "chronic phase, muscle knots, or postural or overuse strain",
            does: [.technique(.deepTissue, .recommended)], source: "seed article; reference §4",
            says: "Firm, slow strokes reach the deeper layers where long-standing tension and knots sit.",
            if: { $0.phase == .chronic || $0.has(.muscleKnots) || $0.hasAny(.poorPosture, .overuse) }),
        ClinicalRule(
            "indication-trigger-points", when: "trigger points, or pain referred to the buttocks or legs",
            does: [.technique(.triggerPoint, .recommended)], source: "seed article; reference §4",
            says: "Steady pressure on the tender spots can ease them and the pain they send elsewhere.",
            if: { $0.hasAny(.triggerPoints, .referredPain) }),
        ClinicalRule(
            "indication-relaxation", when: "stress, stiffness, muscle guarding, the acute phase, or a light-pressure preference",
            does: [.technique(.swedish, .recommended)], source: "seed article; reference §4",
            says: "Long, flowing strokes relax guarded muscles, improve circulation and calm the nervous system.",
            if: { $0.has(.stress) || $0.hasAny(.stiffness, .hypertonicity) || $0.phase == .acute || $0.input.pressurePreference == .light }),
        ClinicalRule(
            "indication-imbalance-nerve", when: "muscle imbalance, sciatica or disc-related nerve irritation",
            does: [.technique(.neuromuscular, .recommended)], source: "seed article; reference §4",
            says: "Targeted work can rebalance the muscles around an irritated nerve and ease the pull on it.",
            if: { $0.has(.muscleImbalance) || $0.hasAny(.sciatica, .discHerniation) }),
        ClinicalRule(
            "indication-chronic-tightness", when: "fascial restriction, or chronic phase with knots, guarding or stiffness",
            does: [.technique(.cupping, .recommended)], source: "seed article; reference §4",
            says: "Gentle suction can lift and loosen tissue that has been tight for a long time.",
            if: { $0.has(.fascialRestriction) || ($0.phase == .chronic && $0.hasAny(.muscleKnots, .hypertonicity, .stiffness)) }),
    ]
}
