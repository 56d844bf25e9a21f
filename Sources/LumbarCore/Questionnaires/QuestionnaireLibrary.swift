/// The definitions Lumbar ships. NPRS and PSFS are in the project's own words. RMDQ, ODI and STarT Back are
/// licensed instruments whose wording is not ours to ship: their files here are placeholders that say so, with the
/// right shape, so a clinic can try the flow and then load its licensed file in settings.
public enum QuestionnaireLibrary {
    public static let shipped: [Instrument: QuestionnaireDefinition] = [
        .nprs: nprs, .psfs: psfs, .rmdq: rmdqDemo, .odi: odiDemo, .startBack: startBackDemo,
    ]

    static func label(_ code: Bothersomeness) -> String {
        switch code {
        case .notAtAll: return "Not at all"
        case .slightly: return "Slightly"
        case .moderately: return "Moderately"
        case .veryMuch: return "Very much"
        case .extremely: return "Extremely"
        }
    }

    static let ratings = (0...10).map { QuestionnaireDefinition.Option(String($0), String($0), score: $0) }

    static let nprs = QuestionnaireDefinition(
        instrument: .nprs, version: "lumbar-1", title: "Pain right now",
        instructions: "Pick the number that fits your back pain at this moment.", demo: false, notice: "",
        items: [.init(id: "pain", text: "How much does your back hurt right now, from 0 (no pain at all) to 10 (the worst pain you can imagine)?",
                      options: ratings)])

    static let psfs = QuestionnaireDefinition(
        instrument: .psfs, version: "lumbar-1", title: "Activities that matter to you",
        instructions: "Name up to five everyday things your back makes hard to do, such as lifting a child, gardening or sitting through a meeting. "
            + "For each one, rate how well you can do it today.",
        demo: false, notice: "",
        items: [.init(id: "activity", text: "How well can you do this today, from 0 (not at all) to 10 (as well as before the back pain)?",
                      options: ratings)])

    static let demoNotice = "DEMO WORDING. This is a placeholder with the right number of items and answers, not the real questionnaire. "
        + "Load the licensed wording in Settings before using it with clients."

    static let rmdqDemo = QuestionnaireDefinition(
        instrument: .rmdq, version: "demo-1", title: "Disability questionnaire (RMDQ demo)",
        instructions: "Demo: answer yes or no to each placeholder statement.", demo: true, notice: demoNotice,
        items: (1...24).map { number in
            .init(id: String(number), text: "Demo statement \(number) of 24 about how back pain limits you today.",
                  options: [.init("yes", "Yes, this applies to me today", score: 1), .init("no", "No", score: 0)])
        })

    static let odiDemo = QuestionnaireDefinition(
        instrument: .odi, version: "demo-1", title: "Disability index (ODI demo)",
        instructions: "Demo: choose the placeholder statement that fits best in each section.", demo: true, notice: demoNotice,
        items: (1...10).map { section in
            .init(id: String(section), text: "Demo section \(section) of 10.",
                  options: (0...5).map { .init(String($0), "Demo statement \($0 + 1): \(["no", "slight", "moderate", "marked", "severe", "complete"][$0]) limitation", score: $0) })
        })

    static let startBackDemo = QuestionnaireDefinition(
        instrument: .startBack, version: "demo-1", title: "Back pain screen (STarT Back demo)",
        instructions: "Demo: answer each placeholder item.", demo: true,
        notice: demoNotice + " The STarT Back tool belongs to Keele University; it must not be modified, and commercial use needs Keele's permission.",
        items: (1...8).map { number in
            .init(id: String(number), text: "Demo item \(number) of 9 (agree or disagree).",
                  options: [.init("agree", "Agree", score: 1), .init("disagree", "Disagree", score: 0)])
        } + [
            .init(id: "9", text: "Demo item 9 of 9: how bothersome the back pain has been.",
                  options: Bothersomeness.allCases.map { code in
                      .init(code.rawValue, label(code),
                            score: code == .veryMuch || code == .extremely ? 1 : 0)
                  }),
        ])
}


