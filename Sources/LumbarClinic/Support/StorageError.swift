/// Storage failures a caller can act on.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    case configuration(String)
    case conflict(String)
    case notFound

    public var description: String {
        switch self {
        case .configuration(let text): return text
        case .conflict(let text): return text
        case .notFound: return "not found"
        }
    }
}
