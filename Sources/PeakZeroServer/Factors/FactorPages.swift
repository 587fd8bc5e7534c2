import Accounting
import Foundation
import Hummingbird
import Persistence

/// The factor library: every factor PeakZero may use, bundled or uploaded, with its grade and its
/// source, narrowed by kind, item, grade or set; and the user's own sets, added and removed here.
extension PageHandlers {
    func factors(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let filter = FactorFilter(request.uri.queryParameters)
        let added = request.uri.queryParameters.get("added").map { String($0) }
        return try await renderer.response(factorPage(request, filter: filter, added: added), template: "factors")
    }

    /// Checks an uploaded set with the same loader `peakzero calc --factors` uses, then stores it.
    func uploadFactorSet(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        guard let upload = try await FileUpload.read(request, context) else {
            return try await refused(request, problem: renderer.strings.text(.noFile, language), name: "")
        }
        let fileName = IntakeAPI.safeName(upload.file.fileName ?? "factors.csv")
        let typedName = upload.field("name").trimmingCharacters(in: .whitespacesAndNewlines)
        // Without a name the set is called after its file.
        let name = typedName.isEmpty ? (fileName as NSString).deletingPathExtension : typedName
        do {
            let text = try UserFile.text(upload.file.data, file: fileName)
            let stored = try await FactorSetStore(database).add(name: name, csv: text, file: fileName)
            return Self.redirect(to: SiteURL.factors(FactorFilter(set: stored.name), added: stored.name).link(language))
        } catch let error as InputIssues {
            return try await refused(request, issues: error.issues, name: typedName)
        } catch StoreError.invalid(let issues) {
            return try await refused(request, issues: issues, name: typedName)
        } catch StoreError.conflict {
            let problem = renderer.strings.text(.factorSetExists, language).replacingOccurrences(
                of: "{name}", with: name)
            return try await refused(request, problem: problem, name: typedName)
        }
    }

    func deleteFactorSet(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        _ = try await FormPost.read(request)
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        do { try await FactorSetStore(database).delete(id: id) } catch StoreError.notFound { return notFound(request) }
        return Self.redirect(to: SiteURL.factors(FactorFilter(), added: nil).link(request.language))
    }

    private func refused(
        _ request: Request, problem: String? = nil, issues: [InputIssue] = [], name: String
    ) async throws -> Response {
        let language = request.language
        let upload = FactorLibraryPage.Upload(
            problem: problem ?? renderer.strings.text(.factorSetRefused, language),
            issues: issues.map {
                .init(
                    sheet: $0.file ?? "", row: $0.row.map(String.init) ?? "", column: $0.column ?? "",
                    message: $0.problem.text(in: language))
            }, name: name)
        return try await renderer.response(
            factorPage(request, filter: FactorFilter(), added: nil, upload: upload), template: "factors",
            status: .unprocessableContent)
    }

    private func factorPage(
        _ request: Request, filter: FactorFilter, added: String?, upload: FactorLibraryPage.Upload? = nil
    ) async throws -> FactorLibraryPage {
        let language = request.language
        let t = renderer.strings.table(language)
        let store = FactorSetStore(database)
        let library = try await store.library()
        let stored = try await store.list()
        let all = library.userSets.reversed().flatMap(\.entries) + library.bundled.entries
        let shown = all.filter(filter.admits)
        // A page of the list at a time: the whole library is hundreds of factors with their sources.
        let pages = max(1, (shown.count + FactorFilter.pageSize - 1) / FactorFilter.pageSize)
        let page = min(filter.page ?? 1, pages)
        let pageRange = min((page - 1) * FactorFilter.pageSize, shown.count)..<min(page * FactorFilter.pageSize, shown.count)
        func address(_ page: Int) -> String {
            var asked = filter
            asked.page = page
            return SiteURL.factors(asked, added: nil).link(language)
        }
        func options(_ values: [(String, String)], chosen: String?) -> [RecordForm.Option] {
            [.init(value: "", label: t[.all], selected: chosen == nil)]
                + values.map { .init(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        }
        let usedItems = Set(all.map(\.item))
        let catalogItems = ItemCatalog.bundled.items.filter { usedItems.contains($0.code) }
        let addedNote = added.flatMap { name in
            library.userSets.first { $0.name == name }.map {
                (t[.factorSetAdded]).replacingOccurrences(of: "{name}", with: name)
                    .replacingOccurrences(of: "{count}", with: String($0.entries.count))
            }
        }
        return FactorLibraryPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.factorLibrary], current: .factors,
                sameIn: { _ in .factors(filter, added: nil) }),
            version: library.version, lang: language.rawValue, action: SiteURL.factors(FactorFilter(), added: nil).path,
            kinds: options(FactorKind.allCases.map { ($0.rawValue, $0.name(in: language)) }, chosen: filter.kind),
            items: options(catalogItems.map { ($0.code, $0.name(in: language)) }, chosen: filter.item),
            grades: options(
                Grade.allCases.map { ($0.rawValue, t.text(forKey: "grade_\($0.rawValue)", else: $0.rawValue)) }, chosen: filter.grade),
            sets: options(([library.bundled] + library.userSets).map { ($0.name, $0.name) }, chosen: filter.set),
            count: (t[.factorsShown]).replacingOccurrences(of: "{shown}", with: String(shown.count))
                .replacingOccurrences(of: "{total}", with: String(all.count)),
            factors: shown[pageRange].map { FactorRow(entry: $0, t, language) },
            pager: pages > 1
                ? InventoryPage.Pager(
                    text: t[.factorsPage].replacingOccurrences(of: "{page}", with: String(page))
                        .replacingOccurrences(of: "{pages}", with: String(pages)),
                    previous: page > 1 ? address(page - 1) : nil, next: page < pages ? address(page + 1) : nil)
                : nil,
            gradeCounts: Grade.allCases.map { grade in
                .init(
                    label: grade.rawValue,
                    value: "\(t.text(forKey: "grade_\(grade.rawValue)")) · \(all.filter { $0.grade == grade }.count)")
            },
            userSets: stored.map { set in
                .init(
                    name: set.name, entries: String(set.entryCount), fingerprint: set.fingerprint,
                    added: BeijingTime.show(set.createdAt), url: SiteURL.factors(FactorFilter(set: set.name), added: nil).link(language),
                    deleteAction: SiteURL.deleteFactorSet(id: set.id).link(language))
            },
            added: addedNote,
            uploadAction: SiteURL.uploadFactorSet.link(language), upload: upload,
            columns: (FactorSet.requiredColumns + FactorSet.optionalColumns).joined(separator: ", "))
    }
}

/// What the factor list is narrowed to; every part optional, as the page's query gives them.
struct FactorFilter: Sendable, Equatable {
    var kind: String?
    var item: String?
    var grade: String?
    var set: String?
    /// The page of the list shown (1-based), `pageSize` factors a page.
    var page: Int?

    static let pageSize = 50

    init(kind: String? = nil, item: String? = nil, grade: String? = nil, set: String? = nil, page: Int? = nil) {
        self.kind = kind
        self.item = item
        self.grade = grade
        self.set = set
        self.page = page
    }

    init(_ query: Hummingbird.Parameters) {
        func value(_ name: String) -> String? {
            query.get(name).map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.init(
            kind: value("kind"), item: value("item"), grade: value("grade"), set: value("set"),
            page: value("page").flatMap { Int($0) }.map { max(1, $0) })
    }

    var query: [(String, String)] {
        [("kind", kind), ("item", item), ("grade", grade), ("set", set), ("page", page.map(String.init))].compactMap {
            name, value in
            value.map { (name, $0) }
        }
    }

    func admits(_ entry: FactorEntry) -> Bool {
        (kind == nil || entry.kind.rawValue == kind) && (item == nil || entry.item == item)
            && (grade == nil || entry.grade.rawValue == grade) && (set == nil || entry.setName == set)
    }
}
