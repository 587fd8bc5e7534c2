extension StringProtocol {
    /// Without leading and trailing whitespace and line breaks (including full-width spaces).
    /// Pure Swift: Foundation's `trimmingCharacters` bridges through NSString, which dominated the
    /// time of reading a large file.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
