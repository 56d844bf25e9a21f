/// What a client has typed into the intake so far, question id → values (several for a multiple choice).
/// Kept exactly as typed, valid or not, so a closed tab or a rejected step loses nothing.
public struct IntakeAnswers: Sendable, Equatable {
    public private(set) var values: [String: [String]] = [:]

    public init(_ values: [String: [String]] = [:]) {
        for (key, list) in values { set(key, list) }
    }

    public subscript(id: String) -> String { values[id]?.first ?? "" }
    public func all(_ id: String) -> [String] { values[id] ?? [] }
    public func has(_ id: String) -> Bool { values[id] != nil }

    /// Stores `list` for `id`, dropping empty strings and capping sizes (a draft is not a place for megabytes).
    public mutating func set(_ id: String, _ list: [String]) {
        guard id.count <= 80 else { return }
        let kept = list.map { String($0.prefix(4000)) }.filter { !$0.isEmpty }.prefix(60)
        values[id] = kept.isEmpty ? nil : Array(kept)
    }

    public mutating func merge(_ other: IntakeAnswers, replacing ids: [String]) {
        for id in ids { set(id, other.all(id)) }
    }

    public var json: String {
        var json = JSONWriter(capacity: 1024)
        json.beginObject()
        for key in values.keys.sorted() {
            json.key(key)
            json.beginArray()
            for value in values[key]! { json.value(value) }
            json.endArray()
        }
        json.endObject()
        return json.string
    }

    public init(json text: String) {
        guard case .object(let fields)? = try? JSONValue.parse(text) else { return }
        for (key, value) in fields {
            guard case .array(let items) = value else { continue }
            set(key, items.compactMap { if case .string(let text) = $0 { return text } else { return nil } })
        }
    }
}
