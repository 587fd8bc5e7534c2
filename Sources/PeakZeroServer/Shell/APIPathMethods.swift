import HTTPTypes

/// Which methods the API serves at a path, so that a request with another method is told 405 and the
/// methods it may use (`Allow`), as HTTP asks, rather than an empty 404.
enum APIPathMethods {
    /// Each declared path as its segments (nil where a `{parameter}` takes any segment), with its methods.
    private static let patterns: [(segments: [Substring?], methods: [HTTPRequest.Method])] = {
        var methodsByPath: [String: [HTTPRequest.Method]] = [:]
        for declaration in APIRoute.declarations {
            methodsByPath[declaration.rule.path, default: []].append(declaration.rule.method)
        }
        return methodsByPath.map { path, methods in
            (path.split(separator: "/").map { $0.hasPrefix("{") ? nil : $0 }, methods)
        }
    }()

    /// The methods served at `path`, sorted by name; empty when no route has this path.
    static func methods(servingPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        var methods: Set<String> = []
        for pattern in patterns where pattern.segments.count == segments.count {
            let matches = zip(pattern.segments, segments).allSatisfy { expected, actual in
                expected.map { $0 == actual } ?? true
            }
            if matches { methods.formUnion(pattern.methods.map(\.rawValue)) }
        }
        return methods.sorted().compactMap { HTTPRequest.Method($0) }
    }
}
