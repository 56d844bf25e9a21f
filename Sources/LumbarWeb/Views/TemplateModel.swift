import Mustache
@_spi(Reflection) import Swift
import Synchronization

/// A page model turned into nested dictionaries once, before rendering. The renderer otherwise reflects a model
/// (Mirror) for every tag it looks up, through every level of the context stack; on a chart page that was a third
/// of the time. Nil optionals are left out, which the renderer treats as it treats nil: look further up the stack.
enum TemplateModel {
    /// How a type is turned into a tree. Worked out once per type: the protocol checks that decide it cost more than
    /// the rest of the walk when repeated for every value of a page.
    enum Kind: Sendable { case leaf, optional, collection, record }

    /// A stored property of a record type, where it lies in the value.
    struct Field: @unchecked Sendable {
        let name: String
        let offset: Int
        let type: Any.Type
    }

    /// A type's kind and, for a struct, its stored properties; nil fields means the walk goes through Mirror.
    private struct Shape: Sendable {
        let kind: Kind
        let fields: [Field]?
    }

    private static let shapes = Mutex<[ObjectIdentifier: Shape]>([:])

    /// The value as the renderer should see it; nil for a nil optional, so the caller leaves it out.
    static func tree(_ value: Any) -> Any? {
        let shape = shape(of: value)
        switch shape.kind {
        case .leaf:
            return value
        case .optional:
            return (value as? any OptionalValue)?.wrappedValue.flatMap(tree)
        case .collection:
            return Mirror(reflecting: value).children.compactMap { tree($0.value) }
        case .record:
            return shape.fields.flatMap { record(value, $0) } ?? mirrored(value)
        }
    }

    private static func mirrored(_ value: Any) -> [String: Any] {
        var children: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            if let label = child.label, let present = tree(child.value) { children[label] = present }
        }
        return children
    }

    static func kind(of value: Any) -> Kind { shape(of: value).kind }

    private static func shape(of value: Any) -> Shape {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let known = shapes.withLock({ $0[type] }) { return known }
        let shape = classify(value)
        shapes.withLock { $0[type] = shape }
        return shape
    }

    private static func classify(_ value: Any) -> Shape {
        let style = Mirror(reflecting: value).displayStyle
        switch style {
        case .optional:
            return Shape(kind: .optional, fields: nil)
        case .collection:
            return Shape(kind: .collection, fields: nil)
        case .struct, .class:
            // Values that render themselves (dates, codes) or that the renderer already reads without reflection.
            if value is any CustomStringConvertible || value is any MustacheParent || value is any MustacheCustomRenderable
                || value is any MustacheCustomRepresentation || value is MustacheLambda {
                return Shape(kind: .leaf, fields: nil)
            }
            return Shape(kind: .record, fields: style == .struct ? fields(of: Swift.type(of: value)) : nil)
        default:
            return Shape(kind: .leaf, fields: nil)
        }
    }

    /// A struct's stored properties as the runtime lays them out, listed once per type. Mirror finds the same names
    /// and values, but demangles each property's type again on every read, which was most of the walk's time. Nil for
    /// a struct holding an existential (`Any`, `any P`): read generically, its value would come back boxed twice.
    /// Page models hold plain values; a `weak` or `unowned` property, which this list cannot tell apart, has no place
    /// in one.
    static func fields(of type: Any.Type) -> [Field]? {
        var fields: [Field] = []
        var plain = true
        let listed = _forEachField(of: type, options: []) { name, offset, fieldType, kind in
            plain = kind != .existential
            fields.append(Field(name: String(cString: name), offset: offset, type: fieldType))
            return plain
        }
        return listed && plain ? fields : nil
    }

    /// Reads each field out of the struct's own storage, as its declared type. Nil when the value opens as something
    /// other than the struct (an `Any` held inside an `Any`, as Mirror hands out an existential property).
    private static func record(_ value: Any, _ fields: [Field]) -> [String: Any]? {
        let type = ObjectIdentifier(Swift.type(of: value))
        func read<Record>(_ record: Record) -> [String: Any]? {
            guard ObjectIdentifier(Record.self) == type else { return nil }
            return withUnsafeBytes(of: record) { storage in
                var children: [String: Any] = [:]
                guard let base = storage.baseAddress else { return children }
                for field in fields {
                    if let present = tree(load(field.type, from: base + field.offset)) { children[field.name] = present }
                }
                return children
            }
        }
        return _openExistential(value, do: read)
    }

    private static func load(_ type: Any.Type, from address: UnsafeRawPointer) -> Any {
        func typed<Value>(_: Value.Type) -> Any { address.load(as: Value.self) }
        return _openExistential(type, do: typed)
    }
}

/// Lets `TemplateModel` open an Optional held as `Any` without reflecting it.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 } }
}
