/// Every migration, in order. Never edit a shipped step: add a new one.
/// Instants are BIGINT milliseconds since 1970 (UTC); flags are INTEGER 0/1, the same on both engines.
public enum Schema {
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
    ]
}
