import LumbarCore
import Mustache

/// The techniques part of a form, on a visit note and on a note template (`techniques.mustache`): a tick for each of
/// the six, and for a ticked one its areas (tick boxes, or taps on the body chart), pressure and minutes.
struct TechniqueFields: Sendable {
    struct Row: Sendable {
        let id: String
        let name: String
        let used: Bool
        let areas: [FieldView.Option]
        let pressures: [FieldView.Option]
        let minutes: String
        /// Today's assessment in words, only where it says more than "suitable" (not `status`: a missing value would
        /// be looked up on the page around it, whose `status` is the note's).
        let advice: String?
        let adviceClass: String
        let minutesError: String?
    }

    /// Rows for the uses given; `statuses` are the assessment's technique statuses by contract code.
    static func rows(_ uses: [VisitNote.TechniqueUse], statuses: [Technique: String] = [:], problems: [FieldProblem] = []) -> [Row] {
        Technique.allCases.map { technique in
            let use = uses.first { $0.technique == technique }
            let field = "technique-\(technique.rawValue)-minutes"
            let status = statuses[technique] ?? ""
            return Row(id: technique.rawValue, name: technique.name, used: use != nil,
                       areas: BodyRegion.allCases.map { FieldView.Option(value: $0.rawValue, label: $0.label, selected: use?.areas.contains($0) == true) },
                       pressures: PressurePreference.allCases.map {
                           FieldView.Option(value: $0.rawValue, label: $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst(),
                                            selected: (use?.pressure ?? .moderate) == $0)
                       },
                       minutes: use.map { $0.minutes == 0 ? "" : String($0.minutes) } ?? "", advice: words(status), adviceClass: status,
                       minutesError: problems.first { $0.field == field }?.message)
        }
    }

    static func words(_ status: String) -> String? {
        switch status {
        case "recommended": return "Recommended today"
        case "caution": return "Take care today"
        case "contraindicated": return "Not today"
        default: return nil
        }
    }

    /// The ticked techniques as posted; a ticked one without minutes is named.
    static func read(_ form: FormData) -> (uses: [VisitNote.TechniqueUse], problems: [FieldProblem]) {
        var uses: [VisitNote.TechniqueUse] = []
        var problems: [FieldProblem] = []
        for technique in Technique.allCases where form.all("technique").contains(technique.rawValue) {
            let prefix = "technique-\(technique.rawValue)-"
            let minutes = Int(form[prefix + "minutes"].trimmed)
            if minutes == nil { problems.append(FieldProblem(prefix + "minutes", "Enter the minutes spent on \(technique.name.lowercased()).")) }
            uses.append(.init(technique: technique, areas: form.all(prefix + "areas").compactMap(BodyRegion.init(rawValue:)),
                              pressure: PressurePreference(rawValue: form[prefix + "pressure"]) ?? .moderate, minutes: minutes ?? 0))
        }
        return (uses, problems)
    }
}

extension TechniqueFields.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "used": used
        case "areas": areas
        case "pressures": pressures
        case "minutes": minutes
        case "advice": advice
        case "adviceClass": adviceClass
        case "minutesError": minutesError
        default: nil
        }
    }
}
