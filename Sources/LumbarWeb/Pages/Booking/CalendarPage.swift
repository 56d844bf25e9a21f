import Mustache

/// The model `calendar.mustache` draws.
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

extension CalendarPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "dayLabel": dayLabel
        case "date": date
        case "previous": previous
        case "next": next
        case "view": view
        case "otherView": otherView
        case "otherViewLabel": otherViewLabel
        case "locations": locations
        case "locationId": locationId
        case "hasLocation": hasLocation
        case "columns": columns
        case "rows": rows
        case "problem": problem
        case "bookFields": bookFields
        case "pastFields": pastFields
        default: nil
        }
    }
}

extension CalendarPage.LocationLink: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "selected": selected
        default: nil
        }
    }
}

extension CalendarPage.Item: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "time": time
        case "clientId": clientId
        case "client": client
        case "service": service
        case "room": room
        case "status": status
        case "actionable": actionable
        default: nil
        }
    }
}

extension CalendarPage.Cell: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "appointments": appointments
        default: nil
        }
    }
}

extension CalendarPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "cells": cells
        default: nil
        }
    }
}
