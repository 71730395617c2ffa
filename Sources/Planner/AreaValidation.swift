import Foundation
import Geo
import Streets

/// The area-level checks of `patrol validate`: what no single GeoJSON file can say on its own —
/// streets that cannot be routed, hotspots far from their patch, bases off the network, patches
/// that overlap or hold no streets. Every problem names its file and feature (or pair).
public enum AreaValidation {
    /// A hotspot may sit just outside its patch (a car park across the boundary road), but not farther.
    public static let hotspotSlackMetres = 300.0
    /// A base farther than this from every street cannot be driven from.
    public static let baseSlackMetres = 300.0
    /// Overlaps smaller than this are drawing noise, not two pairs sweeping the same streets.
    public static let overlapToleranceSquareMetres = 1.0
    public static let placeKinds: Set<String> = [
        "supermarket", "convenience", "fast_food", "shopping_centre", "shopping_parade",
        "district_centre", "high_street", "park", "playground", "leisure_centre",
    ]

    /// True when `folder` holds an area (a pairs.json or a patches.geojson).
    public static func isArea(_ folder: URL) -> Bool {
        ["pairs.json", "patches.geojson"].contains {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }

    /// Every area check. `displayFolder` is how the folder is named in messages.
    public static func check(folder: URL, displayFolder: String) -> [ValidationProblem] {
        var checker = AreaChecker(folder: folder, displayFolder: displayFolder)
        checker.run(patchesOnly: false)
        return checker.problems
    }

    /// Only the patches: validity, overlaps, duplicate ids and streets inside (`patrol patches` with no schools).
    public static func checkPatches(folder: URL, displayFolder: String) -> [ValidationProblem] {
        var checker = AreaChecker(folder: folder, displayFolder: displayFolder)
        checker.run(patchesOnly: true)
        return checker.problems
    }
}

struct AreaChecker {
    let folder: URL
    let displayFolder: String
    var problems: [ValidationProblem] = []
    var projection: Projection?
    var context: GEOSContext?

    init(folder: URL, displayFolder: String) {
        self.folder = folder
        self.displayFolder = displayFolder
    }

    func name(_ file: String) -> String {
        displayFolder.hasSuffix("/") ? displayFolder + file : displayFolder + "/" + file
    }

    mutating func error(_ file: String, _ feature: Int?, _ message: String) {
        problems.append(ValidationProblem(file: name(file), featureIndex: feature, message: message))
    }

    mutating func warning(_ file: String, _ feature: Int?, _ message: String) {
        problems.append(ValidationProblem(file: name(file), featureIndex: feature, message: message, severity: .warning))
    }

    mutating func run(patchesOnly: Bool) {
        do {
            projection = try Projection.bng()
            context = try GEOSContext()
        } catch {
            problems.append(ValidationProblem(file: displayFolder, message: "cannot start the geometry tools: \(error)"))
            return
        }
        let network = patchesOnly ? loadStreetsQuietly() : checkStreets()
        let patches = checkPatches(network: network)
        if patchesOnly { return }
        let schools = checkSchools()
        checkPatchSchools(patches, schools: schools)
        checkPlaces()
        checkHotspots(patches: patches)
        checkPairs(patches: patches, network: network)
    }

    /// Features of a file, or nil when it is absent or unreadable (the GeoJSON check reports why).
    func features(_ file: String) -> [Feature]? {
        let url = folder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try? GeoJSONReader.read(contentsOf: url).features
    }

    // MARK: streets

    func loadStreetsQuietly() -> StreetNetwork? {
        let url = folder.appendingPathComponent("streets.geojson")
        guard FileManager.default.fileExists(atPath: url.path),
              let network = try? StreetNetwork.load(contentsOf: url) else { return nil }
        return network.largestStronglyConnectedComponent().network
    }

    /// The routable network (its largest strongly connected component), or nil when there are no streets yet.
    mutating func checkStreets() -> StreetNetwork? {
        let url = folder.appendingPathComponent("streets.geojson")
        guard FileManager.default.fileExists(atPath: url.path) else {
            warning("streets.geojson", nil, "missing: patches' streets and pairs' bases are not checked")
            return nil
        }
        let network: StreetNetwork
        do {
            network = try StreetNetwork.load(contentsOf: url)
        } catch {
            self.error("streets.geojson", nil, "cannot be loaded as a street network: \(error)")
            return nil
        }
        guard network.edgeCount > 0 else {
            error("streets.geojson", nil, "holds no drivable streets")
            return nil
        }
        let (kept, report) = network.largestStronglyConnectedComponent()
        if report.droppedEdgeCount > 0 {
            let names = report.droppedStreetNames.isEmpty ? "unnamed streets" : StreetList.text(report.droppedStreetNames)
            let kilometres = (report.droppedKilometres * 100).rounded() / 100
            warning("streets.geojson", nil, "\(report.droppedEdgeCount) street segment(s), \(kilometres) km, cannot be driven to and back from the rest of the network and are left out: \(names)")
        }
        return kept
    }

    // MARK: patches

    mutating func checkPatches(network: StreetNetwork?) -> [(patch: Patch, feature: Int, outline: Geometry?)] {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("patches.geojson").path) else {
            error("patches.geojson", nil, "missing: each area needs its patches (see docs/data-formats.md)")
            return []
        }
        guard let features = features("patches.geojson"), let projection, let context else { return [] }
        var patches: [(patch: Patch, feature: Int, outline: Geometry?)] = []
        var firstFeature: [String: Int] = [:]
        for (index, feature) in features.enumerated() {
            let patch: Patch
            do {
                patch = try Area.patch(feature, index: index, file: name("patches.geojson"))
            } catch let problem as AreaError {
                error("patches.geojson", index, problem.message)
                continue
            } catch {
                self.error("patches.geojson", index, "\(error)")
                continue
            }
            if let first = firstFeature[patch.id] {
                error("patches.geojson", index, "patch id \"\(patch.id)\" is already used by feature \(first)")
                continue
            }
            firstFeature[patch.id] = index
            var outline: Geometry?
            do {
                let geometry = try patch.outline.geometry(using: projection, context: context)
                let validity = try geometry.validity()
                if validity.isValid {
                    outline = geometry
                } else {
                    var place = ""
                    if let location = validity.location, let lonLat = try? projection.lonLat(location) {
                        place = String(format: " at %.6f,%.6f", lonLat.lon, lonLat.lat)
                    }
                    error("patches.geojson", index, "patch \(patch.id) is not a valid polygon: \(validity.reason ?? "invalid")\(place)")
                }
            } catch {
                self.error("patches.geojson", index, "patch \(patch.id) cannot be read as a polygon: \(error)")
            }
            patches.append((patch, index, outline))
        }
        let ids = Set(patches.map(\.patch.id))
        for entry in patches {
            for other in entry.patch.overlapAllowed where !ids.contains(other) {
                warning("patches.geojson", entry.feature, "patch \(entry.patch.id): overlap_allowed names \"\(other)\", which is no patch")
            }
        }
        checkOverlaps(patches)
        if let network {
            for entry in patches where entry.outline != nil {
                guard let streets = try? PatchStreets.select(patch: entry.patch, network: network, projection: projection, context: context) else { continue }
                if streets.isEmpty {
                    warning("patches.geojson", entry.feature, "patch \(entry.patch.id) has no streets of the network inside it")
                }
            }
        }
        return patches
    }

    mutating func checkOverlaps(_ patches: [(patch: Patch, feature: Int, outline: Geometry?)]) {
        for (i, a) in patches.enumerated() {
            guard let outlineA = a.outline else { continue }
            for b in patches[(i + 1)...] {
                guard let outlineB = b.outline else { continue }
                if a.patch.overlapAllowed.contains(b.patch.id) || b.patch.overlapAllowed.contains(a.patch.id) { continue }
                do {
                    guard try outlineA.intersects(outlineB) else { continue }
                    let area = try outlineA.intersection(outlineB).areaSquareMetres()
                    if area > AreaValidation.overlapToleranceSquareMetres {
                        error("patches.geojson", b.feature, "patches \(a.patch.id) and \(b.patch.id) overlap by \(Int(area.rounded())) m²; make them meet edge to edge, or list each other in \"overlap_allowed\"")
                    }
                } catch {
                    self.error("patches.geojson", b.feature, "cannot compare patches \(a.patch.id) and \(b.patch.id): \(error)")
                }
            }
        }
    }

    // MARK: schools and places

    mutating func checkSchools() -> Set<String> {
        guard let features = features("schools.geojson") else { return [] }
        var names = Set<String>()
        for (index, feature) in features.enumerated() {
            guard case .point? = feature.geometry else {
                error("schools.geojson", index, "a school must be a Point")
                continue
            }
            guard let schoolName = feature["name"]?.stringValue, !schoolName.isEmpty else {
                error("schools.geojson", index, "a school needs a \"name\"")
                continue
            }
            if !names.insert(schoolName).inserted {
                warning("schools.geojson", index, "school \"\(schoolName)\" is listed twice")
            }
            if let capacity = feature["capacity"], capacity != .null, (capacity.intValue ?? -1) < 0 {
                error("schools.geojson", index, "school \"\(schoolName)\": \"capacity\" must be a whole number or null")
            }
        }
        return names
    }

    mutating func checkPatchSchools(_ patches: [(patch: Patch, feature: Int, outline: Geometry?)], schools: Set<String>) {
        guard !schools.isEmpty else { return }
        for entry in patches {
            for school in entry.patch.schools where !schools.contains(school) {
                warning("patches.geojson", entry.feature, "patch \(entry.patch.id) names school \"\(school)\", which is not in schools.geojson")
            }
        }
    }

    mutating func checkPlaces() {
        guard let features = features("places.geojson") else { return }
        for (index, feature) in features.enumerated() {
            guard case .point? = feature.geometry else {
                error("places.geojson", index, "a place must be a Point")
                continue
            }
            // OSM leaves many playgrounds and parks unnamed; they are still places to look at.
            if let value = feature["name"], value != .null, value.stringValue == nil {
                error("places.geojson", index, "a place's \"name\" must be a string")
            }
            let label = feature["name"]?.stringValue.flatMap { $0.isEmpty ? nil : "\"\($0)\"" } ?? "(unnamed)"
            guard let kind = feature["kind"]?.stringValue else {
                error("places.geojson", index, "place \(label) needs a \"kind\"")
                continue
            }
            if !AreaValidation.placeKinds.contains(kind) {
                warning("places.geojson", index, "place \(label) has unknown kind \"\(kind)\"")
            }
        }
    }

    // MARK: hotspots

    mutating func checkHotspots(patches: [(patch: Patch, feature: Int, outline: Geometry?)]) {
        guard let features = features("hotspots.geojson"), let projection, let context else { return }
        let byID = Dictionary(patches.map { ($0.patch.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: [String: Int] = [:]
        for (index, feature) in features.enumerated() {
            let hotspot: Hotspot
            do {
                hotspot = try Area.hotspot(feature, index: index, file: name("hotspots.geojson"))
            } catch let problem as AreaError {
                error("hotspots.geojson", index, problem.message)
                continue
            } catch {
                self.error("hotspots.geojson", index, "\(error)")
                continue
            }
            if let first = seen[hotspot.id] {
                error("hotspots.geojson", index, "hotspot id \"\(hotspot.id)\" is already used by feature \(first)")
            } else {
                seen[hotspot.id] = index
            }
            if !AreaValidation.placeKinds.contains(hotspot.kind) {
                warning("hotspots.geojson", index, "hotspot \"\(hotspot.name)\" has unknown kind \"\(hotspot.kind)\"")
            }
            guard let patchID = hotspot.patch else {
                warning("hotspots.geojson", index, "hotspot \"\(hotspot.name)\" names no \"patch\", so no pair visits it")
                continue
            }
            guard let entry = byID[patchID] else {
                error("hotspots.geojson", index, "hotspot \"\(hotspot.name)\" names patch \"\(patchID)\", which is not in patches.geojson")
                continue
            }
            guard let outline = entry.outline else { continue }
            do {
                let point = try Geometry.point(try projection.grid(hotspot.position), context: context)
                let distance = try outline.distanceMetres(to: point)
                if distance > AreaValidation.hotspotSlackMetres {
                    error("hotspots.geojson", index, "hotspot \"\(hotspot.name)\" is \(Int(distance.rounded())) m outside its patch \(patchID) (at most \(Int(AreaValidation.hotspotSlackMetres)) m)")
                }
            } catch {
                self.error("hotspots.geojson", index, "hotspot \"\(hotspot.name)\": cannot measure its distance to patch \(patchID): \(error)")
            }
        }
    }

    // MARK: pairs

    mutating func checkPairs(patches: [(patch: Patch, feature: Int, outline: Geometry?)], network: StreetNetwork?) {
        let url = folder.appendingPathComponent("pairs.json")
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            error("pairs.json", nil, "missing or unreadable; each area needs one (see docs/data-formats.md)")
            return
        }
        let pairs: [Pair]
        do {
            pairs = try PairsFile.read(bytes: [UInt8](bytes), file: name("pairs.json"))
        } catch let problem as AreaError {
            problems.append(ValidationProblem(file: problem.file + (problem.location.isEmpty ? "" : ":" + problem.location), message: problem.message))
            return
        } catch {
            self.error("pairs.json", nil, "\(error)")
            return
        }
        let ids = Set(patches.map(\.patch.id))
        for (index, pair) in pairs.enumerated() {
            for preferred in pair.preferredPatches where !ids.contains(preferred) {
                error("pairs.json:pair \(index)", nil, "preferred patch \"\(preferred)\" is not in patches.geojson")
            }
        }
        guard let network, let projection, let context else { return }
        let snapper = StreetSnapper(network: network)
        var hasStreets: [String: Bool] = [:]
        for entry in patches where entry.outline != nil {
            let streets = try? PatchStreets.select(patch: entry.patch, network: network, projection: projection, context: context)
            hasStreets[entry.patch.id] = !(streets?.isEmpty ?? true)
        }
        for (index, pair) in pairs.enumerated() {
            guard let grid = try? projection.grid(pair.base), let snap = snapper.snap(grid) else { continue }
            guard snap.distanceMetres > AreaValidation.baseSlackMetres else { continue }
            let message = "base is \(Int(snap.distanceMetres.rounded())) m from the nearest street"
            // A pair whose patches have no streets yet cannot be routed anyway; the base matters once they do.
            let routable = pair.preferredPatches.contains { hasStreets[$0] == true }
            if routable || pair.preferredPatches.isEmpty {
                error("pairs.json:pair \(index)", nil, message)
            } else {
                warning("pairs.json:pair \(index)", nil, message + " (its patches have no streets yet)")
            }
        }
    }
}
