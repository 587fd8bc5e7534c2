import Accounting

/// A published table of industry-average carbon intensities (行业平均碳效), as a CSV with a header
/// row: the industry division (`industry`, 行业代码) and its average L in tCO2e per 万元
/// (`average_intensity`, 平均强度). Every bad row is reported with its row as a spreadsheet shows it.
public enum BenchmarkTable {
    static let industryHeaders = ["industry", "行业代码", "行业"]
    static let averageHeaders = ["average_intensity", "平均强度", "行业平均碳效"]

    public static func parse(_ text: String, file: String = "benchmarks.csv") throws -> [String: Double] {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw InputIssues([InputIssue(file: file, problem: .unterminatedQuote)])
        }
        guard let header = table.records.first, !header.allSatisfy(\.isEmpty) else {
            throw InputIssues([InputIssue(file: file, problem: .emptyFile)])
        }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ accepted: [String], _ field: String) throws -> Int {
            guard let index = names.firstIndex(where: accepted.contains) else {
                throw InputIssues([
                    InputIssue(file: file, row: 1, problem: .missingColumn(field: field, accepted: accepted))
                ])
            }
            return index
        }
        let industry = try column(industryHeaders, "industry")
        let average = try column(averageHeaders, "average_intensity")
        var found: [String: Double] = [:]
        var firstRow: [String: Int] = [:]
        var issues: [InputIssue] = []
        for (offset, record) in table.records.enumerated().dropFirst() where !record.allSatisfy(\.isEmpty) {
            let row = offset + 1
            let code = (record.indices.contains(industry) ? record[industry] : "").trimmingCharacters(in: .whitespaces)
                .uppercased()
            let text = record.indices.contains(average) ? record[average].trimmingCharacters(in: .whitespaces) : ""
            if code.isEmpty {
                issues.append(InputIssue(file: file, row: row, column: header[industry], problem: .missingValue))
            } else if let first = firstRow[code] {
                issues.append(
                    InputIssue(
                        file: file, row: row, column: header[industry], problem: .duplicateID(code, firstRow: first)))
            }
            guard let value = Double(text), value > 0, value.isFinite else {
                issues.append(
                    InputIssue(
                        file: file, row: row, column: header[average],
                        problem: text.isEmpty ? .missingValue : .notANumber(text)))
                continue
            }
            if !code.isEmpty, firstRow[code] == nil {
                firstRow[code] = row
                found[code] = value
            }
        }
        guard issues.isEmpty else { throw InputIssues(issues) }
        guard !found.isEmpty else { throw InputIssues([InputIssue(file: file, problem: .noDataRows)]) }
        return found
    }
}
