import ArgumentParser
import Foundation
import Geo
import Planner

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every GeoJSON file of an area (or a tree of areas).",
        discussion: """
        Each file must parse as RFC 7946 GeoJSON: lon/lat positions in range, closed rings, \
        valid geometry. Each problem is printed as `file:feature N: message`. \
        The command exits non-zero when any error is found; warnings alone do not fail it.

        Example:
          patrol validate --data geodata/southampton
        """
    )

    @Option(name: .long, help: "The area folder to check; all .geojson files below it are read.")
    var data: String = "geodata"

    func run() throws {
        let root = URL(fileURLWithPath: data)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AreaError(file: data, message: "no such folder", hint: "pass --data with an area folder such as geodata/southampton", exitCode: .noInput)
        }
        let files = geoJSONFiles(under: root)
        var problems: [ValidationProblem] = []
        for file in files {
            let display = relativePath(of: file, from: root)
            problems += GeoJSONFileCheck.check(fileAt: file, displayName: display).problems
        }
        for folder in areaFolders(under: root) {
            problems += AreaValidation.check(folder: folder, displayFolder: folder.standardizedFileURL.path == root.standardizedFileURL.path
                                                ? data : relativePath(of: folder, from: root))
        }
        for problem in problems {
            print(problem)
        }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        print("checked \(files.count) file\(files.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }

    private func geoJSONFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker where url.pathExtension.lowercased() == "geojson" {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The root and every folder below it holding a pairs.json or patches.geojson.
    private func areaFolders(under root: URL) -> [URL] {
        var folders = [root]
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                folders.append(url)
            }
        }
        return folders.filter(AreaValidation.isArea).sorted { $0.path < $1.path }
    }

    private func relativePath(of file: URL, from root: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        if path.hasPrefix(base + "/") {
            return data.hasSuffix("/") ? data + path.dropFirst(base.count + 1) : data + "/" + path.dropFirst(base.count + 1)
        }
        return file.path
    }
}
