extension PageHandlers {
    /// The reporter's month.
    static let monthPages: [PageEndpoint] = [
        PageEndpoint(.month, .get, "/data/month", subject: .narrowedByHandler, change: .nothing) { $0.month }
    ]
}
