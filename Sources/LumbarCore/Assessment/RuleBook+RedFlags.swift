extension RuleBook {
    /// Clinical reference §2: red flags and the urgency of the referral each one calls for.
    static let redFlags: [ClinicalRule] = [
        ClinicalRule(
            "cauda-equina", when: "saddle numbness, bladder or bowel changes, new sexual dysfunction, gait disturbance, or symptoms in both legs",
            does: [.refer(.emergency), .decide(.deferTreatment)], source: "NICE CKS; BASS 2018 (reference §2)",
            says: "These signs can mean the nerves at the base of the spine are squeezed. Go to an emergency department now; this cannot wait.",
            if: { $0.hasAny(.saddleNumbness, .bladderDysfunction, .bowelDysfunction, .sexualDysfunctionNew, .gaitDisturbance) || $0.input.legSides == .both }),
        ClinicalRule(
            "aortic-aneurysm", when: "pulsating abdominal mass or tearing back or abdominal pain",
            does: [.refer(.emergency), .decide(.deferTreatment)], source: "reference §2 (unconfirmed against a guideline)",
            // Unconfirmed, so the reference asks that it stay configurable: on unless the owner switches it off.
            switchLabel: "Treat a pulsing lump in the belly, or sudden tearing back or belly pain, as a possible aortic aneurysm: send the client to emergency, no treatment",
            says: "A pulsing lump in the belly or tearing pain can come from the main artery. Call 911 or go to an emergency department now.",
            if: { $0.hasAny(.pulsatingAbdominalMass, .tearingPain) }),
        ClinicalRule(
            "progressive-deficit", when: "leg weakness that is new and getting worse",
            does: [.refer(.urgent), .decide(.deferTreatment), .technique(.neuromuscular, .contraindicated)],
            source: "NHS acute back pain pathways (reference §2)",
            says: "Leg weakness that is getting worse needs a physician today, before any massage.",
            if: { $0.has(.legWeaknessProgressive) }),
        ClinicalRule(
            "spinal-infection", when: "fever, IV drug use, immunosuppression or a recent bacterial infection",
            does: [.refer(.urgent), .decide(.deferTreatment)], source: "NICE CKS (reference §2)",
            says: "Back pain together with a fever or a higher risk of infection needs a physician today to rule out an infection.",
            if: { $0.hasAny(.fever, .ivDrugUse, .immunosuppression, .recentBacterialInfection) }),
        ClinicalRule(
            "malignancy-history", when: "past cancer or unexplained weight loss",
            does: [.refer(.urgent), .decide(.deferTreatment), .technique(.cupping, .contraindicated)],
            source: "NICE CKS; Verhagen 2016 (reference §2)",
            says: "With a past cancer or weight loss you can't explain, a physician should check this back pain today before treatment.",
            if: { $0.hasAny(.historyOfCancer, .unexplainedWeightLoss) }),
        ClinicalRule(
            "malignancy-night-pain", when: "night pain not eased by changing position",
            does: [.refer(.routine), .decide(.modify)], source: "NICE CKS; Verhagen 2016 (reference §2)",
            says: "Pain at night that no position eases is worth showing to your physician soon.",
            if: { $0.has(.nightPainUnrelieved) }),
        ClinicalRule(
            "malignancy-age", when: "a new episode (not chronic) that began over age 50 or under age 20",
            does: [.refer(.routine), .decide(.modify)], source: "NICE CKS; Verhagen 2016 (reference §2)",
            says: "New back pain at your age is worth a check with your physician; massage can continue meanwhile.",
            if: { ($0.ageAtOnset > 50 || $0.ageAtOnset < 20) && $0.phase != .chronic }),
        ClinicalRule(
            "fracture", when: "major trauma, or minor trauma with osteoporosis or long-term corticosteroids",
            does: [.refer(.urgent), .decide(.deferTreatment)], source: "NICE CKS (reference §2)",
            says: "After this kind of fall or injury a physician should rule out a fracture today, before any massage.",
            if: { $0.has(.majorTrauma) || ($0.has(.minorTrauma) && $0.hasAny(.osteoporosis, .longTermCorticosteroids)) }),
        ClinicalRule(
            "dvt", when: "suspected deep vein thrombosis",
            does: [.refer(.urgent), .decide(.deferTreatment), .technique(.cupping, .contraindicated)],
            source: "NICE NG158 (reference §2-3)",
            says: "A swollen, warm or painful leg may be a blood clot. See a physician today; massage could move a clot.",
            if: { $0.has(.dvtSuspected) }),
        ClinicalRule(
            "inflammatory-back-pain",
            when: "episode began before 45, has lasted 3 months or more, and 4 or more of: began before 35, waking in the second half of the night, buttock pain, better with movement, better within 48 h of an anti-inflammatory, relative with spondyloarthritis, past arthritis/enthesitis/psoriasis",
            does: [.refer(.routine), .decide(.modify)], source: "NICE NG65 (reference §2)",
            says: "This pattern can come from an inflammatory condition of the spine. Ask your physician whether a rheumatologist should see you.",
            if: { context in
                guard context.ageAtOnset < 45, context.lastedThreeMonths else { return false }
                let signs: [Bool] = [
                    context.ageAtOnset < 35, context.has(.wakesSecondHalfOfNight), context.has(.buttockPain),
                    context.has(.improvesWithMovement), context.has(.nsaidRelief48h),
                    context.has(.familySpondyloarthritis), context.has(.historyArthritisEnthesitisPsoriasis),
                ]
                return signs.filter { $0 }.count >= 4
            }),
        ClinicalRule(
            "radicular-symptoms", when: "numbness or tingling in a leg, or stable leg weakness",
            does: [.refer(.routine), .decide(.modify)], source: "seed article; reference §2",
            says: "Numbness, tingling or weakness in a leg can mean an irritated nerve. Let your physician know; we will keep treatment gentle around it.",
            if: { $0.hasAny(.legNumbness, .legTingling, .legWeakness) }),
        ClinicalRule(
            "persistent-pain", when: "pain 7/10 or more, 4 weeks or longer, and no physician has assessed this episode",
            does: [.refer(.routine), .decide(.modify)], source: "seed article; NICE CKS (reference §2)",
            says: "Strong pain that has lasted several weeks should be looked at by your physician as well.",
            if: { $0.input.painNow >= 7 && $0.daysSinceOnset >= 28 && !$0.input.medicallyAssessed }),
    ]
}
