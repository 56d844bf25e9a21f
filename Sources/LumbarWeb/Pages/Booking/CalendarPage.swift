import Mustache

struct CalendarPage {
    struct LocationLink { let id: String; let name: String; let selected: Bool }
    struct Item { let id: String; let time: String; let clientId: String; let client: String; let service: String; let room: String?; let status: String; let actionable: Bool }
    struct Cell { let appointments: [Item] }
    struct Row { let name: String; let cells: [Cell] }
    let chrome: Chrome
    let dayLabel: String
    let date: String
    let previous: String
    let next: String
    let view: String
    let otherView: String
    let otherViewLabel: String
    let locations: [LocationLink]
    let locationId: String
    let hasLocation: Bool
    let columns: [String]
    let rows: [Row]
    let problem: String?
    let bookFields: [FieldView]
    let pastFields: [FieldView]
}
