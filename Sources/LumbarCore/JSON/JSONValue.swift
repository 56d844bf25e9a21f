/// A parsed JSON document. Objects keep their keys in order so problems are reported in the order written.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// A short name for the kind of value, used in problem messages ("expected a string, got a number").
    public var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The member `key` of an object; nil for anything else or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    public var stringValue: String? { if case .string(let text) = self { return text } else { return nil } }
    public var numberValue: Double? { if case .number(let number) = self { return number } else { return nil } }
    public var arrayValue: [JSONValue] { if case .array(let items) = self { return items } else { return [] } }

    /// Parses UTF-8 bytes; throws `JSONParseError` with the byte offset of the first problem.
    public static func parse<Bytes: Collection>(_ bytes: Bytes) throws(JSONParseError) -> JSONValue
    where Bytes.Element == UInt8 {
        var parser = JSONParser(bytes: Array(bytes))
        return try parser.parseDocument()
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

/// Why a document is not JSON, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let reason: String
    /// For a key that appears twice in one object, its path (`a.0.b`), so an answer can name the field;
    /// nil for every other problem.
    public let repeatedField: String?

    public init(offset: Int, reason: String, repeatedField: String? = nil) {
        self.offset = offset
        self.reason = reason
        self.repeatedField = repeatedField
    }

    public var description: String { "malformed JSON at byte \(offset): \(reason)" }

    /// The same problem seen from the enclosing object member or array item `name`.
    func inside(_ name: String) -> JSONParseError {
        guard let repeatedField else { return self }
        return JSONParseError(offset: offset, reason: reason, repeatedField: name + "." + repeatedField)
    }
}
