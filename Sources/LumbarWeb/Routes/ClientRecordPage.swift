import LumbarClinic
import LumbarCore

/// What a client's chart shows: the header on every section, and the one section asked for; `ClientRecordHTML`
/// writes its main part.
struct ClientRecordPage {
    /// The chart's sections, each its own short page under one header (`?section=`). Sub-pages rather than anchors in
    /// one long page: between clients the therapist gets a page a screen or two long whatever the record holds, one
    /// tap from any other section, and the server reads and draws only what that section shows (500 visits are read
    /// for the header's facts, but listed only on Visits).
    enum Section: String, CaseIterable, Sendable {
        case overview, visits, plan, program, outcomes, documents, billing

        var label: String {
            switch self {
            case .overview: return "Overview"
            case .visits: return "Visits"
            case .plan: return "Plan"
            case .program: return "Home program"
            case .outcomes: return "Outcomes"
            case .documents: return "Documents"
            case .billing: return "Billing"
            }
        }

        /// Sections only staff who see clinical records are shown.
        var isClinical: Bool { self != .overview && self != .billing && self != .documents }

        /// The section named in a query (`section=visits`); the overview for anything else.
        init(query: String?) { self = query.flatMap(Section.init(rawValue:)) ?? .overview }
    }

    struct NoteRow {
        let id: String
        let createdAt: String
        let authorName: String
        let body: String
        let amends: String?
        let reason: String?
    }

    struct VisitRow: Sendable {
        let id: String
        let when: String
        let author: String
        let status: String
        let pain: String?
        /// Today's findings in a therapist's words ("trigger points, hypertonic muscles"); nil with none.
        let findings: String?
        let amended: Bool
    }

    struct AppointmentRow {
        let id: String
        let when: String
        let service: String
        let therapist: String
        let status: String
    }

    /// A latest outcome score beside the first, in words ("Function (PSFS): 3.7, from 2.3 on ...").
    struct OutcomeLine: Sendable { let name: String; let text: String }

    let chrome: Chrome
    let client: Client
    let section: Section
    let header: ChartHeader
    /// Written consents treatment rests on that are missing (the header's list); the overview's table names only these
    /// among the consents not given.
    let missingConsents: [ConsentKind]
    /// The current plan's goals and progress: the Plan section.
    let plan: ChartSummary.PlanProgress?
    let dateOfBirth: String
    let therapists: [Account]
    let showsClinical: Bool
    let canWrite: Bool
    let canAssign: Bool
    let canInvite: Bool
    let assignField: [FieldView]
    let intake: IntakePanel
    /// Chart notes and their form: the Visits section.
    let notes: [NoteRow]
    let noteFields: [FieldView]
    /// Original visit notes, newest first: the Visits section.
    let visits: [VisitRow]
    /// The home-program diary in words: the Home program section.
    let homeProgram: String?
    /// Pain, function and disability over time: the Outcomes section.
    let progress: ProgressPanel?
    let outcomes: [OutcomeLine]
    /// Appointments from a month ago on: the Billing section.
    let appointments: [AppointmentRow]
    /// Documents kept with the record, when that count is known.
    let documentCount: Int?
    /// The newest documents not withdrawn, for the Documents section: what it is, and who added it when.
    var recentDocuments: [DocumentLine] = []

    struct DocumentLine: Sendable { let id: String; let name: String; let detail: String }
    /// The viewer's own unsigned note on this chart, newest, offered before a new one is started.
    var resumeDraft: DraftLink?

    struct DraftLink: Sendable { let id: String; let started: String }
}
