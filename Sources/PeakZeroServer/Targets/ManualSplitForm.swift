import Accounting
import Governance
import Persistence

/// The manual split (手工分解) as a form: one field per child — a cap's amount, a reduction's per
/// cent, a peak's year — so that an official gives each city or unit its own target on the page.
struct ManualSplitForm: Sendable {
    struct Child: Sendable {
        let name: String
        let field: String
        let id: String
    }

    /// What each field asks for: "上限（吨二氧化碳当量）", "下降率（%）", "达峰年份".
    let valueLabel: String
    let children: [Child]
    let hasChildren: Bool
}

extension PageHandlers {
    /// The children a target is split among, each with its form field's name.
    func manualSplitChildren(_ stored: StoredTarget, _ language: Language) async throws
        -> [(subject: TargetSubject, name: String, field: String)]
    {
        var found: [(TargetSubject, String, String)] = []
        for subject in try await governance.childSubjects(of: stored.subject, among: .children) {
            let field =
                switch subject {
                case .unit(let id): "child_u\(id)"
                case .region(let region): "child_r\(region.code)"
                }
            found.append((subject, try await subjectName(subject, language), field))
        }
        return found
    }

    func manualSplitForm(_ stored: StoredTarget, _ language: Language, _ t: Words) async throws -> ManualSplitForm {
        let children = try await manualSplitChildren(stored, language).map { child in
            ManualSplitForm.Child(name: child.name, field: child.field, id: "m-\(child.field)")
        }
        let label =
            switch stored.target.kind {
            case .cap: "\(t[.splitManualCap])（\(Self.indicatorUnit(stored.target.indicator, t))）"
            case .reduction: t[.splitManualReduction]
            case .peak: t[.splitManualPeak]
            }
        return ManualSplitForm(valueLabel: label, children: children, hasChildren: !children.isEmpty)
    }

    /// Each child's target from the posted form, in the parent's kind; or the first problem, naming
    /// the child.
    func manualKinds(_ stored: StoredTarget, _ form: FormPost, _ language: Language) async throws
        -> Result<[TargetSubject: TargetKind], ManualSplitProblem>
    {
        var kinds: [TargetSubject: TargetKind] = [:]
        for child in try await manualSplitChildren(stored, language) {
            let text = form[child.field].replacingOccurrences(of: ",", with: "")
            guard let value = Double(text), value.isFinite, value >= 0 else {
                return .failure(ManualSplitProblem(child: child.name, text: form[child.field]))
            }
            switch stored.target.kind {
            case .cap: kinds[child.subject] = .cap(IndicatorAmount(value, of: stored.target.indicator))
            case .reduction(_, let base): kinds[child.subject] = .reduction(fraction: value / 100, baseYear: base)
            case .peak:
                guard value == value.rounded(), let year = Int(exactly: value) else {
                    return .failure(ManualSplitProblem(child: child.name, text: form[child.field]))
                }
                kinds[child.subject] = .peak(year: year)
            }
        }
        return .success(kinds)
    }
}

/// A child's field that is empty or not a usable number.
struct ManualSplitProblem: Error, Sendable {
    let child: String
    let text: String
}
