import Hummingbird
import Persistence

extension AccountsAPI {
    /// The accounts API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<AccountsAPI>] = [
        APIEndpoint(
            .listAccounts, .get, "/api/v1/accounts", subject: .narrowedByHandler, change: .accounts,
            summary:
                "Accounts with their roles: all for an administrator; for a manager, those whose roles all lie in its subtree",
            tag: "accounts", response: .page(Account.self)
        ) { $0.list },
        APIEndpoint(
            .createAccount, .post, "/api/v1/accounts", subject: .narrowedByHandler, change: .accounts,
            summary:
                "Create an account: `name`, `password` (at least 10 characters; left out, one is generated and shown this once), `grants` of `role` on a `unit_code` or `region_code` within the manager's subtree",
            success: .created, tag: "accounts", body: .json(AccountsAPI.NewAccount.self), response: .json(AccountsAPI.Created.self)
        ) { $0.create },
        APIEndpoint(
            .disableAccount, .post, "/api/v1/accounts/{name}/disable", subject: .narrowedByHandler, change: .accounts,
            summary: "Disable an account of the subtree: its sessions end and its tokens are revoked",
            success: .noContent, tag: "accounts"
        ) { $0.disable },
    ]
}

extension PageHandlers {
    /// The accounts pages: what each serves, what it is about and what it changes.
    static let accountsPages: [PageEndpoint] = [
        PageEndpoint(.accounts, .get, "/accounts", subject: .narrowedByHandler, change: .accounts) { $0.accountsPage },
        PageEndpoint(.accountCreate, .post, "/accounts", subject: .narrowedByHandler, change: .accounts) {
            $0.createAccount
        },
        PageEndpoint(.accountDisable, .post, "/accounts/{name}/disable", subject: .narrowedByHandler, change: .accounts)
        { $0.disableAccount },
    ]
}
