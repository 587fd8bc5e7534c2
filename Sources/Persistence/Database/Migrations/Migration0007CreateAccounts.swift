/// Accounts, the roles they hold on a subtree, their web sessions and API tokens, and failed
/// sign-ins (for rate limiting). Secrets are stored only as hashes: Bcrypt for passwords, SHA-256
/// for the random session and token values.
enum Migration0007CreateAccounts {
    static let migration = Migration(version: 7, name: "CreateAccounts") { d in
        [
            """
            CREATE TABLE users (
                id \(d.neverReusedPrimaryKey),
                name TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                created_at TEXT NOT NULL,
                disabled_at TEXT
            )
            """,
            // A role on a unit's subtree or on a region code's; neither for an administrator.
            """
            CREATE TABLE role_grants (
                id \(d.neverReusedPrimaryKey),
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                unit_id \(d.bigint) REFERENCES units(id) ON DELETE CASCADE,
                region_code TEXT,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX role_grants_by_user ON role_grants (user_id)",
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY,
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE api_tokens (
                id \(d.neverReusedPrimaryKey),
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                revoked_at TEXT
            )
            """,
            """
            CREATE TABLE sign_in_failures (
                id \(d.identityPrimaryKey),
                account TEXT NOT NULL,
                address TEXT NOT NULL,
                failed_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX sign_in_failures_by_account ON sign_in_failures (account, failed_at)",
            "CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, failed_at)",
        ]
    }
}
