import Accounting
import ArgumentParser

/// The text of `peakzero factors list` and `peakzero factors show`.
struct FactorBrowser {
    let library: FactorLibrary
    let language: Language
    var catalog: ItemCatalog = .bundled

    static func library(adding files: [String], language: Language) throws -> FactorLibrary {
        do throws(InputIssues) {
            return try InputFile.library(adding: files)
        } catch {
            throw ValidationError(error.issues.map { $0.message(in: language) }.joined(separator: "\n"))
        }
    }

    var entries: [FactorEntry] { library.userSets.flatMap(\.entries) + library.bundled.entries }

    func list(kind: FactorKind?) -> String {
        let zh = language == .zh
        var items = TextTable(
            header: zh ? ["代码", "名称", "英文名", "类别", "计量"] : ["Code", "Name", "Chinese", "Kind", "Measured in"])
        items.rows = catalog.items.map {
            [
                $0.code, $0.name(in: language), language == .zh ? $0.nameEn : $0.nameZh, $0.kind.rawValue,
                $0.dimension.rawValue,
            ]
        }
        var factors = TextTable(
            header: zh
                ? ["编号", "类型", "品种", "地区", "版本", "年份", "数值", "单位", "等级", "来源集"]
                : ["ID", "Kind", "Item", "Region", "Variant", "Year", "Value", "Unit", "Grade", "Set"])
        factors.rightAligned = [6]
        factors.rows = entries.filter { kind == nil || $0.kind == kind }.map {
            [
                $0.id, $0.kind.rawValue, $0.item, $0.region, $0.variant, $0.year.map(String.init) ?? "",
                String($0.value.number), $0.unitText, $0.grade.rawValue, $0.setName,
            ]
        }
        let legend =
            zh
            ? "等级：V 两个独立转录一致或直接引用原文；S 单一二手来源；U 未核实。完整出处：peakzero factors show 品种"
            : "Grades: V verified by two transcriptions or a direct quote; S single secondary source; U unverified. Full citations: peakzero factors show ITEM"
        let library = (zh ? "因子库：" : "Factor library: ") + self.library.version
        return [library, "", items.render(), "", factors.render(), "", legend].joined(separator: "\n")
    }

    func show(itemNamed name: String) -> String? {
        guard let item = catalog.item(named: name) else { return nil }
        let zh = language == .zh
        let related = entries.filter { $0.item == item.code || (item.kind == .fuel && $0.kind == .standardCoalHeat) }
        var blocks = ["\(item.nameZh) / \(item.nameEn) (\(item.code))"]
        for entry in related {
            var lines = [
                "\(entry.id)  \(entry.kind.name(in: language)) = \(entry.value.number) \(entry.unitText)  [\(zh ? "等级" : "grade") \(entry.grade.rawValue)]"
            ]
            let fields: [(String, String)] = [
                (zh ? "地区" : "region", entry.region), (zh ? "版本" : "variant", entry.variant),
                (zh ? "数据年份" : "data year", entry.year.map(String.init) ?? ""), (zh ? "来源" : "source", entry.source),
                (zh ? "文号" : "document", entry.document), (zh ? "发布日期" : "published", entry.published),
                ("url", entry.url), (zh ? "说明" : "notes", entry.notes), (zh ? "因子集" : "set", entry.setName),
            ]
            lines += fields.filter { !$0.1.isEmpty }.map { "    \($0.0): \($0.1)" }
            blocks.append(lines.joined(separator: "\n"))
        }
        if related.isEmpty { blocks.append(zh ? "（因子库中没有此品种的因子）" : "(no factors for this item in the library)") }
        return blocks.joined(separator: "\n\n")
    }
}
