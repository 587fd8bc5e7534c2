import Accounting
import Foundation
import Hummingbird
import Persistence

/// The accounts page for managers and administrators, with the same rules as the accounts API:
/// a manager sees, makes and disables the accounts of its subtree only.
extension PageHandlers {
    func accountsPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await accountsResponse(request, context)
    }

    func createAccount(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        let t = renderer.strings.table(language)
        let scope = try await AccountsAPI.managedScope(context, database)
        let typedName = form["name"].trimmingCharacters(in: .whitespaces)
        let asked = AccountsAPI.NewGrant(role: form["role"], unitCode: form["unit"], regionCode: form["region"])
        let (grants, problems) = try await AccountsAPI.check([asked], in: scope, database, language)
        var messages = problems.map(\.message)
        let (name, homeProblem) = try await AccountsAPI.name(typedName, of: [asked], in: scope, database, language)
        if messages.isEmpty, let homeProblem { messages = [homeProblem] }
        if messages.isEmpty {
            let typed = form.fields["password"].flatMap { $0.isEmpty ? nil : $0 }
            let generated = typed == nil ? AccountStore.generatedPassword() : nil
            do {
                let account = try await accounts.create(name: name, password: typed ?? generated!, grants: grants)
                let created = (t[.accountsMade]).replacingOccurrences(of: "{name}", with: account.name)
                return try await accountsResponse(request, context, created: created, password: generated)
            } catch StoreError.invalid(let issues) {
                messages = issues.map { $0.problem.text(in: language) }
            } catch StoreError.conflict {
                messages = [(t[.accountsTaken]).replacingOccurrences(of: "{name}", with: name)]
            }
        }
        return try await accountsResponse(
            request, context, problems: messages, typed: (typedName, form["unit"], form["region"], asked.role),
            status: .unprocessableContent)
    }

    func disableAccount(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        _ = try await FormPost.read(request)
        let name = context.parameters.get("name") ?? ""
        let scope = try await AccountsAPI.managedScope(context, database)
        guard let account = try await accounts.account(named: name), account.id != (try context.signedIn.account.id),
            try await AccountsAPI.manages(scope, account, database)
        else { return notFound(request) }
        try await accounts.disable(name: name)
        return Self.redirect(to: SiteURL.accounts.link(request.language))
    }

    private func accountsResponse(
        _ request: Request, _ context: PeakZeroContext, created: String? = nil, password: String? = nil,
        problems: [String] = [], typed: (name: String, unit: String, region: String, role: String) = ("", "", "", ""),
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let scope = try await AccountsAPI.managedScope(context, database)
        let me = try context.signedIn.account
        var shown: [Account] = []
        for account in try await accounts.list() where try await AccountsAPI.manages(scope, account, database) {
            shown.append(account)
        }
        let named = try await units.units(ids: Set(shown.flatMap { $0.grants.compactMap(\.unitID) }))
        let rows = shown.map { account in
            AccountsPage.Row(
                name: account.name,
                roles: account.grants.map { grant in
                    let place =
                        grant.unitID.map { id in named[id].map { "\($0.code) \($0.name)" } ?? "#\(id)" }
                        ?? grant.regionCode ?? ""
                    return [t.text(forKey: "role_\(grant.role.rawValue)", else: grant.role.rawValue), place].filter { !$0.isEmpty }
                        .joined(separator: " · ")
                }.joined(separator: language.clauseSeparator),
                created: String(BeijingTime.show(account.createdAt).prefix(10)),
                disableAction: account.id == me.id ? nil : SiteURL.disableAccount(name: account.name).link(language))
        }
        let grantable = Role.allCases.filter { $0 != .admin || scope.isEverything }
        let model = AccountsPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.accountsTitle], current: .accounts,
                sameIn: { _ in .accounts }),
            rows: rows,
            roles: grantable.map {
                .init(
                    value: $0.rawValue, label: t.text(forKey: "role_\($0.rawValue)", else: $0.rawValue),
                    selected: $0.rawValue == typed.role)
            },
            createAction: SiteURL.accounts.link(language), name: typed.name, unit: typed.unit, region: typed.region,
            problems: problems, hasProblems: !problems.isEmpty, created: created, generatedPassword: password)
        return renderer.response(model, template: "accounts", status: status)
    }
}
