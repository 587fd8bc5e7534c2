import Accounting
import ArgumentParser
import Foundation
import Persistence

/// `peakzero users`: accounts, for the administrator at the server's terminal.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage accounts.",
        subcommands: [Create.self, List.self, Password.self, Disable.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account with one role: an administrator, or a role on a unit's or a region's subtree.",
            discussion: """
                Without --password-stdin a random password is made and printed once.
                Roles: viewer, reporter, reviewer, manager, verifier (with --unit or --region), or --admin.
                """)

        @OptionGroup var storage: StorageOptions

        @Argument(help: "The account's name (1–64 characters, no spaces).")
        var name: String

        @Flag(help: "An administrator: every unit, every action.")
        var admin = false

        @Option(help: "The role on the subtree of --unit or --region.")
        var role: String?

        @Option(help: "The code of the unit whose subtree the role covers.")
        var unit: String?

        @Option(help: "The GB/T 2260 region code whose units the role covers.")
        var region: String?

        @Flag(help: "Read the password from the first line of standard input (at least 10 characters).")
        var passwordStdin = false

        func validate() throws {
            if admin == (role != nil) { throw ValidationError("give either --admin or --role") }
            if let role, Role(rawValue: role) == nil || role == "admin" {
                throw ValidationError("unknown role \(role); use viewer, reporter, reviewer, manager or verifier")
            }
            if role != nil, (unit == nil) == (region == nil) {
                throw ValidationError("give --unit or --region with --role")
            }
        }

        func run() async throws {
            let password = passwordStdin ? (readLine(strippingNewline: true) ?? "") : AccountStore.generatedPassword()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let grant: RoleGrant
                if admin {
                    grant = .admin
                } else {
                    let unitID = try await unit.asyncMap { try await UnitStore(database).unit(code: $0).id }
                    grant = RoleGrant(role: Role(rawValue: role!)!, unitID: unitID, regionCode: region)
                }
                try await UsersCommand.reporting {
                    let account = try await AccountStore(database).create(
                        name: name, password: password, grants: [grant])
                    say("Created account \(account.name) (#\(account.id)).")
                }
                if !passwordStdin { say("Its password, shown this once: \(password)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the enabled accounts and their roles.")

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                var table = TextTable(header: ["#", "Account", "Roles", "Created"])
                for account in try await AccountStore(database).list() {
                    let roles = account.grants.map { grant in
                        grant.role.rawValue + (grant.unitID.map { " on unit #\($0)" } ?? "")
                            + (grant.regionCode.map { " in region \($0)" } ?? "")
                    }
                    table.rows.append([
                        String(account.id), account.name, roles.joined(separator: "; "), account.createdAt,
                    ])
                }
                say(table.render())
            }
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give an account a new password; its sessions end.",
            discussion: "Without --password-stdin a random password is made and printed once.")

        @OptionGroup var storage: StorageOptions

        @Argument(help: "The account's name.")
        var name: String

        @Flag(help: "Read the password from the first line of standard input (at least 10 characters).")
        var passwordStdin = false

        func run() async throws {
            let password = passwordStdin ? (readLine(strippingNewline: true) ?? "") : AccountStore.generatedPassword()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                try await UsersCommand.reporting {
                    try await AccountStore(database).setPassword(name: name, to: password)
                }
                say("New password set for \(name); its sessions have ended.")
                if !passwordStdin { say("The password, shown this once: \(password)") }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account: it can no longer sign in; its sessions end and its tokens are revoked.")

        @OptionGroup var storage: StorageOptions

        @Argument(help: "The account's name.")
        var name: String

        func run() async throws {
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                try await UsersCommand.reporting { try await AccountStore(database).disable(name: name) }
                say("Disabled \(name).")
            }
        }
    }

    /// Runs a change, turning the store's refusals into messages that say what was wrong.
    static func reporting(_ change: () async throws -> Void) async throws {
        do {
            try await change()
        } catch StoreError.invalid(let issues) {
            throw ValidationError(issues.map { $0.problem.text(in: .en) }.joined(separator: "\n"))
        } catch StoreError.notFound(_, let name) {
            throw ValidationError("no account named \(name)")
        } catch StoreError.conflict(let message) {
            throw ValidationError(message)
        }
    }
}
