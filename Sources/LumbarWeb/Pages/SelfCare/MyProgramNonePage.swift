import Mustache

/// The model `program_none.mustache` draws.
struct MyProgramNonePage { let chrome: Chrome }

extension MyProgramNonePage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        default: nil
        }
    }
}
