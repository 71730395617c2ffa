import ArgumentParser
import Foundation
import OSM

struct ImportOSMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-osm",
        abstract: "Import streets, schools and places from an OpenStreetMap extract (.osm.pbf or .osm).",
        discussion: """
        Reads PBF natively (zlib and protobuf, no converter) or OSM XML, in two streaming passes. Writes into DIR:

          streets.geojson  one LineString per street segment between junctions
          schools.geojson  amenity=school nodes and areas (centroids)
          places.geojson   shops, fast food, shopping centres, parks, playgrounds, leisure centres
          README.md        attribution (© OpenStreetMap contributors, ODbL 1.0) and the source

        A curated folder keeps its own schools.geojson (GIAS) and README.md: when they exist and were not written by this command, it writes osm-schools.geojson and README-osm.md beside them.

        Example:
          patrol import-osm hampshire-latest.osm.pbf --bbox -1.53,50.87,-1.33,50.97 --out geodata/southampton
        """
    )

    @Argument(help: "The OpenStreetMap file: .osm.pbf or .osm XML.")
    var file: String

    @Option(name: .long, help: "The folder to write into (created if missing).")
    var out: String

    @Option(name: .long, help: "Keep streets with a node inside minlon,minlat,maxlon,maxlat (whole), and places inside.")
    var bbox: String?

    @Option(name: .long, help: "File name for the OSM schools (default: schools.geojson, or osm-schools.geojson beside a curated schools.geojson).")
    var schoolsFile: String?

    @Flag(name: .long, help: "No progress on standard error, even on a terminal.")
    var quiet = false

    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ValidationError("cannot read \(file): give the path of an .osm.pbf or .osm file")
        }
        if let bbox {
            do { _ = try OSMBoundingBox(parsing: bbox) } catch { throw ValidationError("\(error)") }
        }
        if let schoolsFile {
            guard !schoolsFile.isEmpty, !schoolsFile.contains("/"), !schoolsFile.hasPrefix("."),
                  !["streets.geojson", "places.geojson", "README.md", "README-osm.md"].contains(schoolsFile) else {
                throw ValidationError("--schools-file must be a plain file name other than streets.geojson, places.geojson and README.md")
            }
        }
    }

    func run() throws {
        let options = OSMImportOptions(bbox: try bbox.map { try OSMBoundingBox(parsing: $0) })
        let showProgress = !quiet && isatty(STDERR_FILENO) != 0
        var lastPass = ""
        var lastReportedMB = -1
        var finishedPass = false
        let progress: ((String, Int, Int) -> Void)? = showProgress ? { pass, bytes, total in
            if pass != lastPass {
                lastPass = pass
                lastReportedMB = -1
                finishedPass = false
            }
            let megabytes = bytes >> 20
            let done = bytes >= total
            // Every 8 MB, and once at the end of each pass.
            guard !finishedPass, megabytes / 8 != lastReportedMB / 8 || done else { return }
            lastReportedMB = megabytes
            finishedPass = done
            let percent = total > 0 ? 100 * bytes / total : 100
            FileHandle.standardError.write(Data("\rimport-osm: \(pass) pass \(megabytes) MB of \(total >> 20) MB (\(percent) %)   \(done ? "\n" : "")".utf8))
        } : nil
        let summary = try OSMImport.run(inputPath: file, directory: out, options: options,
                                        schoolsFileName: schoolsFile, progress: progress)
        let s = summary.statistics
        print("""
        read \(s.nodesRead) nodes, \(s.waysRead) ways (\(s.highwayWays) highway), \(s.relationsRead) relations
        kept \(s.streetWays) streets: \(s.segments) segments written, \(String(format: "%.1f", s.drivableMetres / 1000)) km drivable, \(String(format: "%.1f", s.scanOnlyMetres / 1000)) km scan-only
        schools: \(s.schools), places: \(s.places)\(s.missingNodeRefs > 0 ? ", missing node references: \(s.missingNodeRefs) (ways cut there)" : "")
        wrote \(summary.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")) into \(out) in \(String(format: "%.2f", summary.seconds)) s
        """)
    }
}
