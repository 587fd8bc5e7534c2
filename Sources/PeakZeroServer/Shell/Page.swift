import Hummingbird

/// A page of a list: `{"items": [...], "total": n, "next_cursor": "…" | null}`. Every list route
/// pages: `limit` (1 to 10,000; 1,000 when not given) items from `cursor` (the `next_cursor` of the
/// page before; the start when not given). A province's record list was once one 82 MB response.
struct Page<T: Encodable>: Encodable {
    let items: [T]
    let total: Int
    let nextCursor: String?

    static var defaultLimit: Int { 1_000 }
    static var largestLimit: Int { 10_000 }

    /// Where the page starts and how long it is, from the request's `cursor` and `limit`.
    struct Window {
        let offset: Int
        let limit: Int

        init(_ request: Request) throws {
            limit = try request.limit(default: Page.defaultLimit, largest: Page.largestLimit)
            // The cursor is the offset of the page's first item, as text; clients pass it back as given.
            offset = try request.query("cursor", as: Int.self) ?? 0
            guard offset >= 0 else {
                throw APIError.badRequest(
                    request.language.say(.badQueryParameter, ["name": "cursor", "text": "\(offset)"]),
                    issues: [.init(row: nil, field: "cursor", message: "a next_cursor of this list")])
            }
        }
    }

    /// The page of `all` the request asks for.
    init(_ all: [T], _ request: Request) throws {
        let window = try Window(request)
        self.init(window: window, items: Array(all.dropFirst(window.offset).prefix(window.limit)), total: all.count)
    }

    private enum CodingKeys: String, CodingKey {
        case items, total, nextCursor
    }

    /// `next_cursor` is written as null on the last page, not left out: a client tests one key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(total, forKey: .total)
        try container.encode(nextCursor, forKey: .nextCursor)
    }

    /// A page whose next cursor the list makes itself (the audit trail's: an entry's id).
    init(items: [T], total: Int, nextCursor: String?) {
        self.items = items
        self.total = total
        self.nextCursor = nextCursor
    }

    /// A page read by the store itself (`items` already the window's), of `total` in all.
    init(window: Window, items: [T], total: Int) {
        self.items = items
        self.total = total
        let next = window.offset + items.count
        nextCursor = next < total && !items.isEmpty ? String(next) : nil
    }
}
