import Hummingbird

extension PageHandlers {
    /// The regions pages: what each serves, what it is about and what it changes.
    static let regionsPages: [PageEndpoint] = [
        PageEndpoint(.regions, .get, "/regions", subject: .narrowedByHandler, change: .nothing) { $0.regions },
        PageEndpoint(.region, .get, "/regions/{code}", subject: .regionInPath, change: .nothing) { $0.region },
    ]
}
