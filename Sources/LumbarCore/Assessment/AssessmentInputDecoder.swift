/// Turns contract JSON into an `AssessmentInput`, collecting every problem instead of stopping at the first.
public enum AssessmentInputDecoder {
    static let knownFields: Set<String> = [
        "assessedOn", "age", "onset", "painStartedOn", "painNow", "legPain", "legSides", "factors", "findings",
        "pressurePreference", "medicallyAssessed", "pregnancyWeeks", "startBack",
    ]

    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> Result<AssessmentInput, AssessmentProblems>
    where Bytes.Element == UInt8 {
        do {
            return decode(try JSONValue.parse(bytes))
        } catch {
            return .failure(AssessmentProblems([AssessmentProblem(field: "body", message: error.description)]))
        }
    }

    public static func decode(_ document: JSONValue) -> Result<AssessmentInput, AssessmentProblems> {
        guard case .object(let members) = document else {
            return .failure(AssessmentProblems([AssessmentProblem(field: "body", message: "must be a JSON object, got \(document.kind)")]))
        }
        var fields = FieldReader(members: members)
        for member in members where !knownFields.contains(member.key) {
            fields.problem(member.key, "unknown field (contract version 1 does not define it)")
        }
        let assessedOn = fields.date("assessedOn")
        let age = fields.integer("age", in: 0...120)
        let onset: Onset? = fields.code("onset")
        let painStartedOn = fields.date("painStartedOn")
        let painNow = fields.integer("painNow", in: 0...10)
        let legPain: LegPain? = fields.code("legPain")
        let legSides: LegSides? = fields.code("legSides")
        let factors: [Factor] = fields.codes("factors")
        let findings: [Finding] = fields.codes("findings")
        let pressure: PressurePreference? = fields.code("pressurePreference", required: false)
        let medicallyAssessed = fields.boolean("medicallyAssessed") ?? false
        let pregnancyWeeks = fields.integer("pregnancyWeeks", in: 1...42, required: false)
        let startBack = fields.startBack("startBack")
        if let assessedOn, let painStartedOn, painStartedOn > assessedOn {
            fields.problem("painStartedOn", "must be on or before assessedOn (\(assessedOn)), got \(painStartedOn)")
        }
        guard fields.problems.isEmpty, let assessedOn, let age, let onset, let painStartedOn, let painNow,
              let legPain, let legSides else {
            return .failure(AssessmentProblems(fields.problems))
        }
        return .success(AssessmentInput(
            assessedOn: assessedOn, age: age, onset: onset, painStartedOn: painStartedOn, painNow: painNow,
            legPain: legPain, legSides: legSides, factors: Set(factors), findings: Set(findings),
            pressurePreference: pressure, medicallyAssessed: medicallyAssessed, pregnancyWeeks: pregnancyWeeks,
            startBack: startBack))
    }
}

/// Reads typed fields from one JSON object and records a problem per bad field.
struct FieldReader {
    let members: [(key: String, value: JSONValue)]
    var problems: [AssessmentProblem] = []
    var prefix = ""

    init(members: [(key: String, value: JSONValue)], prefix: String = "") {
        self.members = members
        self.prefix = prefix
    }

    /// Past the problems an answer lists in full, a message is not built at all (some, such as a bad code's list of
    /// allowed codes, are long): a hostile body with half a million bad items costs no more than a short one.
    mutating func problem(_ field: String, _ message: @autoclosure () -> String) {
        let described = problems.count < ProblemListing.limit
        problems.append(AssessmentProblem(field: prefix + field, message: described ? message() : Self.undescribed))
    }

    static let undescribed = "is not valid either"

    /// The value, or nil when absent or null; records "is required" when it must be there.
    mutating func value(_ field: String, required: Bool) -> JSONValue? {
        let found = members.first(where: { $0.key == field })?.value
        if found == nil || found == .null {
            if required { problem(field, "is required") }
            return nil
        }
        return found
    }

    mutating func date(_ field: String) -> LocalDate? {
        guard let raw = value(field, required: true) else { return nil }
        guard case .string(let text) = raw else { problem(field, "must be a date YYYY-MM-DD, got \(raw.kind)"); return nil }
        guard let date = LocalDate(iso: text) else { problem(field, "must be a real date YYYY-MM-DD, got \"\(text)\""); return nil }
        return date
    }

    mutating func integer(_ field: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let raw = value(field, required: required) else { return nil }
        let bounds = "\(range.lowerBound)-\(range.upperBound)"
        guard case .number(let number) = raw else { problem(field, "must be an integer \(bounds), got \(raw.kind)"); return nil }
        guard number.rounded() == number, let whole = Int(exactly: number) else {
            problem(field, "must be a whole number \(bounds), got \(JSONNumber.text(number))")
            return nil
        }
        guard range.contains(whole) else { problem(field, "must be \(bounds), got \(whole)"); return nil }
        return whole
    }

    mutating func boolean(_ field: String) -> Bool? {
        guard let raw = value(field, required: false) else { return nil }
        guard case .bool(let flag) = raw else { problem(field, "must be true or false, got \(raw.kind)"); return nil }
        return flag
    }

    mutating func code<Code: ContractCode>(_ field: String, required: Bool = true) -> Code? {
        guard let raw = value(field, required: required) else { return nil }
        return parse(raw, field: field)
    }

    private mutating func parse<Code: ContractCode>(_ raw: JSONValue, field: String) -> Code? {
        // The list of allowed codes is built only when there is a problem to report.
        func allowed() -> String { Code.allCases.map(\.rawValue).joined(separator: ", ") }
        guard case .string(let text) = raw else { problem(field, "must be one of \(allowed()), got \(raw.kind)"); return nil }
        guard let code = Code(rawValue: text) else { problem(field, "unknown code \"\(text)\" (expected one of \(allowed()))"); return nil }
        return code
    }

    mutating func codes<Code: ContractCode>(_ field: String) -> [Code] {
        guard let raw = value(field, required: false) else { return [] }
        guard case .array(let items) = raw else { problem(field, "must be an array of codes, got \(raw.kind)"); return [] }
        var result: [Code] = []
        for (index, item) in items.enumerated() {
            if let code: Code = parse(item, field: "\(field)[\(index)]") { result.append(code) }
        }
        return result
    }

    mutating func startBack(_ field: String) -> StartBackAnswers? {
        guard let raw = value(field, required: false) else { return nil }
        guard case .object(let members) = raw else { problem(field, "must be an object with answers and bothersomeness, got \(raw.kind)"); return nil }
        var inner = FieldReader(members: members, prefix: prefix + field + ".")
        for member in members where member.key != "answers" && member.key != "bothersomeness" {
            inner.problem(member.key, "unknown field")
        }
        var answers: [Bool]?
        if let list = inner.value("answers", required: true) {
            if case .array(let items) = list, items.count == 8 {
                let flags = items.compactMap { item -> Bool? in if case .bool(let flag) = item { return flag } else { return nil } }
                if flags.count == 8 { answers = flags } else { inner.problem("answers", "must hold only true or false") }
            } else if case .array(let items) = list {
                inner.problem("answers", "must be 8 booleans (items 1-8), got \(items.count)")
            } else {
                inner.problem("answers", "must be an array of 8 booleans, got \(list.kind)")
            }
        }
        let bother: Bothersomeness? = inner.code("bothersomeness")
        problems += inner.problems
        guard let answers, let bother else { return nil }
        return StartBackAnswers(answers: answers, bothersomeness: bother)
    }
}

/// Prints a JSON number the way it was most likely written (no trailing ".0" noise beyond what's needed).
enum JSONNumber {
    static func text(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}
