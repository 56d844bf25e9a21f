extension RuleBook {
    /// Reference §3, general: no massage today.
    static let generalContraindications: [ClinicalRule] = [
        ClinicalRule(
            "defer-fever", when: "fever or acute systemic infection", does: [.decide(.deferTreatment)],
            source: "reference §3 (general)",
            says: "Massage is postponed while you have a fever; your body needs to fight the infection first.",
            if: { $0.has(.fever) }),
        ClinicalRule(
            "defer-contagious", when: "contagious illness", does: [.decide(.deferTreatment)], source: "reference §3 (general)",
            says: "We'll rebook once you are no longer contagious, to protect you and others.",
            if: { $0.has(.contagiousIllness) }),
        ClinicalRule(
            "defer-hypertension", when: "severe uncontrolled high blood pressure", does: [.decide(.deferTreatment)],
            source: "reference §3 (general)",
            says: "Your blood pressure needs to be under control before massage; please check with your physician.",
            if: { $0.has(.uncontrolledHypertension) }),
        ClinicalRule(
            "defer-cardiac", when: "unstable heart disease", does: [.decide(.deferTreatment)], source: "reference §3 (general)",
            says: "With an unstable heart condition, massage waits until your physician says it is safe.",
            if: { $0.has(.unstableCardiac) }),
    ]

    /// Reference §3, local: avoid the area, treat elsewhere.
    static let localContraindications: [ClinicalRule] = [
        ClinicalRule(
            "local-acute-inflammation", when: "acute injury or inflammation in the low back",
            does: [.decide(.modify), .technique(.deepTissue, .contraindicated), .technique(.cupping, .contraindicated),
                   .technique(.triggerPoint, .caution), .technique(.neuromuscular, .caution), .technique(.myofascialRelease, .caution)],
            source: "reference §3 (local), §4",
            says: "Freshly inflamed tissue is kept away from deep pressure and cupping; gentle work around it is fine.",
            if: { $0.has(.acuteInflammation) }),
        ClinicalRule(
            "local-skin-lesion", when: "open wound, rash or skin infection on the low back",
            does: [.decide(.modify), .technique(.myofascialRelease, .contraindicated), .technique(.cupping, .contraindicated),
                   .technique(.deepTissue, .caution)],
            source: "reference §3 (local), §4",
            says: "We won't work directly on broken or irritated skin; we'll treat around it.",
            if: { $0.has(.skinLesionLowBack) }),
        ClinicalRule(
            "local-recent-surgery", when: "recent surgery in the low back",
            does: [.decide(.modify), .technique(.deepTissue, .contraindicated), .technique(.cupping, .contraindicated),
                   .technique(.myofascialRelease, .caution), .technique(.triggerPoint, .caution), .technique(.neuromuscular, .caution)],
            source: "reference §3 (local)",
            says: "A recent surgical site is left alone until it has healed; we'll work on the areas around it.",
            if: { $0.has(.recentSurgeryLowBack) }),
        ClinicalRule(
            "local-varicose-veins", when: "varicose veins or phlebitis in the area",
            does: [.decide(.modify), .technique(.deepTissue, .contraindicated), .technique(.cupping, .contraindicated)],
            source: "reference §3 (local, cupping)",
            says: "We avoid pressure and suction over varicose veins.",
            if: { $0.has(.varicoseVeinsLowBack) }),
        ClinicalRule(
            "local-undiagnosed-lump", when: "a lump no physician has examined",
            does: [.decide(.modify), .technique(.deepTissue, .contraindicated), .technique(.cupping, .contraindicated),
                   .technique(.triggerPoint, .caution), .technique(.myofascialRelease, .caution), .technique(.neuromuscular, .caution)],
            source: "reference §3 (local, cupping absolute)",
            says: "We'll stay clear of the lump and ask you to have a physician look at it.",
            if: { $0.has(.undiagnosedLump) }),
    ]

    /// Reference §3, precautions: treat, but change the technique.
    static let precautions: [ClinicalRule] = [
        ClinicalRule(
            "precaution-bleeding-risk", when: "anticoagulant, antiplatelet or a bleeding disorder",
            does: [.decide(.modify), .technique(.deepTissue, .contraindicated), .technique(.cupping, .contraindicated),
                   .technique(.triggerPoint, .caution), .technique(.neuromuscular, .caution)],
            source: "reference §3 (precautions, cupping absolute/relative)",
            says: "Because you bruise and bleed more easily, pressure stays light: no deep tissue work and no cupping.",
            if: { $0.hasAny(.anticoagulant, .antiplatelet, .bleedingDisorder) }),
        ClinicalRule(
            "precaution-osteoporosis", when: "osteoporosis",
            does: [.decide(.modify), .technique(.deepTissue, .caution), .technique(.triggerPoint, .caution),
                   .technique(.neuromuscular, .caution)],
            source: "reference §3 (precautions)",
            says: "With thinner bones we keep heavy pressure off the spine and ribs.",
            if: { $0.has(.osteoporosis) }),
        ClinicalRule(
            "precaution-corticosteroids", when: "long-term corticosteroids",
            does: [.decide(.modify), .technique(.deepTissue, .caution), .technique(.cupping, .caution)],
            source: "reference §3 (precautions)",
            says: "Long-term steroid medicine can thin skin and bone, so we use less pressure and suction.",
            if: { $0.has(.longTermCorticosteroids) }),
        ClinicalRule(
            "precaution-reduced-feedback", when: "reduced sensation, or NSAIDs or muscle relaxants that blunt feedback",
            does: [.decide(.modify), .technique(.deepTissue, .caution), .technique(.triggerPoint, .caution),
                   .technique(.cupping, .caution)],
            source: "reference §3 (precautions)",
            says: "When you can't feel pressure as well as usual, we go more gently and check in with you often.",
            if: { $0.hasAny(.reducedSensation, .nsaidOrMuscleRelaxant) }),
        ClinicalRule(
            "precaution-pregnancy", when: "pregnancy",
            does: [.decide(.modify), .technique(.deepTissue, .caution), .technique(.cupping, .contraindicated)],
            source: "reference §3 (precautions, cupping relative), §4",
            says: "During pregnancy you'll lie on your side, pressure stays moderate, and there's no cupping on the lower back.",
            if: { $0.isPregnant }),
        ClinicalRule(
            "precaution-pacemaker", when: "pacemaker", does: [.decide(.modify), .technique(.cupping, .contraindicated)],
            source: "Aboushanab & AlSanad 2018 (reference §3)",
            says: "With a pacemaker we leave cupping out.",
            if: { $0.has(.pacemaker) }),
        ClinicalRule(
            "precaution-cupping-relative", when: "menstruation or a recent blood donation",
            does: [.decide(.modify), .technique(.cupping, .caution)],
            source: "Aboushanab & AlSanad 2018 (reference §3)",
            says: "Cupping is better left for another day right now; the rest of the treatment is unaffected.",
            if: { $0.hasAny(.menstruation, .recentBloodDonation) }),
        ClinicalRule(
            "preference-light-pressure", when: "the client prefers light pressure",
            does: [.technique(.deepTissue, .caution)], source: "reference §4",
            says: "You asked for light pressure, so deep tissue work is only used if you agree to it on the day.",
            if: { $0.input.pressurePreference == .light }),
    ]
}
