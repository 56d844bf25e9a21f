import Foundation
import LumbarZones

/// The time-zone list of the location and clinic forms: Canada's and the United States' zones first, then every
/// IANA zone. The value is the IANA name; the server accepts only names from the list.
enum ZoneField {
    static let choices: [(value: String, label: String)] =
        ZoneList.featured.map { ($0.id, $0.label) } + ZoneList.others.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }

    static func field(_ name: String = "timeZone", help: String = "Appointments at this location show in this zone, daylight saving included.") -> FieldView {
        FieldView.select(name, "Time zone", choices, help: help)
    }
}
