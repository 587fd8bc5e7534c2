/// The factor library's page: a filter, the factors with grade and source, the grades' meaning and
/// count, the user's sets, and the form to upload one (with its problems by row and column).
struct FactorLibraryPage: Sendable {
    struct UserSet: Sendable {
        let name: String
        let entries: String
        let fingerprint: String
        let added: String
        let url: String
        let deleteAction: String
    }

    /// A refused upload: what was wrong, each bad cell, and the name typed, kept for the next try.
    struct Upload: Sendable {
        let problem: String
        let issues: [ImportPage.Issue]
        let name: String
    }

    let layout: PageLayout
    /// The bundled set and every user set with their fingerprints, as an inventory records it.
    let version: String
    let lang: String
    let action: String
    let kinds: [RecordForm.Option]
    let items: [RecordForm.Option]
    let grades: [RecordForm.Option]
    let sets: [RecordForm.Option]
    let count: String
    let factors: [FactorRow]
    let pager: InventoryPage.Pager?
    let hasFactors: Bool
    /// Each grade's meaning and how many factors have it.
    let gradeCounts: [DashboardPage.Fact]
    let userSets: [UserSet]
    let hasUserSets: Bool
    let added: String?
    let uploadAction: String
    let upload: Upload?
    let hasUploadIssues: Bool
    let columns: String

    init(
        layout: PageLayout, version: String, lang: String, action: String, kinds: [RecordForm.Option],
        items: [RecordForm.Option], grades: [RecordForm.Option], sets: [RecordForm.Option], count: String,
        factors: [FactorRow], pager: InventoryPage.Pager?, gradeCounts: [DashboardPage.Fact], userSets: [UserSet], added: String?,
        uploadAction: String, upload: Upload?, columns: String
    ) {
        self.layout = layout
        self.version = version
        self.lang = lang
        self.action = action
        self.kinds = kinds
        self.items = items
        self.grades = grades
        self.sets = sets
        self.count = count
        self.factors = factors
        self.pager = pager
        hasFactors = !factors.isEmpty
        self.gradeCounts = gradeCounts
        self.userSets = userSets
        hasUserSets = !userSets.isEmpty
        self.added = added
        self.uploadAction = uploadAction
        self.upload = upload
        hasUploadIssues = !(upload?.issues.isEmpty ?? true)
        self.columns = columns
    }
}
