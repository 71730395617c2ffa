import Base
import Foundation

/// PNG through `rsvg-convert` (Debian's librsvg2-bin) when it is installed.
public enum MapPNG {
    /// The first `rsvg-convert` on PATH, or nil.
    public static func rasteriser(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("rsvg-convert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Writes `png` from the SVG file at `svg`, at `zoom` times its pixel size (2 for print), atomically:
    /// rsvg-convert writes a temporary file in the same folder, which is then renamed over `png` in one
    /// step (rename(2)), so an earlier PNG stays whole until the new one replaces it.
    public static func write(svg: URL, to png: URL, zoom: Double = 1) throws {
        guard let tool = rasteriser() else { throw MapRenderError.rasteriserMissing }
        let temporary = AtomicFile.temporaryURL(beside: png)
        let process = Process()
        process.executableURL = tool
        process.arguments = ["--zoom", "\(zoom)", "--background-color", "white", "--format", "png", "--output", temporary.path, svg.path]
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw MapRenderError.rasteriserFailed(path: png.path, message: "\(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw MapRenderError.rasteriserFailed(path: png.path, message: message.isEmpty ? "exit status \(process.terminationStatus)" : message)
        }
        try AtomicFile.replace(png, withFinished: temporary)
    }
}
