import Accounting

extension SplitProblem {
    public enum Message: String, MessageKey { case methodDoesNotApply, missingBase, missingManual, noChildren }

    public static let catalogue = Catalogue<Message>(
        zh: [
            .methodDoesNotApply: "method：按基年占比只能分解总量上限；强度与下降目标请按等比例下降或手工分解",
            .missingBase: "{child}：缺少基准年的完整数据（清单或经济数据），无法按此方法分解",
            .missingManual: "{child}：手工分解须为每个下级单位填写同一指标的目标",
            .noChildren: "该单位没有下级单位",
        ],
        en: [
            .methodDoesNotApply:
                "method: a split by base-year share divides a cap on a total; split an intensity or a reduction by equal reduction or by hand",
            .missingBase: "{child}: no complete base-year figures (inventory or economic data) to split by this method",
            .missingManual: "{child}: a split by hand needs a target of the same indicator for every child",
            .noChildren: "the unit has no children to split among",
        ])
}
