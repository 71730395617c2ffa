import CProj

/// Owns one PROJ context. Not Sendable on purpose: make one per task.
public final class ProjContext {
    let handle: OpaquePointer
    /// Messages PROJ logged since the last `takeMessages()`.
    fileprivate(set) var messages: [String] = []

    public init() throws {
        guard let ctx = proj_context_create() else { throw ProjectionError.contextCreationFailed }
        handle = ctx
        // Offline machines: never let PROJ try to fetch grids.
        proj_context_set_enable_network(ctx, 0)
        proj_log_level(ctx, PJ_LOG_ERROR)
        proj_log_func(ctx, Unmanaged.passUnretained(self).toOpaque(), projLogSink)
    }

    deinit {
        proj_log_func(handle, nil, nil)
        proj_context_destroy(handle)
    }

    func takeMessages() -> String {
        defer { messages.removeAll() }
        return messages.joined(separator: "; ")
    }

    func record(_ message: String) {
        messages.append(message)
    }

    /// The text for PROJ's current context error, plus anything it logged.
    func errorText(_ code: Int32) -> String {
        var parts: [String] = []
        if code != 0, let cString = proj_context_errno_string(handle, code) {
            parts.append(String(cString: cString))
        }
        let logged = takeMessages()
        if !logged.isEmpty { parts.append(logged) }
        return parts.isEmpty ? "unknown PROJ error" : parts.joined(separator: "; ")
    }
}

private func projLogSink(_ userData: UnsafeMutableRawPointer?, _ level: Int32, _ message: UnsafePointer<CChar>?) {
    guard let userData, let message else { return }
    let owner = Unmanaged<ProjContext>.fromOpaque(userData).takeUnretainedValue()
    owner.record(String(cString: message))
}
