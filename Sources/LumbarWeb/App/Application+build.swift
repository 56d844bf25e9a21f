import Foundation
import Hummingbird
import Logging
import LumbarClinic
import LumbarStorage
import OpenAPIHummingbird
import OpenAPIRuntime

/// Builds the whole web application; `lumbar serve` and the tests call the same function.
public func buildApplication(services: AppServices, logger: Logger) throws -> some ApplicationProtocol {
    let router = try buildRouter(services: services)
    let config = services.configuration
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Lumbar"),
        services: [SessionSweeper(services: services, interval: .seconds(300)), OutboxDelivery(services: services, interval: .seconds(5))],
        logger: logger)
}

/// The router with every page, API route and middleware, in the order requests meet them.
public func buildRouter(services: AppServices) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware(trustProxy: services.configuration.trustProxy))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(https: services.configuration.publicURL.lowercased().hasPrefix("https://")))
    router.add(middleware: ErrorPageMiddleware(views: services.views))
    let staticFolder = Bundle.module.bundleURL.appendingPathComponent("Assets/static").path
    // Served when nothing else answers: the error middlewares below turn a miss into a 404 page first.
    router.add(middleware: FileMiddleware(staticFolder, urlBasePath: "/static", searchForIndexHtml: false).withServeOnNotFoundResponse())
    router.add(middleware: SetupGateMiddleware(services: services))
    router.add(middleware: SessionMiddleware(services: services))
    // Again inside the session, so error pages for signed-in people keep their navigation; the outer one
    // still answers for anything that fails before a session is known.
    router.add(middleware: ErrorPageMiddleware(views: services.views))
    router.add(middleware: ChromeMiddleware(services: services))
    router.add(middleware: FormMiddleware(maxBodyBytes: services.configuration.maxBodyBytes))

    HealthRoutes(services: services).register(on: router)
    SetupRoutes(services: services).register(on: router)
    AuthRoutes(services: services).register(on: router)
    AccountRoutes(services: services).register(on: router)
    ClinicAdminRoutes(services: services).register(on: router)
    StaffRoutes(services: services).register(on: router)
    HomeRoutes(services: services).register(on: router)
    TodayRoutes(services: services).register(on: router)
    AuditRoutes(services: services).register(on: router)
    ClientRoutes(services: services).register(on: router)
    SchedulingAdminRoutes(services: services).register(on: router)
    ClientBookingRoutes(services: services).register(on: router)
    PortalRoutes(services: services).register(on: router)
    CalendarRoutes(services: services).register(on: router)
    CalendarFeedRoutes(services: services).register(on: router)
    WaitlistRoutes(services: services).register(on: router)
    IntakeRoutes(services: services).register(on: router)
    ConsentRoutes(services: services).register(on: router)
    TriageRoutes(services: services).register(on: router)
    QuestionnaireSettingsRoutes(services: services).register(on: router)
    ProgramRoutes(services: services).register(on: router)
    MyProgramRoutes(services: services).register(on: router)
    VisitRoutes(services: services).register(on: router)
    NoteTemplateRoutes(services: services).register(on: router)
    OutcomeRoutes(services: services).register(on: router)
    BillingRoutes(services: services).register(on: router)
    ReceiptRoutes(services: services).register(on: router)
    PrepaidRoutes(services: services).register(on: router)
    ReportRoutes(services: services).register(on: router)
    PlanRoutes(services: services).register(on: router)
    RecordRoutes(services: services).register(on: router)
    DocumentRoutes(services: services).register(on: router)
    QuestionnaireRoutes(services: services).register(on: router)

    let api = router.group().add(middleware: APITokenMiddleware(services: services))
    AssessmentRoute(services: services).register(on: api)
    // Compact JSON: a week of free times is a third the size, and quicker to write, without the indentation.
    try APIHandler(services: services).registerHandlers(on: api, configuration: .init(jsonEncodingOptions: [.sortedKeys]),
                                                        middlewares: [APIBodyMiddleware(), APIInputErrorMiddleware()])
    router.add(middleware: APIMethodMiddleware(routes: router.routes))
    return router
}
