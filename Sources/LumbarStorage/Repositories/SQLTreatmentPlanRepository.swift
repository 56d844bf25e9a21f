import LumbarClinic
import LumbarCore
import SQLKit

/// Treatment plans, one version per change, never edited.
public struct SQLTreatmentPlanRepository: TreatmentPlanRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func save(_ plan: TreatmentPlan, audit: AuditEntry) async throws -> TreatmentPlan {
        try await database.write { db in
            let latest = try await db.raw("SELECT MAX(version) AS v FROM treatment_plans WHERE client_id = \(bind: plan.clientId)").first()
            var saved = plan
            saved.id = Database.newID()
            saved.version = (try latest?.decode(column: "v", as: Int?.self) ?? 0) + 1
            try await db.raw("""
                INSERT INTO treatment_plans (id, client_id, intake_id, version, goals, techniques, areas, pressure, frequency, visits, reassess_on,
                                             created_by, created_at)
                VALUES (\(bind: saved.id), \(bind: saved.clientId), \(bind: saved.intakeId), \(bind: saved.version),
                        \(bind: saved.goals.joined(separator: "\n")), \(bind: saved.techniqueLines), \(bind: saved.areas.map(\.rawValue).joined(separator: ",")),
                        \(bind: saved.pressure.rawValue), \(bind: saved.frequency), \(bind: saved.visits), \(bind: saved.reassessOn.description),
                        \(bind: saved.createdBy), \(bind: saved.createdAt.milliseconds))
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
            return saved
        }
    }

    static func plan(_ row: any SQLRow) throws -> TreatmentPlan {
        TreatmentPlan(
            id: try row.string("id"), clientId: try row.string("client_id"), intakeId: try row.optionalString("intake_id"), version: try row.int("version"),
            goals: try row.string("goals").split(separator: "\n").map(String.init),
            techniques: TreatmentPlan.techniques(fromLines: try row.string("techniques")),
            areas: try row.string("areas").split(separator: ",").compactMap { BodyRegion(rawValue: String($0)) },
            pressure: PressurePreference(rawValue: try row.string("pressure")) ?? .moderate, frequency: try row.string("frequency"),
            visits: try row.int("visits"), reassessOn: LocalDate(iso: try row.string("reassess_on")) ?? LocalDate(year: 2000, month: 1, day: 1)!,
            createdBy: try row.string("created_by"), createdAt: try row.instant("created_at"))
    }

    /// Every version, newest first.
    public func versions(clientId: String) async throws -> [TreatmentPlan] {
        try await database.read { db in
            try await db.raw("SELECT * FROM treatment_plans WHERE client_id = \(bind: clientId) ORDER BY version DESC").all().map(Self.plan)
        }
    }
}
