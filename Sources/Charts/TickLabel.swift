/// A tick's figure without the zeros a round tick does not need: the axis of amounts reads "100 k",
/// "2.5 万", "0", where the same formatter writes "100.00 k" in a table. Only the first number's
/// fractional zeros go; the rest of the label (its unit word) stays.
func tickLabel(_ label: String) -> String {
    guard let point = label.firstIndex(of: "."), label[..<point].last?.isNumber == true else { return label }
    var end = label.index(after: point)
    while end < label.endIndex, label[end].isASCII, label[end].isNumber { end = label.index(after: end) }
    var decimals = label[label.index(after: point)..<end]
    while decimals.last == "0" { decimals = decimals.dropLast() }
    return String(label[..<point]) + (decimals.isEmpty ? "" : "." + decimals) + String(label[end...])
}
