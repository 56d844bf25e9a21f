import LumbarClinic

/// The SQL implementations of the clinic's repositories for one database: the only place they are constructed for
/// the application (its build function calls this once).
public enum SQLRepositories {
    public static func make(_ database: Database) -> ClinicRepositories {
        ClinicRepositories(
            clinic: SQLClinicRepository(database: database),
            accounts: SQLAccountRepository(database: database),
            sessions: SQLSessionRepository(database: database),
            loginAttempts: SQLLoginAttemptRepository(database: database),
            passwordResets: SQLPasswordResetRepository(database: database),
            apiTokens: SQLAPITokenRepository(database: database),
            clients: SQLClientRepository(database: database),
            chartNotes: SQLChartNoteRepository(database: database),
            audit: SQLAuditRepository(database: database),
            scheduling: SQLSchedulingRepository(database: database),
            appointments: SQLAppointmentRepository(database: database),
            outbox: SQLOutboxRepository(database: database),
            waitlist: SQLWaitlistRepository(database: database),
            intake: SQLIntakeRepository(database: database),
            consents: SQLConsentRepository(database: database),
            questionnaires: SQLQuestionnaireRepository(database: database),
            visitNotes: SQLVisitNoteRepository(database: database),
            treatmentPlans: SQLTreatmentPlanRepository(database: database),
            homePrograms: SQLHomeProgramRepository(database: database),
            billing: SQLBillingRepository(database: database),
            calendarFeeds: SQLCalendarFeedRepository(database: database),
            noteTemplates: SQLNoteTemplateRepository(database: database),
            documents: SQLDocumentRepository(database: database),
            reports: SQLReportRepository(database: database)
        )
    }
}
