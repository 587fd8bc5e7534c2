import Accounting
import Footprint
import Foundation
import Spreadsheet

/// A product model from whatever file a user has: PeakZero's JSON form, the product model template
/// (XLSX or CSV), or an openLCA JSON-LD export (a zip with `processes/`). Told apart by content,
/// not by name.
public enum FootprintModelFile {
    /// - Parameter productSystem: for an openLCA export holding several product systems, the one to read.
    public static func read(
        _ data: Data, name: String, productSystem: String? = nil, limits: WorkbookLimits = .standard
    ) throws(InputIssues) -> ImportedModel {
        if isJSON(data) {
            do { return ImportedModel(model: try ProductModel.decode(json: data), file: name) } catch let error
                as DecodingError
            {
                let reason = OpenLCAImport.describe(error, snakeCase: true)
                throw InputIssues([
                    InputIssue(
                        file: name,
                        problem: .composed(
                            zh: "JSON 模型无法读取：\(Problem.quoted(reason, .zh))",
                            en: "the JSON model cannot be read: \(Problem.quoted(reason, .en))"))
                ])
            } catch {
                throw InputIssues([InputIssue(file: name, problem: .unreadableFile(String(describing: error)))])
            }
        }
        if OpenLCAImport.isExport(data) {
            return try OpenLCAImport.read(data, file: name, productSystem: productSystem)
        }
        let file = try IntakeFile(data: data, name: name, limits: limits)
        guard file.kind == .footprint else {
            throw InputIssues([
                InputIssue(
                    file: name, sheet: file.sheet,
                    problem: .composed(
                        zh: "不是产品模型：请使用 JSON 模型、产品模型模板(XLSX 或 CSV)或 openLCA JSON-LD 导出文件(zip)",
                        en: "not a product model: give a JSON model, the product model template (XLSX or CSV) or an openLCA JSON-LD export (zip)"))
            ])
        }
        return try FootprintTemplate.read(file)
    }

    /// JSON: an object, after any byte-order mark and white space.
    static func isJSON(_ data: Data) -> Bool {
        let bytes = data.prefix(4096).drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return bytes.first == UInt8(ascii: "{")
    }
}
