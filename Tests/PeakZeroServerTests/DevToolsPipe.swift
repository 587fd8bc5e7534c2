import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// commands go to the browser's descriptor 3, answers and events come from its descriptor 4, each
/// message JSON ended by a NUL byte). Enough of the protocol to open a page, type, click, choose a
/// file and read the page back, as a user would. Blocking: use it on a thread of its own
/// (`HeadlessChromium.drive`).
final class DevToolsPipe {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let process: pid_t
    private let commands: Int32
    private let answers: Int32
    private let profile: URL
    private var buffer: [UInt8] = []
    private var nextID = 0
    /// Every event received so far, in order, with its session.
    private(set) var events: [[String: Any]] = []
    private var session: String?
    /// How long to wait for any one answer or event before giving up.
    let timeout: TimeInterval = 30

    init(chromium: String) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-devtools-\(UUID())")
        let toBrowser = try Self.pipe()
        let fromBrowser = try Self.pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The pipes sit above descriptor 10 (see `pipe`), so these copies are new descriptors and
        // lose close-on-exec, while every other descriptor of the test process stays closed to it.
        posix_spawn_file_actions_adddup2(&actions, toBrowser.read, 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser.write, 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        let arguments = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
            "--remote-debugging-pipe", "--user-data-dir=\(profile.path)", "--window-size=1366,1000", "about:blank",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, chromium, &actions, nil, argv, environ)
        close(toBrowser.read)
        close(fromBrowser.write)
        guard spawned == 0 else {
            close(toBrowser.write)
            close(fromBrowser.read)
            throw Failure(description: "Chromium did not start: \(String(cString: strerror(spawned)))")
        }
        process = pid
        commands = toBrowser.write
        answers = fromBrowser.read
    }

    deinit {
        close(commands)
        close(answers)
        var status: Int32 = 0
        // Closing the pipe asks Chromium to quit; it is killed if it has not within five seconds.
        for _ in 0..<50 where waitpid(process, &status, WNOHANG) == 0 { usleep(100_000) }
        if waitpid(process, &status, WNOHANG) == 0 {
            kill(process, SIGKILL)
            waitpid(process, &status, 0)
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// Opens a tab and talks to it from now on.
    func openTab() throws {
        let target = try send("Target.createTarget", ["url": "about:blank"], toTab: false)
        guard let id = target["targetId"] as? String else { throw Failure(description: "no tab: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": id, "flatten": true], toTab: false)
        session = attached["sessionId"] as? String
        for domain in ["Page", "Runtime", "Log"] { try send("\(domain).enable") }
    }

    /// Loads `url` and waits until it has loaded.
    func open(_ url: String) throws {
        try waitingForLoad { try send("Page.navigate", ["url": url]) }
    }

    /// Runs `action`, then waits for the page it leads to to load.
    func waitingForLoad(_ action: () throws -> Void) throws {
        let mark = events.count
        try action()
        try waitForEvent("Page.loadEventFired", after: mark)
    }

    /// The value of a script run in the page.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "\(expression): \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// The value of a script whose result is a promise, once it settles.
    func evaluateAwaiting(_ expression: String) throws -> Any? {
        let result = try send(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "\(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Clicks in the field, selects what it holds and types `text` over it, key by key as a user would.
    func type(_ text: String, into selector: String) throws {
        try click(selector)
        _ = try evaluate("document.querySelector(\(Self.quoted(selector))).select()")
        try send("Input.insertText", ["text": text])
    }

    /// A mouse click in the middle of the element.
    func click(_ selector: String) throws {
        let box = try evaluate(
            """
            (() => { const e = document.querySelector(\(Self.quoted(selector))); e.scrollIntoView({block: "center"});
              const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()
            """)
        guard let point = box as? [Double], point.count == 2 else { throw Failure(description: "no \(selector)") }
        for type in ["mousePressed", "mouseReleased"] {
            try send(
                "Input.dispatchMouseEvent",
                ["type": type, "x": point[0], "y": point[1], "button": "left", "clickCount": 1])
        }
    }

    /// Chooses a file in a file field, as the file dialog would.
    func chooseFile(_ path: String, in selector: String) throws {
        let document = try send("DOM.getDocument")
        guard let root = (document["root"] as? [String: Any])?["nodeId"] as? Int else {
            throw Failure(description: "no document")
        }
        let node = try send("DOM.querySelector", ["nodeId": root, "selector": selector])
        guard let id = node["nodeId"] as? Int, id != 0 else { throw Failure(description: "no \(selector)") }
        try send("DOM.setFileInputFiles", ["files": [path], "nodeId": id])
    }

    /// Signs in on the sign-in page, as a person would.
    func signIn(at base: String, name: String, password: String) throws {
        try open(base + "/signin")
        try type(name, into: "#field-name")
        try type(password, into: "#field-password")
        try waitingForLoad { try click("form.signin button[type=submit]") }
    }

    /// Draws the page at this size from now on.
    func setViewport(width: Int, height: Int) throws {
        try send(
            "Emulation.setDeviceMetricsOverride",
            ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
    }

    /// The page printed as the browser's print dialog would, on the paper its stylesheet asks for.
    func printToPDF() throws -> Data {
        let printed = try send("Page.printToPDF", ["preferCSSPageSize": true, "displayHeaderFooter": false])
        guard let text = printed["data"] as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "no PDF")
        }
        return data
    }

    /// A picture of the page as it is now, as PNG.
    func screenshot(to file: URL) throws {
        let shot = try send("Page.captureScreenshot", ["format": "png"])
        guard let text = shot["data"] as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "no screenshot")
        }
        try data.write(to: file)
    }

    /// Messages the page wrote to its console, scripts that failed, and what the browser logged
    /// as an error (a refused script or style, a resource that failed to load).
    var problems: [String] { problems(since: 0) }

    /// The problems among the events after the first `mark`.
    func problems(since mark: Int) -> [String] {
        events[mark...].compactMap { event in
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Runtime.consoleAPICalled": return "console: \(params["args"] ?? "")"
            case "Runtime.exceptionThrown": return "exception: \(params["exceptionDetails"] ?? "")"
            case "Log.entryAdded":
                let entry = params["entry"] as? [String: Any] ?? [:]
                return entry["level"] as? String == "error" ? "log: \(entry["text"] ?? "") \(entry["url"] ?? "")" : nil
            default: return nil
            }
        }
    }

    /// Sends a command and returns its result; the tab's session unless `toTab` is false.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], toTab: Bool = true) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": params]
        if toTab, let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(commands, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else { throw Failure(description: "Chromium closed its pipe") }
                offset += written
            }
        }
        while true {
            let answer = try receive()
            guard answer["id"] as? Int == nextID else { continue }
            if let error = answer["error"] { throw Failure(description: "\(method): \(error)") }
            return answer["result"] as? [String: Any] ?? [:]
        }
    }

    /// Waits for an event of the tab received after the first `mark` events.
    func waitForEvent(_ method: String, after mark: Int) throws {
        var seen = mark
        while true {
            while seen < events.count {
                if events[seen]["method"] as? String == method, events[seen]["sessionId"] as? String == session {
                    return
                }
                seen += 1
            }
            _ = try receive()
        }
    }

    /// Reads one message; events are kept in `events` as they pass.
    private func receive() throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else {
                    continue
                }
                if object["method"] != nil { events.append(object) }
                return object
            }
            var ready = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(timeout * 1000)) == 1 else {
                throw Failure(description: "Chromium did not answer within \(Int(timeout)) s")
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(answers, &chunk, chunk.count)
            guard count > 0 else { throw Failure(description: "Chromium closed its pipe") }
            buffer += chunk[..<count]
        }
    }

    /// A pipe whose ends sit at descriptor 10 or above and close on exec.
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw Failure(description: "no pipe") }
        let moved = ends.map { fcntl($0, F_DUPFD_CLOEXEC, 10) }
        ends.forEach { close($0) }
        return (moved[0], moved[1])
    }

    /// A string as a script literal.
    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast()
            .description
    }
}

extension HeadlessChromium {
    /// Runs `body` with a DevTools session on a thread of its own: blocking on one of Swift's few
    /// cooperative threads could leave none to the test server that answers the browser.
    static func drive<T: Sendable>(_ body: @escaping @Sendable (DevToolsPipe) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        let browser = try DevToolsPipe(chromium: path!)
                        try browser.openTab()
                        return try body(browser)
                    })
            }
        }
    }
}
