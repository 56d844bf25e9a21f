import Mustache

/// The clinic's services with price and tax, and the form to add one.
/// Drawn by `scheduling_services.mustache`.
struct ServicesPage {
    struct Row {
        let id: String; let name: String; let length: String; let price: String; let priceWithTax: String; let tax: String
        let online: Bool; let audience: String; let retired: Bool
    }

    let chrome: Chrome
    let nav: SetupNav
    let services: [Row]
    let fields: [FieldView]
    let online: Bool
}

extension ServicesPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "nav": nav
        case "services": services
        case "fields": fields
        case "online": online
        default: nil
        }
    }
}

extension ServicesPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "length": length
        case "price": price
        case "priceWithTax": priceWithTax
        case "tax": tax
        case "online": online
        case "audience": audience
        case "retired": retired
        default: nil
        }
    }
}
