/// The wording of one instrument: items, answer options and the option scores its built-in scoring reads.
/// Clinics with a licence load their own file; the project ships only wording it wrote itself (or labelled demos).
public struct QuestionnaireDefinition: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public let value: String
        public let label: String
        public let score: Int
        public init(_ value: String, _ label: String, score: Int) {
            self.value = value
            self.label = label
            self.score = score
        }
    }

    public struct Item: Sendable, Equatable {
        public let id: String
        public let text: String
        public let options: [Option]
        public init(id: String, text: String, options: [Option]) {
            self.id = id
            self.text = text
            self.options = options
        }
    }

    public let instrument: Instrument
    public let version: String
    public let title: String
    public let instructions: String
    /// True for the placeholder wording the project ships for licensed instruments.
    public let demo: Bool
    /// Copyright or licence notice the instrument's owner requires to be shown with it.
    public let notice: String
    public let items: [Item]

    public init(instrument: Instrument, version: String, title: String, instructions: String, demo: Bool, notice: String, items: [Item]) {
        self.instrument = instrument
        self.version = version
        self.title = title
        self.instructions = instructions
        self.demo = demo
        self.notice = notice
        self.items = items
    }

    /// The longest definition file taken: the longest shipped one is a few thousand characters.
    public static let fileLimit = FieldLimit(100_000)
    /// The longest wording of one item, answer or instruction.
    static let textLimit = FieldLimit(2_000)

    /// Reads a definition file; every problem is named, and a file whose shape does not fit its scoring is refused.
    public static func parse(_ text: String) -> Result<QuestionnaireDefinition, DefinitionProblems> {
        guard fileLimit.allows(text) else { return .failure(.init(["The file is longer than \(fileLimit) characters; a questionnaire's definition is far shorter."])) }
        let root: JSONValue
        do { root = try JSONValue.parse(text) } catch { return .failure(.init(["The file is not valid JSON (\(error.description))."])) }
        guard case .object(let fields) = root else { return .failure(.init(["The file must hold one JSON object."])) }
        var problems: [String] = []
        func string(_ name: String, in object: [(key: String, value: JSONValue)], required: Bool = true, at place: String = "") -> String {
            switch object.first(where: { $0.key == name })?.value {
            case .string(let value)? where !value.trimmed.isEmpty || !required:
                if !textLimit.allows(value) { problems.append("\(place)\(name) is longer than \(textLimit) characters.") }
                return value.trimmed
            case nil where !required: return ""
            default:
                problems.append("\(place)\(name) must be a non-empty string.")
                return ""
            }
        }
        let instrumentCode = string("instrument", in: fields)
        let instrument = Instrument(rawValue: instrumentCode)
        if instrument == nil && !instrumentCode.isEmpty {
            problems.append("instrument must be one of \(Instrument.allCases.map(\.rawValue).joined(separator: ", ")); got \(instrumentCode).")
        }
        let version = string("version", in: fields)
        let title = string("title", in: fields)
        let instructions = string("instructions", in: fields, required: false)
        let notice = string("notice", in: fields, required: false)
        var demo = false
        if case .bool(let flag)? = fields.first(where: { $0.key == "demo" })?.value { demo = flag }
        var items: [Item] = []
        guard case .array(let rawItems)? = fields.first(where: { $0.key == "items" })?.value else {
            return .failure(.init(problems + ["items must be an array of questions."]))
        }
        for (index, raw) in rawItems.enumerated() {
            let place = "items[\(index)]."
            guard case .object(let itemFields) = raw else { problems.append("items[\(index)] must be an object."); continue }
            let id = string("id", in: itemFields, at: place)
            let text = string("text", in: itemFields, at: place)
            var options: [Option] = []
            if case .array(let rawOptions)? = itemFields.first(where: { $0.key == "options" })?.value, !rawOptions.isEmpty {
                for (optionIndex, rawOption) in rawOptions.enumerated() {
                    let optionPlace = "\(place)options[\(optionIndex)]."
                    guard case .object(let optionFields) = rawOption else { problems.append("\(optionPlace.dropLast()) must be an object."); continue }
                    let value = string("value", in: optionFields, at: optionPlace)
                    let label = string("label", in: optionFields, at: optionPlace)
                    guard case .number(let score)? = optionFields.first(where: { $0.key == "score" })?.value, score == score.rounded(), abs(score) < 1000 else {
                        problems.append("\(optionPlace)score must be a whole number.")
                        continue
                    }
                    options.append(Option(value, label, score: Int(score)))
                }
                if Set(options.map(\.value)).count != options.count { problems.append("\(place)options have repeated values.") }
            } else {
                problems.append("\(place)options must be a non-empty array.")
            }
            items.append(Item(id: id, text: text, options: options))
        }
        if Set(items.map(\.id)).count != items.count { problems.append("Item ids must be unique.") }
        guard problems.isEmpty, let instrument else { return .failure(.init(problems)) }
        let shape = instrument.shapeProblems(items)
        guard shape.isEmpty else { return .failure(.init(shape)) }
        return .success(QuestionnaireDefinition(instrument: instrument, version: version, title: title, instructions: instructions,
                                                demo: demo, notice: notice, items: items))
    }

    /// The definition as a file, in the format `parse` reads (so a shipped one can be downloaded, edited, loaded).
    public var json: String {
        var json = JSONWriter()
        json.beginObject()
        json.field("instrument", instrument.rawValue)
        json.field("version", version)
        json.field("title", title)
        json.field("instructions", instructions)
        json.field("demo", demo)
        json.field("notice", notice)
        json.key("items")
        json.objects(items) { json, item in
            json.field("id", item.id)
            json.field("text", item.text)
            json.key("options")
            json.objects(item.options) { json, option in
                json.field("value", option.value)
                json.field("label", option.label)
                json.field("score", option.score)
            }
        }
        json.endObject()
        return json.string
    }

    /// The option with `value` for item `index`, if it is one of the item's answers.
    public func option(item index: Int, value: String) -> Option? {
        guard items.indices.contains(index) else { return nil }
        return items[index].options.first { $0.value == value }
    }
}

/// Why a definition file was refused, one plain sentence per problem.
public struct DefinitionProblems: Error, Sendable, Equatable {
    public let problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
}
