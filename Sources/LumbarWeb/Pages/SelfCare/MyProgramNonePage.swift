import Mustache

struct MyProgramNonePage { let chrome: Chrome }

extension MyProgramNonePage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        default: nil
        }
    }
}
