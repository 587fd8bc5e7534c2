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

    /// Each child's target from the posted form, in the parent's kind, checked by the rules every
    /// target is kept under (`Target.problem`, as the API's definitions are); or the first problem,
    /// naming the child.
    func manualKinds(_ stored: StoredTarget, _ form: FormPost, _ language: Language) async throws
        -> Result<[TargetSubject: TargetKind], ManualSplitProblem>
    {
        var kinds: [TargetSubject: TargetKind] = [:]
        for child in try await manualSplitChildren(stored, language) {
            let text = form[child.field].replacingOccurrences(of: ",", with: "")
            let refused = ManualSplitProblem(child: child.name, text: form[child.field], reason: nil)
            guard let value = Double(text), value.isFinite else { return .failure(refused) }
            let kind: TargetKind
            switch stored.target.kind {
            case .cap: kind = .cap(IndicatorAmount(value, of: stored.target.indicator))
            case .reduction(_, let base): kind = .reduction(fraction: value / 100, baseYear: base)
            case .peak:
                guard let year = Int(exactly: value) else { return .failure(refused) }
                kind = .peak(year: year)
            }
            var target = stored.target
            target.kind = kind
            target.milestones = [:]
            if let problem = target.problem() {
                return .failure(
                    ManualSplitProblem(child: child.name, text: form[child.field], reason: problem.message(language)))
            }
            kinds[child.subject] = kind
        }
        return .success(kinds)
    }
}

/// A child's field that is empty, not a number, or a target the rules refuse (`reason`).
struct ManualSplitProblem: Error, Sendable {
    let child: String
    let text: String
    let reason: String?
}
