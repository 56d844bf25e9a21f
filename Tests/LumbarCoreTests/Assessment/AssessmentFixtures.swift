import LumbarCore
import Testing

/// Builds inputs from contract JSON so tests read like the contract's own examples.
enum AssessmentFixtures {
    /// A neutral subacute case: no red flag, nothing restricting, pain 3/10.
    static let neutral: [String: String] = [
        "assessedOn": "\"2026-11-24\"", "age": "40", "onset": "\"gradual\"", "painStartedOn": "\"2026-10-01\"",
        "painNow": "3", "legPain": "\"none\"", "legSides": "\"none\"",
    ]

    static func json(_ overrides: [String: String]) -> String {
        let merged = neutral.merging(overrides) { _, new in new }
        return "{" + merged.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
    }

    static func input(_ text: String) throws -> AssessmentInput {
        try AssessmentInputDecoder.decode(Array(text.utf8)).get()
    }

    static func assess(_ text: String, settings: EngineSettings = EngineSettings()) throws -> Assessment {
        AssessmentEngine(settings: settings).assess(try input(text))
    }

    static func assess(_ overrides: [String: String], settings: EngineSettings = EngineSettings()) throws -> Assessment {
        try assess(json(overrides), settings: settings)
    }

    static func codes(_ list: [String]) -> String { "[" + list.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
}
