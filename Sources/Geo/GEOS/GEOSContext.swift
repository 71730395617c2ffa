import CGEOS

/// Owns one GEOS context handle and collects the messages GEOS reports on it.
///
/// Not Sendable on purpose: GEOS handles are not thread-safe, so each task makes its own,
/// and every `Geometry` made in it keeps it alive.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// Error messages GEOS reported since the last `takeErrors()`.
    private(set) var errors: [String] = []
    /// Notices (for example why a geometry is invalid) since the last `takeNotices()`.
    private(set) var notices: [String] = []

    public init() throws {
        guard let handle = GEOS_init_r() else { throw GeometryError.contextCreationFailed }
        self.handle = handle
        // The handlers reach this owner through userdata, so they capture nothing.
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(handle, geosErrorSink, me)
        _ = GEOSContext_setNoticeMessageHandler_r(handle, geosNoticeSink, me)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    fileprivate func recordError(_ message: String) { errors.append(message) }
    fileprivate func recordNotice(_ message: String) { notices.append(message) }

    /// Forgets earlier messages, so that a failure reports only its own.
    func clearMessages() {
        errors.removeAll(keepingCapacity: true)
        notices.removeAll(keepingCapacity: true)
    }

    /// GEOS's own words for the last failure, or a fallback when it said nothing.
    func failureText() -> String {
        let text = (errors + notices).joined(separator: "; ")
        clearMessages()
        return text.isEmpty ? "GEOS gave no message" : text
    }

    /// The error for a failed call named `operation`, carrying GEOS's captured message.
    func failure(_ operation: String) -> GeometryError {
        .operationFailed(operation: operation, message: failureText())
    }

    /// Takes ownership of a geometry a GEOS call returned, or throws with GEOS's message on NULL.
    func own(_ raw: OpaquePointer?, _ operation: String) throws -> Geometry {
        guard let raw else { throw failure(operation) }
        return Geometry(owning: raw, context: self)
    }

    /// Checks a GEOS predicate result: 1 true, 0 false, 2 (or anything else) an exception.
    func predicate(_ result: CChar, _ operation: String) throws -> Bool {
        switch result {
        case 1: return true
        case 0: return false
        default: throw failure(operation)
        }
    }

    /// Checks a GEOS getter's status code (0 means an exception).
    func status(_ result: Int32, _ operation: String) throws {
        if result == 0 { throw failure(operation) }
    }

    /// Makes sure two geometries live in this context before mixing them in one call.
    func require(_ other: Geometry, _ operation: String) throws {
        guard other.context === self else { throw GeometryError.contextMismatch(operation: operation) }
    }
}

private func geosErrorSink(_ message: UnsafePointer<CChar>?, _ userData: UnsafeMutableRawPointer?) {
    guard let message, let userData else { return }
    Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue().recordError(String(cString: message))
}

private func geosNoticeSink(_ message: UnsafePointer<CChar>?, _ userData: UnsafeMutableRawPointer?) {
    guard let message, let userData else { return }
    Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue().recordNotice(String(cString: message))
}
