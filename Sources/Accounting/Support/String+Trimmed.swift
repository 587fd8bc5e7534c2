extension StringProtocol {
    /// Without leading and trailing whitespace and line breaks (including full-width spaces).
    /// Pure Swift: Foundation's `trimmingCharacters` bridges through NSString, which dominated the
    /// time of reading a large file.
    public var trimmed: String {
        let string = String(self)
        // Most fields have nothing to trim: a printable ASCII byte at each end settles it cheaply.
        if let head = string.utf8.first, let tail = string.utf8.last, head > 0x20, head < 0x7F, tail > 0x20, tail < 0x7F
        {
            return string
        }
        guard let first = string.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = string.lastIndex(where: { !$0.isWhitespace })!
        return String(string[first...last])
    }
}
