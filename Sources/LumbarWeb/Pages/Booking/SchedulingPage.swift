import Mustache

/// The model `scheduling.mustache` draws.
struct SchedulingPage {
    struct LocationRow { let name: String; let address: String; let timeZone: String; let roomNames: String? }
    struct ServiceRow { let name: String; let minutes: Int; let bufferMinutes: Int; let price: String; let online: Bool; let audience: String }
    struct HoursRow { let therapist: String; let location: String; let summary: String }
    struct Weekday { let index: Int; let name: String; let checked: Bool }
    struct TimeOffRow { let id: String; let therapist: String; let days: String; let note: String? }
    let chrome: Chrome
    let locations: [LocationRow]
    let services: [ServiceRow]
    let hours: [HoursRow]
    let weekdays: [Weekday]
    let locationFields: [FieldView]
    let serviceFields: [FieldView]
    let hourFields: [FieldView]
    let timeOffFields: [FieldView]
    let timeOff: [TimeOffRow]
    let ruleFields: [FieldView]
}

extension SchedulingPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "locations": locations
        case "services": services
        case "hours": hours
        case "weekdays": weekdays
        case "locationFields": locationFields
        case "serviceFields": serviceFields
        case "hourFields": hourFields
        case "timeOffFields": timeOffFields
        case "timeOff": timeOff
        case "ruleFields": ruleFields
        default: nil
        }
    }
}

extension SchedulingPage.LocationRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "address": address
        case "timeZone": timeZone
        case "roomNames": roomNames
        default: nil
        }
    }
}

extension SchedulingPage.ServiceRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "minutes": minutes
        case "bufferMinutes": bufferMinutes
        case "price": price
        case "online": online
        case "audience": audience
        default: nil
        }
    }
}

extension SchedulingPage.HoursRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "therapist": therapist
        case "location": location
        case "summary": summary
        default: nil
        }
    }
}

extension SchedulingPage.Weekday: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "index": index
        case "name": name
        case "checked": checked
        default: nil
        }
    }
}

extension SchedulingPage.TimeOffRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "therapist": therapist
        case "days": days
        case "note": note
        default: nil
        }
    }
}
