import Mustache

/// The model `package_plans.mustache` draws: the packages the owner offers, and the form to add one.
struct PackagePlansPage: Sendable {
    struct Row: Sendable {
        let id: String
        let name: String
        let detail: String
        let retired: Bool
    }

    typealias Option = FieldView.Option

    let chrome: Chrome
    let nav: SetupNav
    let plans: [Row]
    let hasPlans: Bool
    let services: [Option]
    let name: String
    let visits: String
    let price: String
    let days: String
    let nameError: String?
    let serviceError: String?
    let visitsError: String?
    let priceError: String?
    let daysError: String?
}

// MARK: - Mustache

extension PackagePlansPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "nav": nav
        case "plans": plans
        case "hasPlans": hasPlans
        case "services": services
        case "name": name
        case "visits": visits
        case "price": price
        case "days": days
        case "nameError": nameError
        case "serviceError": serviceError
        case "visitsError": visitsError
        case "priceError": priceError
        case "daysError": daysError
        default: nil
        }
    }
}

extension PackagePlansPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "detail": detail
        case "retired": retired
        default: nil
        }
    }
}

