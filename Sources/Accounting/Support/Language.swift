/// The language messages and reports are written in. Chinese first, English available.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case zh, en

    /// The language a locale identifier such as `zh_CN.UTF-8` or `en_US` asks for; English for
    /// anything that is not Chinese.
    public init(localeIdentifier: String) {
        self = localeIdentifier.lowercased().hasPrefix("zh") ? .zh : .en
    }
}
