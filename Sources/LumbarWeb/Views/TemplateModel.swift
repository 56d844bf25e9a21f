import Mustache

/// A page model turned into nested dictionaries once, before rendering. The renderer otherwise reflects a model
/// (Mirror) for every tag it looks up, through every level of the context stack; on a chart page that was a third
/// of the time. Nil optionals are left out, which the renderer treats as it treats nil: look further up the stack.
enum TemplateModel {
    static func tree(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection:
            return mirror.children.compactMap { unwrapped($0.value).map(tree) }
        case .struct, .class:
            // Values that render themselves (dates, codes) or that the renderer already reads without reflection.
            if value is any CustomStringConvertible || value is any MustacheParent || value is any MustacheCustomRenderable
                || value is any MustacheCustomRepresentation || value is MustacheLambda {
                return value
            }
            var children: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let present = unwrapped(child.value) else { continue }
                children[label] = tree(present)
            }
            return children
        default:
            return value
        }
    }

    /// The value an Optional holds, nil for none; any other value as it is.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}
