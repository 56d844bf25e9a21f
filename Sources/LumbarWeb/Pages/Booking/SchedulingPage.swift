import Mustache

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
