/// Every migration, in order. Never edit a shipped step: add a new one.
/// Instants are BIGINT milliseconds since 1970 (UTC); flags are INTEGER 0/1, the same on both engines.
public enum Schema {
    /// Longer than any appointment with its turnover can occupy (a service is at most 480 minutes), in milliseconds:
    /// the lower bound that lets overlap checks and time-window reads use the starts_at indexes.
    static let longestOccupancy: Int64 = 172_800_000

    public static let migrations: [Migration] = [
        Migration(1, "clinic, accounts, sessions, audit log") { dialect in
            [
                """
                CREATE TABLE clinic (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    name TEXT NOT NULL, address TEXT NOT NULL, time_zone TEXT NOT NULL, hst_number TEXT,
                    shared_care INTEGER NOT NULL DEFAULT 0, acute_weeks INTEGER NOT NULL DEFAULT 4,
                    created_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE accounts (
                    id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('owner', 'therapist', 'front-desk', 'client')),
                    password_hash TEXT NOT NULL, college_registration TEXT,
                    totp_secret TEXT, totp_enabled INTEGER NOT NULL DEFAULT 0,
                    failed_logins INTEGER NOT NULL DEFAULT 0, locked_until BIGINT,
                    active INTEGER NOT NULL DEFAULT 1, created_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE recovery_codes (
                    account_id TEXT NOT NULL REFERENCES accounts(id), code_hash TEXT NOT NULL, used_at BIGINT,
                    PRIMARY KEY (account_id, code_hash))
                """,
                """
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
                    csrf_token TEXT NOT NULL, second_factor_done INTEGER NOT NULL DEFAULT 0,
                    created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, address TEXT NOT NULL)
                """,
                "CREATE INDEX sessions_account ON sessions(account_id)",
                """
                CREATE TABLE login_attempts (
                    id \(dialect.serialKey), email TEXT NOT NULL, address TEXT NOT NULL, at BIGINT NOT NULL,
                    succeeded INTEGER NOT NULL)
                """,
                "CREATE INDEX login_attempts_address ON login_attempts(address, at)",
                """
                CREATE TABLE password_resets (
                    token_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
                    expires_at BIGINT NOT NULL, used_at BIGINT)
                """,
                """
                CREATE TABLE api_tokens (
                    id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id), name TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, revoked_at BIGINT, last_used_at BIGINT)
                """,
                """
                CREATE TABLE clients (
                    id TEXT PRIMARY KEY, account_id TEXT UNIQUE REFERENCES accounts(id),
                    first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL,
                    date_of_birth TEXT, emergency_contact TEXT NOT NULL, created_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE care_assignments (
                    therapist_id TEXT NOT NULL REFERENCES accounts(id), client_id TEXT NOT NULL REFERENCES clients(id),
                    created_at BIGINT NOT NULL, PRIMARY KEY (therapist_id, client_id))
                """,
                """
                CREATE TABLE chart_notes (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id),
                    author_id TEXT NOT NULL REFERENCES accounts(id), body TEXT NOT NULL, created_at BIGINT NOT NULL,
                    amends TEXT REFERENCES chart_notes(id), reason TEXT)
                """,
                "CREATE INDEX chart_notes_client ON chart_notes(client_id, created_at)",
                """
                CREATE TABLE audit_log (
                    id \(dialect.serialKey), at BIGINT NOT NULL, actor_id TEXT, actor_role TEXT, client_id TEXT,
                    info_type TEXT NOT NULL, action TEXT NOT NULL, address TEXT NOT NULL, detail TEXT NOT NULL)
                """,
                "CREATE INDEX audit_log_client ON audit_log(client_id, at)",
                "CREATE INDEX audit_log_actor ON audit_log(actor_id, at)",
            ] + dialect.appendOnly("audit_log") + dialect.appendOnly("chart_notes")
        },
        Migration(2, "scheduling: locations, rooms, services, hours, appointments, outbox, calendar feeds") { dialect in
            [
                """
                CREATE TABLE locations (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL, time_zone TEXT NOT NULL,
                    active INTEGER NOT NULL DEFAULT 1, created_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE rooms (
                    id TEXT PRIMARY KEY, location_id TEXT NOT NULL REFERENCES locations(id), name TEXT NOT NULL,
                    active INTEGER NOT NULL DEFAULT 1)
                """,
                """
                CREATE TABLE services (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, minutes INTEGER NOT NULL CHECK (minutes > 0),
                    buffer_minutes INTEGER NOT NULL CHECK (buffer_minutes >= 0), price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
                    tax_basis_points INTEGER NOT NULL CHECK (tax_basis_points >= 0), online INTEGER NOT NULL,
                    audience TEXT NOT NULL CHECK (audience IN ('new', 'returning', 'any')), active INTEGER NOT NULL DEFAULT 1)
                """,
                """
                CREATE TABLE working_hours (
                    id \(dialect.serialKey), therapist_id TEXT NOT NULL REFERENCES accounts(id),
                    location_id TEXT NOT NULL REFERENCES locations(id), weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
                    start_minute INTEGER NOT NULL, end_minute INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('work', 'break')),
                    CHECK (0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440))
                """,
                "CREATE INDEX working_hours_therapist ON working_hours(therapist_id, location_id)",
                """
                CREATE TABLE time_off (
                    id TEXT PRIMARY KEY, therapist_id TEXT NOT NULL REFERENCES accounts(id), starts_at BIGINT NOT NULL,
                    ends_at BIGINT NOT NULL, note TEXT NOT NULL, CHECK (starts_at < ends_at))
                """,
                """
                CREATE TABLE booking_rules (
                    id INTEGER PRIMARY KEY CHECK (id = 1), minimum_notice_minutes INTEGER NOT NULL, maximum_advance_days INTEGER NOT NULL,
                    slot_step_minutes INTEGER NOT NULL, cancellation_window_hours INTEGER NOT NULL, late_cancellation_fee_cents INTEGER NOT NULL)
                """,
                "INSERT INTO booking_rules VALUES (1, 120, 60, 15, 24, 0)",
                """
                CREATE TABLE appointments (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), therapist_id TEXT NOT NULL REFERENCES accounts(id),
                    location_id TEXT NOT NULL REFERENCES locations(id), room_id TEXT REFERENCES rooms(id),
                    service_id TEXT NOT NULL REFERENCES services(id), starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,
                    occupied_until BIGINT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('booked', 'arrived', 'completed', 'no-show', 'cancelled', 'late-cancelled')),
                    fee_cents INTEGER NOT NULL DEFAULT 0, booked_by TEXT NOT NULL REFERENCES accounts(id), created_at BIGINT NOT NULL,
                    changed_at BIGINT NOT NULL, series_id TEXT,
                    CHECK (starts_at < ends_at AND ends_at <= occupied_until))
                """,
                "CREATE INDEX appointments_therapist_time ON appointments(therapist_id, starts_at)",
                "CREATE INDEX appointments_client ON appointments(client_id, starts_at)",
                """
                CREATE TABLE outbox (
                    id \(dialect.serialKey), recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
                    calendar TEXT, created_at BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL,
                    claimed_until BIGINT, sent_at BIGINT, last_error TEXT)
                """,
                "CREATE INDEX outbox_due ON outbox(sent_at, next_attempt_at)",
                """
                CREATE TABLE calendar_feeds (
                    token_hash TEXT PRIMARY KEY, therapist_id TEXT NOT NULL REFERENCES accounts(id), created_at BIGINT NOT NULL,
                    revoked_at BIGINT)
                """,
            ] + dialect.appointmentExclusion()
        },
        Migration(3, "appointment reminders") { _ in
            ["ALTER TABLE appointments ADD COLUMN reminded_at BIGINT"]
        },
        Migration(4, "waitlist") { _ in
            [
                """
                CREATE TABLE waitlist (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), appointment_id TEXT REFERENCES appointments(id),
                    service_id TEXT NOT NULL REFERENCES services(id), location_id TEXT NOT NULL REFERENCES locations(id), therapist_id TEXT,
                    earlier_than BIGINT NOT NULL, created_at BIGINT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('waiting', 'offered', 'accepted', 'expired', 'withdrawn')),
                    offer_start BIGINT, offer_therapist_id TEXT, offer_expires_at BIGINT, offer_token_hash TEXT)
                """,
                "CREATE INDEX waitlist_status ON waitlist(status, created_at)",
                "ALTER TABLE booking_rules ADD COLUMN waitlist_hold_minutes INTEGER NOT NULL DEFAULT 120",
            ]
        },
        Migration(5, "intake, health history, questionnaires, triage actions, consents") { dialect in
            [
                """
                CREATE TABLE intakes (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), answers TEXT NOT NULL, step TEXT NOT NULL,
                    created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, submitted_at BIGINT, input_json TEXT, result_json TEXT,
                    urgency TEXT CHECK (urgency IN ('none', 'routine', 'urgent', 'emergency')),
                    decision TEXT CHECK (decision IN ('proceed', 'modify', 'defer')), started_by TEXT REFERENCES accounts(id))
                """,
                "CREATE INDEX intakes_client ON intakes(client_id, created_at)",
                """
                CREATE TABLE intake_kiosk_tokens (
                    token_hash TEXT PRIMARY KEY, intake_id TEXT NOT NULL REFERENCES intakes(id), created_by TEXT NOT NULL REFERENCES accounts(id),
                    created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE health_histories (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), intake_id TEXT REFERENCES intakes(id),
                    answers TEXT NOT NULL, created_at BIGINT NOT NULL, recorded_by TEXT REFERENCES accounts(id))
                """,
                "CREATE INDEX health_histories_client ON health_histories(client_id, created_at)",
                """
                CREATE TABLE questionnaire_definitions (
                    id TEXT PRIMARY KEY, instrument TEXT NOT NULL, version TEXT NOT NULL, body TEXT NOT NULL,
                    loaded_by TEXT NOT NULL REFERENCES accounts(id), loaded_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE questionnaire_responses (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), intake_id TEXT REFERENCES intakes(id),
                    instrument TEXT NOT NULL, definition_version TEXT NOT NULL, answers TEXT NOT NULL, score DOUBLE PRECISION NOT NULL,
                    created_at BIGINT NOT NULL, recorded_by TEXT REFERENCES accounts(id))
                """,
                "CREATE INDEX questionnaire_responses_client ON questionnaire_responses(client_id, instrument, created_at)",
                """
                CREATE TABLE referral_actions (
                    id TEXT PRIMARY KEY, intake_id TEXT NOT NULL REFERENCES intakes(id), client_id TEXT NOT NULL REFERENCES clients(id),
                    kind TEXT NOT NULL CHECK (kind IN ('referred', 'outcome', 'cleared', 'note')), recipient TEXT NOT NULL, detail TEXT NOT NULL,
                    recorded_by TEXT NOT NULL REFERENCES accounts(id), at BIGINT NOT NULL)
                """,
                "CREATE INDEX referral_actions_intake ON referral_actions(intake_id, at)",
                """
                CREATE TABLE consents (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id),
                    kind TEXT NOT NULL CHECK (kind IN ('treatment', 'gluteal', 'gluteal-verbal', 'inner-thigh', 'chest-wall')),
                    intake_id TEXT REFERENCES intakes(id), appointment_id TEXT REFERENCES appointments(id), text_version TEXT NOT NULL,
                    text_body TEXT NOT NULL, signer_name TEXT NOT NULL, signature TEXT NOT NULL CHECK (signature IN ('typed', 'drawn', 'verbal')),
                    signature_data TEXT NOT NULL, recorded_by TEXT REFERENCES accounts(id), at BIGINT NOT NULL, withdraws TEXT REFERENCES consents(id))
                """,
                "CREATE INDEX consents_client ON consents(client_id, at)",
                "ALTER TABLE clinic ADD COLUMN intake_screens TEXT NOT NULL DEFAULT ''",
            ] + ["health_histories", "questionnaire_definitions", "questionnaire_responses", "referral_actions", "consents"].flatMap(dialect.appendOnly)
                + dialect.fixedOnceSubmitted("intakes")
        },
        Migration(6, "home programs, the client's diary, reminders") { dialect in
            [
                """
                CREATE TABLE home_programs (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), version INTEGER NOT NULL,
                    intake_id TEXT REFERENCES intakes(id), items TEXT NOT NULL, note TEXT NOT NULL, injured_at BIGINT,
                    created_by TEXT NOT NULL REFERENCES accounts(id), created_at BIGINT NOT NULL, UNIQUE (client_id, version))
                """,
                """
                CREATE TABLE program_logs (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), program_id TEXT NOT NULL REFERENCES home_programs(id),
                    day TEXT NOT NULL, done TEXT NOT NULL CHECK (done IN ('yes', 'partly', 'no')), pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
                    note TEXT NOT NULL, created_at BIGINT NOT NULL)
                """,
                "CREATE INDEX program_logs_client ON program_logs(client_id, day)",
                """
                CREATE TABLE program_reminders (
                    client_id TEXT PRIMARY KEY REFERENCES clients(id), minute_of_day INTEGER NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),
                    enabled INTEGER NOT NULL, last_sent_on TEXT, updated_at BIGINT NOT NULL)
                """,
            ] + ["home_programs", "program_logs"].flatMap(dialect.appendOnly)
        },
        Migration(7, "visit notes (SOAP) with body chart, signed and amended") { dialect in
            [
                """
                CREATE TABLE visit_notes (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), appointment_id TEXT REFERENCES appointments(id),
                    author_id TEXT NOT NULL REFERENCES accounts(id), status TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
                    pain_now INTEGER CHECK (pain_now BETWEEN 0 AND 10), subjective TEXT NOT NULL, home_program TEXT NOT NULL, findings TEXT NOT NULL,
                    objective TEXT NOT NULL, range_of_motion TEXT NOT NULL, tests TEXT NOT NULL, body_chart TEXT NOT NULL, assessment_json TEXT,
                    urgency TEXT, plan TEXT NOT NULL, techniques TEXT NOT NULL, gluteal_verbal INTEGER NOT NULL, created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL, signed_at BIGINT, amends TEXT REFERENCES visit_notes(id), amend_reason TEXT)
                """,
                "CREATE INDEX visit_notes_client ON visit_notes(client_id, created_at)",
            ] + dialect.fixedOnceSigned("visit_notes")
        },
        Migration(8, "functional scale ratings at visits") { _ in
            ["ALTER TABLE visit_notes ADD COLUMN psfs TEXT NOT NULL DEFAULT ''"]
        },
        Migration(9, "payments and receipts") { dialect in
            [
                """
                CREATE TABLE payments (
                    id TEXT PRIMARY KEY, appointment_id TEXT NOT NULL REFERENCES appointments(id), client_id TEXT NOT NULL REFERENCES clients(id),
                    amount_cents INTEGER NOT NULL, method TEXT NOT NULL CHECK (method IN ('cash', 'debit', 'credit', 'e-transfer')),
                    received_at BIGINT NOT NULL, recorded_by TEXT NOT NULL REFERENCES accounts(id))
                """,
                "CREATE INDEX payments_appointment ON payments(appointment_id)",
                "CREATE TABLE receipt_counter (id INTEGER PRIMARY KEY CHECK (id = 1), last_number INTEGER NOT NULL)",
                "INSERT INTO receipt_counter VALUES (1, 0)",
                """
                CREATE TABLE receipts (
                    id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, appointment_id TEXT NOT NULL REFERENCES appointments(id),
                    client_id TEXT NOT NULL REFERENCES clients(id), issued_at BIGINT NOT NULL, issued_by TEXT NOT NULL REFERENCES accounts(id),
                    duplicate_of TEXT REFERENCES receipts(id))
                """,
                "CREATE INDEX receipts_appointment ON receipts(appointment_id)",
            ] + ["payments", "receipts"].flatMap(dialect.appendOnly)
        },
        Migration(10, "treatment plans") { dialect in
            [
                """
                CREATE TABLE treatment_plans (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), intake_id TEXT REFERENCES intakes(id), version INTEGER NOT NULL,
                    goals TEXT NOT NULL, techniques TEXT NOT NULL, areas TEXT NOT NULL, pressure TEXT NOT NULL, frequency TEXT NOT NULL,
                    visits INTEGER NOT NULL, reassess_on TEXT NOT NULL, created_by TEXT NOT NULL REFERENCES accounts(id), created_at BIGINT NOT NULL,
                    UNIQUE (client_id, version))
                """,
            ] + dialect.appendOnly("treatment_plans")
        },
        Migration(11, "no-overlap checks that use indexes") { dialect in dialect.appointmentExclusionIndexed() },
        Migration(12, "appointments by time, for the day's calendar and availability") { _ in
            ["CREATE INDEX appointments_time ON appointments(starts_at)"]
        },
        Migration(13, "the last two-step time step accepted per account, so a code works once") { _ in
            ["ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT"]
        },
        Migration(14, "appointment revisions for calendar SEQUENCE; outbox recipient names and stable Message-IDs") { _ in
            [
                "ALTER TABLE appointments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE outbox ADD COLUMN recipient_name TEXT",
                "ALTER TABLE outbox ADD COLUMN message_id TEXT",
            ]
        },
        Migration(15, "unconfirmed clinical rules the owner switched off") { _ in
            ["ALTER TABLE clinic ADD COLUMN rules_off TEXT NOT NULL DEFAULT ''"]
        },
        Migration(16, "time off is marked removed, not deleted") { _ in
            ["ALTER TABLE time_off ADD COLUMN removed_at BIGINT", "ALTER TABLE time_off ADD COLUMN removed_by TEXT REFERENCES accounts(id)"]
        },
        Migration(17, "locations, rooms, services and staff retired (kept for the records); staff invitations pending") { _ in
            [
                "ALTER TABLE locations ADD COLUMN retired_at BIGINT", "ALTER TABLE rooms ADD COLUMN retired_at BIGINT",
                "ALTER TABLE services ADD COLUMN retired_at BIGINT", "ALTER TABLE accounts ADD COLUMN retired_at BIGINT",
                "ALTER TABLE accounts ADD COLUMN invitation_pending INTEGER NOT NULL DEFAULT 0",
            ]
        },
        Migration(18, "client search keys, filled from the clients already there", backfill: SQLClientRepository.indexAll) { dialect in
            // Keys are compared byte by byte on both engines, so a typed prefix is one index range.
            let bytes = dialect.engine == .postgres ? " COLLATE \"C\"" : ""
            return [
                """
                CREATE TABLE client_search_terms (
                    term TEXT\(bytes) NOT NULL, sort_name TEXT\(bytes) NOT NULL, client_id TEXT NOT NULL REFERENCES clients(id),
                    name_words TEXT NOT NULL)
                """,
                "CREATE INDEX client_search_terms_term ON client_search_terms(term, sort_name, client_id)",
                "CREATE INDEX client_search_terms_client ON client_search_terms(client_id)",
                "CREATE INDEX clients_registered ON clients(created_at, id)",
            ]
        },
        Migration(19, "when the client confirmed an appointment") { _ in
            ["ALTER TABLE appointments ADD COLUMN confirmed_at BIGINT"]
        },
        Migration(20, "why an appointment was cancelled (plain words, not clinical)") { _ in
            ["ALTER TABLE appointments ADD COLUMN cancel_reason TEXT"]
        },
        // The keys are derived from the clients' rows, so they are made again whole when what is derived changes.
        Migration(21, "client search keys again, with a phone number's last four digits", backfill: SQLClientRepository.indexAll) { _ in
            ["DELETE FROM client_search_terms"]
        },
        // "maya l" walks the "l" keys checking each row's other name words: with them in the index, no row is fetched to check.
        Migration(22, "client search index covers the other name words") { _ in
            ["DROP INDEX client_search_terms_term",
             "CREATE INDEX client_search_terms_term ON client_search_terms(term, sort_name, client_id, name_words)"]
        },
        // The bytes live in a table of their own, so listing a client's documents never reads them; all three tables
        // only grow: a mistaken upload is withdrawn by a row in document_withdrawals, never changed or deleted.
        Migration(23, "documents kept with a client's record, their contents and withdrawals; the owner's size limit") { dialect in
            [
                """
                CREATE TABLE documents (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), file_name TEXT NOT NULL,
                    media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
                    size BIGINT NOT NULL, sha256 TEXT NOT NULL, sha1 TEXT NOT NULL, description TEXT,
                    added_by TEXT NOT NULL REFERENCES accounts(id), added_by_name TEXT NOT NULL, added_at BIGINT NOT NULL)
                """,
                "CREATE INDEX documents_client ON documents(client_id, added_at)",
                """
                CREATE TABLE document_contents (
                    document_id TEXT PRIMARY KEY REFERENCES documents(id), content \(dialect.engine == .sqlite ? "BLOB" : "BYTEA") NOT NULL)
                """,
                """
                CREATE TABLE document_withdrawals (
                    document_id TEXT PRIMARY KEY REFERENCES documents(id), reason TEXT NOT NULL,
                    by_id TEXT NOT NULL REFERENCES accounts(id), by_name TEXT NOT NULL, at BIGINT NOT NULL)
                """,
                "CREATE TABLE document_settings (id INTEGER PRIMARY KEY CHECK (id = 1), max_megabytes INTEGER NOT NULL)",
            ] + ["documents", "document_contents", "document_withdrawals"].flatMap(dialect.appendOnly)
        },
        Migration(24, "visit-note templates, the clinic's and each therapist's") { _ in
            [
                """
                CREATE TABLE note_templates (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, owner_id TEXT REFERENCES accounts(id), service_id TEXT REFERENCES services(id),
                    subjective TEXT NOT NULL, objective TEXT NOT NULL, plan TEXT NOT NULL, techniques TEXT NOT NULL, updated_at BIGINT NOT NULL,
                    retired_at BIGINT)
                """,
            ]
        },
        Migration(25, "the ledger: invoices, voids, payments, refunds, credit, packages, gift certificates and receipts of invoices",
                  backfill: SQLBillingRepository.carryForward) { dialect in
            [
                "CREATE TABLE invoice_counter (id INTEGER PRIMARY KEY CHECK (id = 1), last_number INTEGER NOT NULL)",
                "INSERT INTO invoice_counter VALUES (1, 0)",
                """
                CREATE TABLE invoices (
                    id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, client_id TEXT NOT NULL REFERENCES clients(id),
                    kind TEXT NOT NULL CHECK (kind IN ('visit', 'fee', 'package', 'gift')), appointment_id TEXT REFERENCES appointments(id),
                    location_id TEXT REFERENCES locations(id), therapist_id TEXT REFERENCES accounts(id), service_id TEXT REFERENCES services(id),
                    issued_at BIGINT NOT NULL, issued_by TEXT NOT NULL REFERENCES accounts(id),
                    subtotal_cents INTEGER NOT NULL CHECK (subtotal_cents >= 0), tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0),
                    clinic_name TEXT NOT NULL, clinic_address TEXT NOT NULL, hst_number TEXT, therapist_name TEXT NOT NULL,
                    therapist_registration TEXT NOT NULL)
                """,
                "CREATE INDEX invoices_client ON invoices(client_id, issued_at)",
                "CREATE INDEX invoices_issued ON invoices(issued_at)",
                "CREATE INDEX invoices_appointment ON invoices(appointment_id)",
                """
                CREATE TABLE invoice_lines (
                    invoice_id TEXT NOT NULL REFERENCES invoices(id), position INTEGER NOT NULL, description TEXT NOT NULL,
                    subtotal_cents INTEGER NOT NULL CHECK (subtotal_cents >= 0), tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0),
                    PRIMARY KEY (invoice_id, position))
                """,
                """
                CREATE TABLE invoice_voids (
                    invoice_id TEXT PRIMARY KEY REFERENCES invoices(id), reason TEXT NOT NULL, voided_by TEXT NOT NULL REFERENCES accounts(id),
                    voided_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE ledger_payments (
                    id TEXT PRIMARY KEY, invoice_id TEXT NOT NULL REFERENCES invoices(id), client_id TEXT NOT NULL REFERENCES clients(id),
                    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
                    method TEXT NOT NULL CHECK (method IN ('cash', 'debit', 'credit', 'e-transfer', 'gift', 'account', 'package')),
                    gift_certificate_id TEXT, package_id TEXT, received_at BIGINT NOT NULL, recorded_by TEXT NOT NULL REFERENCES accounts(id))
                """,
                "CREATE INDEX ledger_payments_client ON ledger_payments(client_id)",
                "CREATE INDEX ledger_payments_invoice ON ledger_payments(invoice_id)",
                "CREATE INDEX ledger_payments_received ON ledger_payments(received_at)",
                "CREATE INDEX ledger_payments_gift ON ledger_payments(gift_certificate_id)",
                """
                CREATE TABLE refunds (
                    id TEXT PRIMARY KEY, payment_id TEXT NOT NULL REFERENCES ledger_payments(id), invoice_id TEXT NOT NULL REFERENCES invoices(id),
                    client_id TEXT NOT NULL REFERENCES clients(id), amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
                    method TEXT NOT NULL CHECK (method IN ('cash', 'debit', 'credit', 'e-transfer', 'gift', 'account', 'package')),
                    reason TEXT NOT NULL, refunded_at BIGINT NOT NULL, refunded_by TEXT NOT NULL REFERENCES accounts(id))
                """,
                "CREATE INDEX refunds_client ON refunds(client_id)",
                "CREATE INDEX refunds_at ON refunds(refunded_at)",
                """
                CREATE TABLE credit_entries (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
                    method TEXT, payment_id TEXT REFERENCES ledger_payments(id), refund_id TEXT REFERENCES refunds(id), note TEXT NOT NULL,
                    at BIGINT NOT NULL, by_id TEXT NOT NULL REFERENCES accounts(id))
                """,
                "CREATE INDEX credit_entries_client ON credit_entries(client_id)",
                "CREATE INDEX credit_entries_at ON credit_entries(at)",
                """
                CREATE TABLE package_plans (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, service_id TEXT NOT NULL REFERENCES services(id),
                    visits INTEGER NOT NULL CHECK (visits > 0), price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
                    tax_basis_points INTEGER NOT NULL CHECK (tax_basis_points >= 0), valid_days INTEGER NOT NULL CHECK (valid_days > 0),
                    retired INTEGER NOT NULL DEFAULT 0)
                """,
                """
                CREATE TABLE packages (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), plan_id TEXT NOT NULL REFERENCES package_plans(id),
                    name TEXT NOT NULL, service_id TEXT NOT NULL REFERENCES services(id), visits INTEGER NOT NULL CHECK (visits > 0),
                    expires_at BIGINT NOT NULL, invoice_id TEXT NOT NULL REFERENCES invoices(id), sold_at BIGINT NOT NULL)
                """,
                "CREATE INDEX packages_client ON packages(client_id)",
                """
                CREATE TABLE package_uses (
                    package_id TEXT NOT NULL REFERENCES packages(id), invoice_id TEXT NOT NULL REFERENCES invoices(id),
                    PRIMARY KEY (package_id, invoice_id))
                """,
                """
                CREATE TABLE gift_certificates (
                    id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
                    invoice_id TEXT NOT NULL REFERENCES invoices(id), recipient TEXT NOT NULL, sold_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE invoice_receipts (
                    id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, invoice_id TEXT NOT NULL REFERENCES invoices(id),
                    client_id TEXT NOT NULL REFERENCES clients(id), issued_at BIGINT NOT NULL, issued_by TEXT NOT NULL REFERENCES accounts(id),
                    duplicate_of TEXT REFERENCES invoice_receipts(id))
                """,
                "CREATE INDEX invoice_receipts_client ON invoice_receipts(client_id)",
                "CREATE INDEX invoice_receipts_invoice ON invoice_receipts(invoice_id)",
            ] + ["invoices", "invoice_lines", "invoice_voids", "ledger_payments", "refunds", "credit_entries", "packages", "package_uses",
                 "gift_certificates", "invoice_receipts"].flatMap(dialect.appendOnly)
        },
        Migration(26, "reports: each therapist's pay rule (a share of revenue or an amount per visit), and the indexes reports read by") { _ in
            [
                """
                CREATE TABLE compensation_rules (
                    therapist_id TEXT PRIMARY KEY REFERENCES accounts(id), kind TEXT NOT NULL CHECK (kind IN ('percent', 'per-visit')),
                    basis_points INTEGER NOT NULL CHECK (basis_points BETWEEN 0 AND 10000), cents_per_visit INTEGER NOT NULL CHECK (cents_per_visit >= 0),
                    updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL REFERENCES accounts(id))
                """,
                "CREATE INDEX invoices_location_issued ON invoices(location_id, issued_at)",
                "CREATE INDEX appointments_location_time ON appointments(location_id, starts_at)",
            ]
        },
        Migration(27, "reports: each invoice, payment and void's change to what is owed, so the amount owed at a moment is one indexed sum; covering indexes for revenue",
                  backfill: SQLBillingRepository.fillBalanceChanges) { dialect in
            [
                """
                CREATE TABLE ledger_balance_changes (
                    source TEXT PRIMARY KEY, at BIGINT NOT NULL, location_id TEXT REFERENCES locations(id),
                    owed_cents BIGINT NOT NULL, owing INTEGER NOT NULL CHECK (owing BETWEEN -1 AND 1))
                """,
                "CREATE INDEX ledger_balance_changes_at ON ledger_balance_changes(at, owed_cents, owing)",
                "CREATE INDEX ledger_balance_changes_location ON ledger_balance_changes(location_id, at, owed_cents, owing)",
                // Revenue reads only these columns of a span of invoices, so it never has to open the wide invoice rows.
                "CREATE INDEX invoices_revenue ON invoices(issued_at, kind, id, therapist_id, service_id, location_id, subtotal_cents, tax_cents)",
                """
                CREATE INDEX invoices_revenue_location ON invoices(location_id, issued_at, kind, id, therapist_id, service_id, subtotal_cents, tax_cents)
                """,
                "CREATE INDEX ledger_payments_invoice_method ON ledger_payments(invoice_id, method)",
            ] + dialect.appendOnly("ledger_balance_changes")
        },
        Migration(28, "reports: revenue kept by location and local day, summed from the ledger (derived rows, not ledger entries); a covering index for bookings",
                  backfill: SQLRevenueDays.rebuildAll) { _ in
            [
                """
                CREATE TABLE revenue_days (
                    location_id TEXT NOT NULL, day INTEGER NOT NULL, part TEXT NOT NULL CHECK (part IN ('i', 'r', 'g')),
                    therapist_id TEXT NOT NULL, service_id TEXT NOT NULL,
                    subtotal_cents BIGINT NOT NULL, tax_cents BIGINT NOT NULL, invoices INTEGER NOT NULL, covered INTEGER NOT NULL,
                    visits INTEGER NOT NULL, refunded_cents BIGINT NOT NULL, gift_cents BIGINT NOT NULL, gifts INTEGER NOT NULL,
                    PRIMARY KEY (location_id, day, part, therapist_id, service_id))
                """,
                "CREATE INDEX revenue_days_day ON revenue_days(day)",
                "CREATE TABLE revenue_day_zones (location_id TEXT PRIMARY KEY, zone TEXT NOT NULL)",
                // The bookings report reads only these columns of a span of appointments.
                "CREATE INDEX appointments_tally ON appointments(location_id, starts_at, therapist_id, status, ends_at)",
            ]
        },
    ]
}
