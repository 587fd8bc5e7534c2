import Accounting

/// A refusal as the API and forms show it: the field, then what is wrong with it.
enum FieldMessage {
    static func join(_ field: String, _ reason: String, _ language: Language) -> String {
        field + (language == .zh ? "：" : ": ") + reason
    }
}
