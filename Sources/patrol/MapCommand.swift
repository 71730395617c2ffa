import ArgumentParser
import Base
import Foundation
import Geo
import MapRender

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a plan (and hotspots) as an SVG map, with an optional PNG and a self-contained HTML page.",
        discussion: """
            Draws, in British National Grid: the streets (drivable solid, scan-only dashed), the patches with \
            their names, each pair's route in its own colour with arrows and the order of its hotspot visits, \
            hotspots sized by weight, the hex heat map when --hotspots holds one, and the schools; with a legend, \
            a scale bar in metres, a north arrow and the OpenStreetMap attribution. --html writes map.html beside \
            the SVG: the same map with pan/zoom and layer switches, working offline. --png needs rsvg-convert \
            (apt-get install librsvg2-bin).

              patrol map --plan out/plan.geojson --hotspots hotspots.geojson \\
                --streets geodata/southampton/streets.geojson \\
                --schools geodata/southampton/schools.geojson \\
                --out out/map.svg --png --html
            """
    )

    @Option(help: "plan.geojson written by `patrol plan`.")
    var plan: String

    @Option(help: "hotspots.geojson written by `patrol hotspots` (hotspot weights and the hex heat map).")
    var hotspots: String?

    @Option(help: "streets.geojson of the area.")
    var streets: String?

    @Option(help: "schools.geojson of the area.")
    var schools: String?

    @Option(help: "Title line (default: from the plan's area and date).")
    var title: String?

    @Option(help: "Draw only this pair's route, framed on it: a sheet for one car.")
    var pair: String?

    @Option(help: "Output SVG file.")
    var out: String

    @Flag(help: "Also write a PNG beside the SVG (needs rsvg-convert).")
    var png = false

    @Flag(help: "Also write map.html beside the SVG: pan/zoom and layer switches, one file, works offline.")
    var html = false

    func validate() throws {
        guard out.lowercased().hasSuffix(".svg") else {
            throw ValidationError("--out must name an .svg file, e.g. out/map.svg (the PNG and HTML go beside it)")
        }
        for (name, path) in [("plan", plan), ("hotspots", hotspots), ("streets", streets), ("schools", schools)] {
            if let path, !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("--\(name) \(path): no such file")
            }
        }
    }

    func run() throws {
        let started = Date()
        let planCollection = try Self.collection(plan)
        let streetCollection = try streets.map(Self.collection)
        let hotspotCollection = try hotspots.map(Self.collection)
        let schoolCollection = try schools.map(Self.collection)
        let read = Date()
        let map = try MapRenderer.draw(plan: planCollection, streets: streetCollection, hotspots: hotspotCollection,
                                       schools: schoolCollection, title: heading(planCollection),
                                       options: MapPageOptions(pair: pair))
        let rendered = Date()
        let svgURL = URL(fileURLWithPath: out)
        try AtomicFile.write(map.svg, to: svgURL)
        var written = [out]
        if html {
            let htmlURL = svgURL.deletingPathExtension().appendingPathExtension("html")
            try AtomicFile.write(MapHTML.page(svg: map.svg, title: heading(planCollection)), to: htmlURL)
            written.append(htmlURL.path)
        }
        if png {
            let pngURL = svgURL.deletingPathExtension().appendingPathExtension("png")
            try MapPNG.write(svg: svgURL, to: pngURL)
            written.append(pngURL.path)
        }
        let seconds = { (from: Date, to: Date) in String(format: "%.2f", to.timeIntervalSince(from)) }
        print("\(written.joined(separator: ", ")): \(Int(map.pageWidth))×\(Int(map.pageHeight)) px, \(map.streetsDrawn) streets, "
              + "\(map.labels.count) labels (\(map.droppedLabels.count) left out for room), scale bar \(Int(map.scaleBarMetres)) m")
        standardError("read \(seconds(started, read)) s, render \(seconds(read, rendered)) s, write \(seconds(rendered, Date())) s")
    }

    func heading(_ plan: FeatureCollection) -> String {
        if let title { return title }
        return MapRenderer.title(forPlan: plan) + (pair.map { " · \($0)" } ?? "")
    }

    static func collection(_ path: String) throws -> FeatureCollection {
        let object: GeoJSONObject
        do {
            object = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: path))
        } catch let error as GeoJSONError {
            throw GeoJSONError(featureIndex: error.featureIndex, path: error.path, message: "\(path): \(error.message)")
        }
        switch object {
        case let .featureCollection(collection): return collection
        case let other: return FeatureCollection(features: other.features)
        }
    }
}
