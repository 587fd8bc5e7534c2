import ArgumentParser
import Foundation
import Persistence

/// `peakzero users`: accounts, for the administrator at the server's terminal.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage accounts.", subcommands: [Create.self])

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
                let account: Account
                do {
                    account = try await AccountStore(database).create(name: name, password: password, grants: [grant])
                } catch StoreError.invalid(let issues) {
                    throw ValidationError(issues.map { $0.problem.text(in: .en) }.joined(separator: "\n"))
                } catch StoreError.conflict(let message) {
                    throw ValidationError(message)
                }
                say("Created account \(account.name) (#\(account.id)).")
                if !passwordStdin { say("Its password, shown this once: \(password)") }
            }
        }
    }
}
