import Mustache

/// One therapist's week at one location as a grid: per day two shifts and a break.
/// Drawn by `scheduling_hours.mustache`.
struct HoursPage {
    /// One time box of the grid.
    struct Cell { let name: String; let label: String; let value: String; let error: String? }
    struct Day { let index: Int; let name: String; let cells: [Cell]; let closed: Bool; let invalid: Bool }
    struct Choice { let value: String; let label: String; let selected: Bool }
    struct Stored { let therapist: String; let location: String; let summary: String; let href: String }

    let chrome: Chrome
    let nav: SetupNav
    let therapists: [Choice]
    let locations: [Choice]
    /// Empty until a therapist and a location are chosen.
    let grid: [Day]
    let showGrid: Bool
    let therapistId: String
    let locationId: String
    let heading: String
    let hasProblems: Bool
    let stored: [Stored]
    let missing: String?
}

extension HoursPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "nav": nav
        case "therapists": therapists
        case "locations": locations
        case "grid": grid
        case "showGrid": showGrid
        case "therapistId": therapistId
        case "locationId": locationId
        case "heading": heading
        case "hasProblems": hasProblems
        case "stored": stored
        case "missing": missing
        default: nil
        }
    }
}

extension HoursPage.Cell: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "label": label
        case "value": value
        case "error": error
        default: nil
        }
    }
}

extension HoursPage.Day: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "index": index
        case "name": name
        case "cells": cells
        case "closed": closed
        case "invalid": invalid
        default: nil
        }
    }
}

extension HoursPage.Choice: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension HoursPage.Stored: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "therapist": therapist
        case "location": location
        case "summary": summary
        case "href": href
        default: nil
        }
    }
}
