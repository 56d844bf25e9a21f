import Mustache

/// The clinic's locations with their rooms, and the form to add one.
/// Drawn by `scheduling_locations.mustache`.
struct LocationsPage {
    struct Row { let id: String; let name: String; let address: String; let zone: String; let rooms: String?; let retired: Bool }

    let chrome: Chrome
    let nav: SetupNav
    let locations: [Row]
    let fields: [FieldView]
}

extension LocationsPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "nav": nav
        case "locations": locations
        case "fields": fields
        default: nil
        }
    }
}

extension LocationsPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "address": address
        case "zone": zone
        case "rooms": rooms
        case "retired": retired
        default: nil
        }
    }
}
