import Mustache

/// The model `report.mustache` draws: any of the reports, as its choices, a few headline figures, a chart beside
/// a table (or several tables), and the plain rules it was counted by.
struct ReportPage: Sendable {
    struct Tab: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    struct Figure: Sendable {
        let label: String
        let value: String
    }

    struct Cell: Sendable {
        let text: String
        let numeric: Bool
    }

    struct Row: Sendable {
        let cells: [Cell]
    }

    struct Table: Sendable {
        let caption: String
        let headers: [Cell]
        let rows: [Row]
        let hasRows: Bool
        let empty: String
        let total: [Cell]
        let hasTotal: Bool
        let columns: Int
    }

    let chrome: Chrome
    let heading: String
    let intro: String
    let tabs: [Tab]
    let hasTabs: Bool
    let action: String
    let fields: [FieldView]
    let figures: [Figure]
    let chart: String
    let hasChart: Bool
    let chartCaption: String
    let tables: [Table]
    let notes: [String]
    let csvHref: String
    let printable: Bool
    let editHref: String
    let editLabel: String
    let canEdit: Bool
}

// MARK: - Mustache

extension ReportPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "heading": heading
        case "intro": intro
        case "tabs": tabs
        case "hasTabs": hasTabs
        case "action": action
        case "fields": fields
        case "figures": figures
        case "chart": chart
        case "hasChart": hasChart
        case "chartCaption": chartCaption
        case "tables": tables
        case "notes": notes
        case "csvHref": csvHref
        case "printable": printable
        case "editHref": editHref
        case "editLabel": editLabel
        case "canEdit": canEdit
        default: nil
        }
    }
}

extension ReportPage.Tab: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "href": href
        case "current": current
        default: nil
        }
    }
}

extension ReportPage.Figure: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension ReportPage.Cell: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        case "numeric": numeric
        default: nil
        }
    }
}

extension ReportPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "cells": cells
        default: nil
        }
    }
}

extension ReportPage.Table: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "caption": caption
        case "headers": headers
        case "rows": rows
        case "hasRows": hasRows
        case "empty": empty
        case "total": total
        case "hasTotal": hasTotal
        case "columns": columns
        default: nil
        }
    }
}
