import Mustache
import Synchronization

/// A page model turned into nested dictionaries once, before rendering. The renderer otherwise reflects a model
/// (Mirror) for every tag it looks up, through every level of the context stack; on a chart page that was a third
/// of the time. Nil optionals are left out, which the renderer treats as it treats nil: look further up the stack.
enum TemplateModel {
    /// How a type is turned into a tree. Worked out once per type: the protocol checks that decide it cost more than
    /// the rest of the walk when repeated for every value of a page.
    enum Kind: Sendable { case leaf, optional, collection, record }

    private static let kinds = Mutex<[ObjectIdentifier: Kind]>([:])

    /// The value as the renderer should see it; nil for a nil optional, so the caller leaves it out.
    static func tree(_ value: Any) -> Any? {
        switch kind(of: value) {
        case .leaf:
            return value
        case .optional:
            return (value as? any OptionalValue)?.wrappedValue.flatMap(tree)
        case .collection:
            return Mirror(reflecting: value).children.compactMap { tree($0.value) }
        case .record:
            var children: [String: Any] = [:]
            for child in Mirror(reflecting: value).children {
                if let label = child.label, let present = tree(child.value) { children[label] = present }
            }
            return children
        }
    }

    static func kind(of value: Any) -> Kind {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let known = kinds.withLock({ $0[type] }) { return known }
        let kind = classify(value)
        kinds.withLock { $0[type] = kind }
        return kind
    }

    private static func classify(_ value: Any) -> Kind {
        switch Mirror(reflecting: value).displayStyle {
        case .optional:
            return .optional
        case .collection:
            return .collection
        case .struct, .class:
            // Values that render themselves (dates, codes) or that the renderer already reads without reflection.
            if value is any CustomStringConvertible || value is any MustacheParent || value is any MustacheCustomRenderable
                || value is any MustacheCustomRepresentation || value is MustacheLambda {
                return .leaf
            }
            return .record
        default:
            return .leaf
        }
    }
}

/// Lets `TemplateModel` open an Optional held as `Any` without reflecting it.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 } }
}
