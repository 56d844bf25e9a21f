import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The one-time setup page: creates the clinic and its owner, then closes for good.
struct SetupRoutes {
    let services: AppServices

    static let clinicFields = [
        FieldView("clinicName", "Clinic name", autocomplete: "organization", limit: .name),
        FieldView("address", "Street address", autocomplete: "street-address", limit: .short),
        ZoneField.field(help: "The clinic's own zone, for its records; each location has its own."),
        FieldView("hstNumber", "HST number", help: "Printed on receipts, e.g. 123456789 RT0001.", optional: true, limit: .code),
    ]
    static let ownerFields = [
        FieldView("name", "Your name", autocomplete: "name", limit: .name),
        FieldView("email", "Email", type: "email", autocomplete: "email"),
        FieldView("password", "Password", type: "password", help: "At least 12 characters. Next you will set up a code app for two-step sign-in.", autocomplete: "new-password"),
    ]

    func register(on router: Router<AppRequestContext>) {
        router.get("/setup") { _, context -> Response in
            guard try await services.clinic.profile() == nil else { throw PageError.notFound }
            return page(context, form: FormData(encoded: "timeZone=America%2FToronto"), problems: [])
        }
        router.post("/setup") { _, context -> Response in
            guard try await services.clinic.profile() == nil else { throw PageError.notFound }
            let form = context.form
            let profile = ClinicProfile(name: form["clinicName"], address: form["address"], timeZone: form["timeZone"], hstNumber: form["hstNumber"])
            let owner = AccountDraft(email: form["email"], name: form["name"], role: .owner, password: form["password"])
            let problems = profile.problems(isTimeZone: ZoneList.isKnown) + owner.problems()
            guard problems.isEmpty else { return page(context, form: form, problems: problems, status: .unprocessableContent) }
            let hash = try await services.hasher.hash(owner.password)
            do {
                _ = try await services.clinic.setUp(profile, owner: owner, passwordHash: hash, totpSecret: Secrets.totpSecret(), at: services.now)
            } catch StorageError.conflict {
                throw PageError.notFound
            }
            return .seeOther("/login?setup=done")
        }
    }

    private func page(_ context: AppRequestContext, form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) -> Response {
        let model = SetupPage(chrome: Chrome(title: "Set up your clinic", context: context),
                         clinicFields: Self.clinicFields.filled(from: form, problems: problems),
                         ownerFields: Self.ownerFields.filled(from: form, problems: problems))
        return services.views.page("setup", model, status: status)
    }
}
