import Hummingbird
import LumbarClinic
import LumbarCore

/// The home page, `/`: a therapist's and the front desk's Today; the owner's home (with their own Today when they
/// treat clients); a client is sent to their portal. Every client shown is audited.
struct HomeRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, context -> Response in
            let account = try context.signedIn()
            let view = TodayView(services: services)
            var audit: [AuditEntry] = []
            var today: TherapistTodayPanel?
            var desk: FrontDeskPanel?
            switch account.role {
            case .therapist, .owner:
                if let (panel, rows) = try await view.therapist(account, context, skipEmpty: account.role == .owner) {
                    today = panel
                    audit += rows
                }
            case .frontDesk:
                let (panel, rows) = try await view.desk(account, context)
                desk = panel
                audit += rows
            case .client:
                // The portal is a client's home: written for them, with none of the staff's pages.
                return .seeOther("/me")
            }
            let alerts = try await intakeAlerts(account)
            if !alerts.isEmpty {
                audit.append(services.auditEntry(account, context, .view, .intake, client: nil, detail: "intakes needing action, \(alerts.count) shown"))
            }
            if !audit.isEmpty { try await services.audit.append(audit) }
            let title = account.role == .therapist || account.role == .frontDesk ? "Today" : "Start"
            var chrome = context.chrome(title)
            chrome.notice = Self.done[FormData(encoded: request.uri.query ?? "")["done"]]
            return services.views.page("home", HomePage(chrome: chrome, clinical: account.role != .frontDesk, alerts: alerts,
                                                        hasAlerts: !alerts.isEmpty, today: today, desk: desk,
                                                        tiles: account.role == .owner,
                                                        checklist: account.role == .owner ? try await SetupChecklistView(services: services).panel() : nil))
        }
    }

    /// What a front-desk action from Today says when it is back on Today.
    static let done = [
        "arrived": "Marked arrived.",
        "confirmed": "Marked confirmed.",
    ]

    /// Intakes triaged urgent or emergency and not yet cleared, of clients this account may see clinically.
    private func intakeAlerts(_ account: Account) async throws -> [HomePage.Alert] {
        guard account.role == .owner || account.role == .therapist else { return [] }
        let policy = try await services.policy()
        let zone = try await services.clinicTime()
        var alerts: [HomePage.Alert] = []
        for (intake, name) in try await services.intake.needingAction() {
            let treats = account.role == .therapist ? try await services.clients.treats(therapistId: account.id, clientId: intake.clientId) : false
            guard policy.canSeeClinical(account.role, .init(treats: treats)) else { continue }
            alerts.append(HomePage.Alert(clientId: intake.clientId, name: name, urgency: intake.urgency?.rawValue ?? "",
                                         when: intake.submittedAt.map(zone.local) ?? ""))
        }
        return alerts
    }
}
