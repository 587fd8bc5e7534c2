import Accounting

/// The messages of API answers and of the few page refusals built outside a template, in both
/// languages (the pages' own words are in `Resources/strings`).
enum APIMessage: String, MessageKey {
    case noSuchUnit, noSuchTarget, badImportMode, unitOrRegionNeeded, badImportKind, badFileFormat, formHasNoFile
    case requestHasNoFile, badReviewPeriod, unitOrRegionRequired, notRecognised, grantsInvalid, noRole
    case onlyAdminGrantsAdmin, noUnit, noRegion, grantNeedsUnitOrRegion, accountNeedsHome, signInFirst, formExpired, badJSON, noSuchID
    case problemsNothingWritten, noActor, badQueryParameter, missingQueryParameter, noSuchObject, wrongPassword
    case tooManySignIns, needsRole, targetNeedsUnitOrRegion, unitOrRegionCodeRequired, noSuchRegion, badRegionCode
    case nameRequired, badSplitMethod, childNeedsUnitOrRegion, badSplitAmong, measureOverdue, badAuditFilter
    case missingFactor, noPlan, planProblems, planStale, planUnreadable, planTooLarge
    case notJSON, emptyBatch, diskFull, databaseUnavailable, internalError, importsBusy, noSuchRoute, methodNotAllowed

    static let catalogue = Catalogue<APIMessage>(
        zh: [
            .noSuchUnit: "没有此单位",
            .noPlan: "{subject}还没有保存达峰路线图",
            .planProblems: "规划有 {count} 处问题，未保存",
            .planStale: "规划已被他人更新到第 {revision} 版；请重新打开后再修改",
            .planUnreadable: "规划中字段 {field} 无法读取：{reason}",
            .planTooLarge: "规划超过 {limit} 字节",
            .noSuchTarget: "没有此目标",
            .badImportMode: "mode 应为 append 或 replace",
            .unitOrRegionNeeded: "需要 unit_id 或 region",
            .badImportKind: "kind 应为 activity、economic、units 或 regional",
            .badFileFormat: "format 应为 xlsx 或 csv",
            .formHasNoFile: "上传的表单中没有文件（字段 file）",
            .requestHasNoFile: "请求中没有文件",
            .badReviewPeriod: "期间 {text} 无效：应为 2024-03、2024-Q1 或 2024",
            .unitOrRegionRequired: "须指明 unit_id 或 region",
            .notRecognised: "{name}：无法识别“{text}”",
            .grantsInvalid: "授权有误，未创建账号",
            .noRole: "没有角色 {role}",
            .onlyAdminGrantsAdmin: "只有管理员可以授予管理员角色",
            .noUnit: "没有单位 {code}",
            .noRegion: "没有地区 {code}",
            .grantNeedsUnitOrRegion: "请指定单位代码或地区代码",
            .accountNeedsHome: "管理员以外的管理者所建账号须带所属范围：名称@单位代码（或 @地区代码），且至少授予一个角色",
            .signInFirst: "请先登录：在 Authorization 头中附上令牌（POST /api/v1/auth/token 获取）",
            .formExpired: "表单已过期或不是从本站页面提交的；请刷新页面后重试。",
            .badJSON: "请求体不是有效的 JSON：{summary}",
            .notJSON: "请求体须为 JSON，并注明 Content-Type: application/json（收到的是 {type}）",
            .emptyBatch: "批量数据为空：请至少提交一条记录",
            .importsBusy: "已有 {limit} 个导入正在进行，请 {seconds} 秒后重试",
            .diskFull: "服务器磁盘已满，未写入任何数据；请告知管理员（请求编号 {id}）",
            .databaseUnavailable: "数据库暂时无法访问，未写入任何数据；请稍后重试（请求编号 {id}）",
            .internalError: "服务器内部错误，未写入任何数据；请告知管理员（请求编号 {id}）",
            .noSuchID: "没有 id 为 {id} 的{kind}",
            .problemsNothingWritten: "有 {count} 处错误，未写入任何数据",
            .noActor: "无法确定操作人，未写入任何数据",
            .badQueryParameter: "查询参数 {name} 无效：{text}",
            .missingQueryParameter: "缺少查询参数 {name}",
            .noSuchObject: "没有此对象",
            .noSuchRoute: "API 中没有这个路径；路径一览见 /api/v1/openapi.json",
            .methodNotAllowed: "此路径不接受 {method} 请求；可用的方法：{allowed}",
            .wrongPassword: "账号或密码不正确",
            .tooManySignIns: "登录失败次数过多，请 {seconds} 秒后再试",
            .needsRole: "您的账号只能查看；此操作需要以下角色之一：{roles}",
            .targetNeedsUnitOrRegion: "须指明单位或地区",
            .unitOrRegionCodeRequired: "unit_id 或 region_code 必填",
            .noSuchRegion: "没有此地区",
            .badRegionCode: "region：须为 GB/T 2260 行政区划代码",
            .nameRequired: "name：必填",
            .badSplitMethod: "method：须为 base_share、equal_reduction 或 manual",
            .childNeedsUnitOrRegion: "须指明下级单位或地区",
            .badSplitAmong: "among：须为 children 或 groups",
            .measureOverdue: "截止日期 {deadline} 已过，尚未完成",
            .badAuditFilter: "筛选条件 {field} 的值无效：{value}",
            .missingFactor: "因子库缺少{carrier}所需的{kind}",
        ],
        en: [
            .noSuchUnit: "no such unit",
            .noSuchTarget: "no such target",
            .noPlan: "{subject} has no plan saved yet",
            .planProblems: "{count} problem(s) in the plan; nothing was saved",
            .planStale: "the plan was saved by someone else since (now revision {revision}); reopen it before changing it",
            .planUnreadable: "the plan's field {field} cannot be read: {reason}",
            .planTooLarge: "the plan is larger than {limit} bytes",
            .badImportMode: "mode must be append or replace",
            .unitOrRegionNeeded: "unit_id or region is required",
            .badImportKind: "kind must be activity, economic, units or regional",
            .badFileFormat: "format must be xlsx or csv",
            .formHasNoFile: "the form has no file (field \"file\")",
            .requestHasNoFile: "the request carries no file",
            .badReviewPeriod: "period {text} is not valid: use 2024-03, 2024-Q1 or 2024",
            .unitOrRegionRequired: "unit_id or region is required",
            .notRecognised: "{name}: “{text}” is not recognised",
            .grantsInvalid: "the grants are not valid; no account was made",
            .noRole: "no role {role}",
            .onlyAdminGrantsAdmin: "only an administrator grants the admin role",
            .noUnit: "no unit {code}",
            .noRegion: "no region {code}",
            .grantNeedsUnitOrRegion: "name a unit code or a region code",
            .accountNeedsHome:
                "an account made by a manager who is not an administrator is named within its scope, name@unit code (or @region code), and holds a role",
            .signInFirst: "sign in first: send a bearer token (get one from POST /api/v1/auth/token)",
            .formExpired: "The form has expired or was not sent from this site; reload the page and try again.",
            .badJSON: "the body is not valid JSON: {summary}",
            .notJSON: "send the body as JSON, with Content-Type: application/json (this request said {type})",
            .emptyBatch: "the batch is empty: send at least one record",
            .importsBusy: "{limit} imports are running already; try again in {seconds} seconds",
            .diskFull: "the server's disk is full; nothing was written; tell the operator (request id {id})",
            .databaseUnavailable: "the database cannot be reached just now; nothing was written; try again shortly (request id {id})",
            .internalError: "an internal error of the server; nothing was written; tell the operator (request id {id})",
            .noSuchID: "no {kind} with id {id}",
            .problemsNothingWritten: "{count} problem(s); nothing was written",
            .noActor: "no actor for this change; nothing was written",
            .badQueryParameter: "query parameter {name} is not valid: {text}",
            .missingQueryParameter: "query parameter {name} is required",
            .noSuchObject: "no such object",
            .noSuchRoute: "the API has no such path; the paths are listed in /api/v1/openapi.json",
            .methodNotAllowed: "this path does not take {method}; it takes {allowed}",
            .wrongPassword: "wrong account name or password",
            .tooManySignIns: "too many failed sign-ins; try again in {seconds} seconds",
            .needsRole: "your account may only look; this needs one of the roles: {roles}",
            .targetNeedsUnitOrRegion: "name a unit or a region",
            .unitOrRegionCodeRequired: "unit_id or region_code is required",
            .noSuchRegion: "no such region",
            .badRegionCode: "region: a GB/T 2260 region code",
            .nameRequired: "name: required",
            .badSplitMethod: "method: base_share, equal_reduction or manual",
            .childNeedsUnitOrRegion: "name the child unit or region",
            .badSplitAmong: "among: children or groups",
            .measureOverdue: "past its deadline {deadline}, not done",
            .badAuditFilter: "the filter {field} does not take the value {value}",
            .missingFactor: "the factor library lacks the {kind} that {carrier} needs",
        ])
}

extension Language {
    /// An API message in this language, its placeholders filled.
    func say(_ key: APIMessage, _ arguments: [String: String] = [:]) -> String {
        APIMessage.catalogue.text(key, self, arguments)
    }
}
