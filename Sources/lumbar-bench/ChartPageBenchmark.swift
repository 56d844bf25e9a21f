import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Issue 19: a client with 500 signed visit notes (each with its stored assessment, a pain and a function score), a
/// treatment plan and paid and unpaid visits, as the owner opens their chart and exports it, through HTTP.
struct ChartPageBenchmark {
    var rounds = 40
    var port = 8305
    var visits = 500

    struct Figure {
        let path: String
        let bytes: Int
        let p50: Double
        let p90: Double
        let p99: Double
        let worst: Double
    }

    func run() async throws -> (seedSeconds: Double, figures: [Figure]) {
        let server = try await BenchServer(name: "chart", port: port)
        let now = WallClock.system.now()
        let seedStart = Date()
        _ = try await DemoData.generate(database: server.database, clients: 20, appointments: 200, now: now, ownerHash: "x", ownerTOTPSecret: "JBSWY3DPEHPK3PXP")
        let database = server.database
        guard let therapist = try await SQLAccountRepository(database: database).therapists().first else { throw BenchFailure.connection("no therapist") }
        let client = try await SQLClientRepository(database: database).create(
            Client(id: "", firstName: "Pat", lastName: "Fivehundred", email: "pat@example.com", phone: "416-555-0199"), at: now)
        try await seedVisits(database, client: client, therapist: therapist, now: now)
        let seedSeconds = Date().timeIntervalSince(seedStart)
        let paths = ["/clients/\(client.id)", "/clients/\(client.id)?section=visits", "/clients/\(client.id)?section=outcomes",
                     "/clients/\(client.id)/record.fhir.json"]
        let rounds = self.rounds
        let timed = try await server.serving(as: .owner) { cookie in try await server.time(paths, rounds: rounds, cookie: cookie) }
        let figures = paths.enumerated().map { index, path in
            let mine = stride(from: index, to: timed.count, by: paths.count).map { timed[$0] }
            let times = mine.map(\.ms)
            return Figure(path: path.replacingOccurrences(of: client.id, with: ":id"), bytes: mine.last?.body.utf8.count ?? 0,
                          p50: BenchServer.percentile(times, 0.5), p90: BenchServer.percentile(times, 0.9), p99: BenchServer.percentile(times, 0.99),
                          worst: times.max() ?? 0)
        }
        return (seedSeconds, figures)
    }

    /// One signed note a week going back `visits` weeks, as signing stores it: the note, the engine's output, the
    /// NPRS and PSFS responses and the audit row; then a plan made before the last six visits.
    private func seedVisits(_ database: Database, client: Client, therapist: Account, now: Instant) async throws {
        let notes = SQLVisitNoteRepository(database: database)
        var sampler = AssessmentSampler(seed: 19)
        let engine = AssessmentEngine()
        let week: Int64 = 7 * 86_400_000
        for index in 0..<visits {
            let at = Instant(milliseconds: now.milliseconds - Int64(visits - index) * week)
            var writer = JSONWriter()
            engine.assess(sampler.input()).write(to: &writer)
            let pain = 2 + (index * 7) % 6
            var note = try await notes.createDraft(VisitNote(clientId: client.id, authorId: therapist.id, createdAt: at))
            note.painNow = pain
            note.psfs = [4 + index % 5, 6]
            note.subjective = "Low back stiff after sitting; eased by walking. Visit \(index + 1)."
            note.findings = [.hypertonicity, .triggerPoints]
            note.objective = "Hypertonic lumbar erectors, left more than right. Trigger points in left quadratus lumborum."
            note.plan = "Continue weekly; home program as given."
            note.techniques = [VisitNote.TechniqueUse(technique: .swedish, areas: [.lumbarLeft, .lumbarRight], pressure: .moderate, minutes: 40)]
            try await notes.saveDraft(note, at: at)
            let outcomes = [
                QuestionnaireResponse(clientId: client.id, intakeId: nil, instrument: .nprs, definitionVersion: "built-in", answers: [("score", "\(pain)")],
                                      score: Double(pain), at: at),
                QuestionnaireResponse(clientId: client.id, intakeId: nil, instrument: .psfs, definitionVersion: "built-in", answers: [("score", "5")],
                                      score: Double(10 + index % 5) / 3, at: at),
            ]
            let audit = AuditEntry(at: at, actorId: therapist.id, actorRole: .therapist, clientId: client.id, infoType: .clinical, action: .create,
                                   address: "127.0.0.1", detail: "visit note signed")
            try await notes.sign(id: note.id, assessmentJSON: writer.string, urgency: .routine, outcomes: outcomes, recordedBy: therapist.id, audit: audit, at: at)
        }
        let planned = Instant(milliseconds: now.milliseconds - 6 * week - 1)
        let plan = TreatmentPlan(clientId: client.id, intakeId: nil, goals: ["Garden for an hour without pain"],
                                 techniques: [.init(technique: .swedish, engineStatus: .suitable, chosen: true)], areas: [.lumbarLeft, .lumbarRight],
                                 pressure: .moderate, frequency: "once a week", visits: 8, reassessOn: now.utcDate.adding(days: 14), createdBy: therapist.id,
                                 createdAt: planned)
        _ = try await SQLTreatmentPlanRepository(database: database).save(plan, audit: AuditEntry(
            at: planned, actorId: therapist.id, actorRole: .therapist, clientId: client.id, infoType: .clinical, action: .create, address: "127.0.0.1",
            detail: "treatment plan"))
    }
}
