extension InputIssue {
    /// The full message: where, then what.
    public func message(in language: Language) -> String {
        var place: [String] = []
        switch language {
        case .zh:
            if let row { place.append("第 \(row) 行") }
            if let column { place.append("\(columnLetter.map { "\($0) 列" } ?? "列")“\(column)”") }
            let location = ([file, sheet.map { "工作表“\($0)”" }].compactMap { $0 } + [place.joined(separator: "，")])
                .filter { !$0.isEmpty }
            return (location.isEmpty ? "" : location.joined(separator: "：") + "：") + problem.text(in: .zh)
        case .en:
            if let row { place.append("row \(row)") }
            if let column { place.append("column \(columnLetter.map { "\($0) " } ?? "")\"\(column)\"") }
            let location =
                ([file, sheet.map { "sheet \"\($0)\"" }].compactMap { $0 } + [place.joined(separator: ", ")])
                .filter { !$0.isEmpty }
            return (location.isEmpty ? "" : location.joined(separator: ": ") + ": ") + problem.text(in: .en)
        }
    }
}

extension Problem {
    public func text(in language: Language) -> String {
        let zh = language == .zh
        func list(_ names: [String]) -> String { names.joined(separator: zh ? "、" : ", ") }
        switch self {
        case .unreadableFile(let reason):
            return zh ? "无法读取文件：\(reason)" : "cannot read the file: \(reason)"
        case .notUTF8:
            return zh
                ? "文件不是 UTF-8 编码；请在 Excel 中另存为“CSV UTF-8(逗号分隔)”"
                : "the file is not UTF-8; in Excel save it as \"CSV UTF-8 (comma delimited)\""
        case .emptyFile:
            return zh ? "文件是空的" : "the file is empty"
        case .noDataRows:
            return zh ? "只有表头，没有数据行" : "the file has a header but no data rows"
        case .unterminatedQuote:
            return zh ? "引号未闭合：从这一行开始的带引号字段没有结束引号" : "a quoted field opened on this row is never closed"
        case .missingColumn(let field, let accepted):
            return zh
                ? "缺少必填列“\(field)”（可用表头：\(list(accepted))）"
                : "required column \"\(field)\" is missing (accepted headers: \(list(accepted)))"
        case .duplicateHeader(let header, let first):
            return zh ? "表头“\(header)”重复，\(first) 列已是同一字段" : "header \"\(header)\" repeats the field of column \(first)"
        case .tooManyFields(let count, let expected):
            return zh
                ? "这一行有 \(count) 个字段，表头只有 \(expected) 列" : "this row has \(count) fields but the header has \(expected)"
        case .missingValue:
            return zh ? "必填，不能为空" : "required, must not be empty"
        case .unknownItem(let name, let suggestions):
            let base = zh ? "未知品种“\(name)”" : "unknown item \"\(name)\""
            if suggestions.isEmpty {
                return base
                    + (zh ? "；运行 peakzero factors list 查看可用品种" : "; run peakzero factors list to see the known items")
            }
            return base + (zh ? "，是否是：\(list(suggestions))？" : "; did you mean: \(list(suggestions))?")
        case .unknownUnit(let unit):
            return zh
                ? "无法识别的计量单位“\(unit)”（例如：t、吨、万Nm3、万立方米、kWh、度、万千瓦时、MWh、GJ、吉焦、tce）"
                : "unknown unit of measure \"\(unit)\" (for example: t, kg, 10^4Nm3, m3, kWh, MWh, GJ, tce)"
        case .unitNotForItem(let unit, let item, let accepted):
            return zh
                ? "计量单位“\(unit)”不适用于“\(item)”（可用：\(list(accepted))）"
                : "unit \"\(unit)\" does not fit \"\(item)\" (use one of: \(list(accepted)))"
        case .negativeQuantity(let text):
            return zh ? "数量不能为负数：\(text)" : "quantity must not be negative: \(text)"
        case .notANumber(let text):
            return zh ? "不是数字：“\(text)”" : "not a number: \"\(text)\""
        case .badPeriod(let text):
            return zh
                ? "期间“\(text)”格式不对，应为 YYYY 或 YYYY-MM（如 2024-03）"
                : "period \"\(text)\" must be YYYY or YYYY-MM (e.g. 2024-03)"
        case .badRegion(let text):
            return zh
                ? "行政区划代码“\(text)”无效：应为 6 位 GB/T 2260 代码，如 510100"
                : "region code \"\(text)\" is not a six-digit GB/T 2260 code such as 510100"
        case .unknownCategory(let text):
            return zh ? "未知类别“\(text)”" : "unknown category \"\(text)\""
        case .categoryNotForItem(let category, let item, let allowed):
            return zh
                ? "类别“\(category)”不适用于“\(item)”（可用：\(list(allowed))）"
                : "category \"\(category)\" does not fit \"\(item)\" (allowed: \(list(allowed)))"
        case .measuredNotApplicable(let item):
            return zh
                ? "实测参数只适用于燃料，“\(item)”不是燃料" : "measured parameters apply to fuels only; \"\(item)\" is not a fuel"
        case .oxidationRateOutOfRange(let text):
            return zh
                ? "碳氧化率“\(text)”应在 0 到 1 之间（或 0% 到 100%）"
                : "oxidation rate \"\(text)\" must be between 0 and 1 (or 0% and 100%)"
        case .parameterNotPositive(let text):
            return zh ? "实测参数必须大于 0：\(text)" : "a measured parameter must be greater than 0: \(text)"
        case .duplicateID(let id, let first):
            return zh ? "编号“\(id)”与第 \(first) 行重复" : "id \"\(id)\" repeats row \(first)"
        case .unknownFactorKind(let text, let known):
            return zh ? "未知因子类型“\(text)”（可用：\(list(known))）" : "unknown factor kind \"\(text)\" (known: \(list(known)))"
        case .factorUnitMismatch(let unit, let kind):
            return zh
                ? "单位“\(unit)”不适用于\(kind.name(in: .zh))"
                : "unit \"\(unit)\" does not fit a \(kind.name(in: .en))"
        case .unknownGrade(let text):
            return zh ? "等级“\(text)”应为 V、S 或 U" : "grade \"\(text)\" must be V, S or U"
        case .badYear(let text):
            return zh ? "年份“\(text)”不是四位年份" : "year \"\(text)\" is not a four-digit year"
        case .unknownGWPSet(let text):
            return zh ? "GWP 版本“\(text)”应为 SAR、AR4、AR5 或 AR6" : "GWP set \"\(text)\" must be SAR, AR4, AR5 or AR6"
        case .unknownUnitCode(let code):
            return zh ? "没有代码为“\(code)”的单位" : "no unit has the code \"\(code)\""
        case .duplicateUnitCode(let code):
            return zh ? "单位代码“\(code)”已被使用" : "unit code \"\(code)\" is already taken"
        case .shareOutOfRange(let text):
            return zh
                ? "持股比例“\(text)”应大于 0 且不超过 1（或 100%）"
                : "ownership share \"\(text)\" must be above 0 and at most 1 (or 100%)"
        case .notOneOf(let text, let allowed):
            return zh ? "“\(text)”无效（可用：\(list(allowed))）" : "\"\(text)\" is not valid (use one of: \(list(allowed)))"
        case .parentLoop(let code):
            return zh ? "不能把“\(code)”挂到它自己的下级单位之下" : "\"\(code)\" cannot be placed under one of its own descendants"
        case .notPositive(let text):
            return zh ? "必须大于 0：\(text)" : "must be greater than 0: \(text)"
        case .tooLong(let limit):
            return zh ? "不能超过 \(limit) 个字" : "at most \(limit) characters"
        case .badMonth(let text):
            return zh ? "月份“\(text)”应为 1 到 12" : "month \"\(text)\" must be 1 to 12"
        case .duplicateRow(let first):
            return zh
                ? "与第 \(first) 行重复（同一单位、期间、品种和类别）" : "repeats row \(first) (same unit, period, item and category)"
        case .alreadyStored(let id):
            return zh
                ? "该单位该期间的这一品种已有数据（记录 \(id)）；如需覆盖，请用替换模式导入"
                : "this unit already has this item for the period (record \(id)); import in replace mode to supersede it"
        case .duplicateUnitPeriod(let first):
            return zh ? "与第 \(first) 行重复（同一单位和期间）" : "repeats row \(first) (same unit and period)"
        case .economicAlreadyStored(let id):
            return zh
                ? "该单位该期间已有经济数据（记录 \(id)）；如需覆盖，请用替换模式导入"
                : "this unit already has economic data for the period (record \(id)); import in replace mode to supersede it"
        case .repeatedUnitCode(let code, let first):
            return zh ? "单位代码“\(code)”与第 \(first) 行重复" : "unit code \"\(code)\" repeats row \(first)"
        case .futurePeriod(let text):
            return zh ? "期间“\(text)”尚未到来" : "period \"\(text)\" has not begun yet"
        case .unitsNeedAdministrator:
            return zh
                ? "单位表由管理员导入；请导入活动数据或经济数据，或请管理员导入单位"
                : "units are imported by an administrator; import activity or economic data, or ask an administrator"
        case .periodLocked(let unit, let period, let approved):
            if approved {
                return zh
                    ? "单位 \(unit) 的 \(period) 已审核通过并锁定；如需修改，请先发起更正"
                    : "\(period) of unit \(unit) is approved and locked; open a correction to change it"
            }
            return zh
                ? "单位 \(unit) 的 \(period) 已报送，正在审核，数据已锁定"
                : "\(period) of unit \(unit) is submitted for review; its data is locked until it is returned"
        case .implausible(let value, let median):
            let v = Self.short(value)
            let m = Self.short(median)
            return zh
                ? "数值 \(v) 超过该单位该品种月度中位数 \(m) 的 10 倍，请核实（仅提示）"
                : "\(v) is more than 10 times this unit's monthly median of \(m) for the item; please check (warning only)"
        case .alreadyImported(let batch, let when):
            return zh
                ? "此文件已于 \(when) 导入（批次 \(batch)），未重复导入"
                : "this file was imported on \(when) (batch \(batch)); nothing imported again"
        case .unreadableWorkbook(let zhReason, let enReason):
            return zh ? "无法读取 Excel 工作簿：\(zhReason)" : "cannot read the Excel workbook: \(enReason)"
        case .noSuchSheet(let name, let available):
            return zh
                ? "工作簿中没有工作表“\(name)”；现有：\(list(available))"
                : "the workbook has no sheet \"\(name)\"; it has: \(list(available))"
        case .badAccountName(let name):
            return zh
                ? "账号名“\(name)”无效：须为 1–64 个字符，不含空格"
                : "account name \"\(name)\" is not valid: 1–64 characters without spaces"
        case .weakPassword(let minimum):
            return zh ? "密码至少需要 \(minimum) 个字符" : "the password needs at least \(minimum) characters"
        case .badGrant(let role):
            return zh
                ? "角色“\(role)”的授权范围不对：管理员不指定单位或地区，其他角色须指定其一"
                : "role \"\(role)\" has the wrong scope: an administrator is granted without a unit or region, every other role on one"
        case .noFactor(let kind, let factorItem, let hint):
            let item = factorItem.name(in: language)
            switch hint {
            case .gasNotInGWPSet(let set):
                return zh
                    ? "\(set.rawValue) 没有给出“\(item)”的 GWP；请用 --gwp 选择其他版本"
                    : "\(set.rawValue) gives no GWP for \"\(item)\"; choose another set with --gwp"
            case .giveMeasuredValue(let column):
                return zh
                    ? "“\(item)”没有\(kind.name(in: .zh))缺省值：请在“\(column)”列填写实测值，或按煤种（无烟煤、烟煤、褐煤）填报"
                    : "\"\(item)\" has no default \(kind.name(in: .en)); give a measured value in column \"\(column)\" or report the coal by type (anthracite, bituminous coal, lignite)"
            case .notInLibrary:
                return zh
                    ? "因子库中没有“\(item)”的\(kind.name(in: .zh))"
                    : "the factor library has no \(kind.name(in: .en)) for \"\(item)\""
            }
        }
    }
}

extension Problem {
    /// A number as a person reads it in a message: up to six significant digits.
    static func short(_ value: Double) -> String { String(format: "%.6g", value) }
}
