import Mustache

/// A page model behind a class reference. swift-mustache casts the object of a context frame to `MustacheParent` for
/// each name it looks up there, and casting a struct held as `Any` copies it (a retain for every field of a large page
/// model); casting a class costs one retain.
final class ModelBox<Model: MustacheParent>: MustacheParent {
    let model: Model

    init(_ model: Model) { self.model = model }

    func child(named: String) -> Any? { model.child(named: named) }
}
