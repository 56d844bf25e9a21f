/// The exact wording a client consents to. Each change gets a new version; a stored consent keeps the
/// version and the full text it was given against, so what was agreed can always be shown.
public struct ConsentText: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public let heading: String
        public let body: String
    }

    public let kind: ConsentKind
    public let version: String
    public let title: String
    public let sections: [Section]

    /// The text as stored with a consent: title, then each heading and body.
    public var plainText: String {
        ([title] + sections.map { "\($0.heading)\n\($0.body)" }).joined(separator: "\n\n")
    }

    public static func current(_ kind: ConsentKind) -> ConsentText {
        switch kind {
        case .treatment: return treatment
        case .gluteal: return sensitive(.gluteal, area: "the gluteal muscles (the muscles of your buttocks)",
                                        why: "These muscles attach to the pelvis and low back and are often part of low back pain.",
                                        lasts: "This written consent lasts for your current treatment plan. Your therapist will still ask you aloud before working on this area at each visit.")
        case .innerThigh: return sensitive(.innerThigh, area: "the upper inner thigh",
                                           why: "Muscles here attach to the pelvis and can add to low back and hip pain.",
                                           lasts: "This consent covers today's visit only.")
        case .chestWall: return sensitive(.chestWall, area: "the chest wall (not the breast tissue)",
                                          why: "Breathing muscles between the ribs can add to tension in the back.",
                                          lasts: "This consent covers today's visit only.")
        case .glutealVerbal: return ConsentText(kind: .glutealVerbal, version: "lumbar-2026-11", title: "Spoken consent to gluteal work at this visit",
                                                sections: [Section(heading: "Recorded by the therapist", body: "The client was asked before gluteal work at this visit and agreed.")])
        }
    }

    /// The six elements the College requires: nature, benefits, risks, alternatives, no treatment, the right to stop.
    static let treatment = ConsentText(kind: .treatment, version: "lumbar-2026-11", title: "Consent to massage therapy assessment and treatment", sections: [
        Section(heading: "What it involves",
                body: "Your therapist asks about your health and your back pain, looks at how you move, and feels the muscles of your back, hips and legs. "
                    + "Treatment may use hands-on techniques such as Swedish massage, myofascial release, deep tissue work, trigger point therapy, "
                    + "neuromuscular therapy and, where suitable, cupping, with home exercises to do between visits. You stay covered by a sheet except for the area being treated."),
        Section(heading: "Likely benefits",
                body: "Massage can ease pain and muscle tension for a while, and help you move and sleep better. It works best together with staying active and your home exercises."),
        Section(heading: "Risks",
                body: "You may feel sore for a day or two, or have some redness or, rarely, bruising (more likely with cupping or firm pressure). "
                    + "Serious harm is rare. Tell your therapist about any change in your health, as some conditions and medicines change what is safe."),
        Section(heading: "Other options",
                body: "You can choose other care, such as exercise therapy, physiotherapy, chiropractic care, or seeing your doctor about medicines, "
                    + "instead of or as well as massage. Your therapist can talk these through with you."),
        Section(heading: "If you choose no treatment",
                body: "Many back pain episodes settle with time and staying active. Without treatment your pain may last longer or come back, "
                    + "and anything serious would still need a doctor."),
        Section(heading: "Your right to stop",
                body: "You can ask questions at any time, say no to any technique or area, ask for less pressure, or stop the treatment altogether, "
                    + "and this will be respected at once. You can withdraw this consent whenever you wish."),
    ])

    static func sensitive(_ kind: ConsentKind, area: String, why: String, lasts: String) -> ConsentText {
        ConsentText(kind: kind, version: "lumbar-2026-11", title: "Written consent to treatment of \(area)", sections: [
            Section(heading: "The area", body: "Your therapist may work on \(area). \(why)"),
            Section(heading: "How it is done", body: "You stay draped, with only the area being treated uncovered, and your therapist tells you before they begin."),
            Section(heading: "Your choice", body: "You can say no, ask to stop, or withdraw this consent at any time, and your care will go on without this area."),
            Section(heading: "How long it lasts", body: lasts),
        ])
    }
}
