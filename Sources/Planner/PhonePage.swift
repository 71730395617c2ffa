import Base
import Foundation
import Geo

/// `<pair>-phone.html`: one pair's page for the phone in the car. The steps with the clock against the plan, the
/// route on a map drawn from the plan itself, and a stop form whose export is the CSV `patrol stops import` reads.
/// One file with everything inline and a Content-Security-Policy that forbids every request, so it works offline
/// once opened. The form has radios and a select only: it cannot hold a name, a date of birth or an address.
public struct PhonePage: Sendable {
    public var pairID: String
    public var date: PlanDate
    public var areaName: String
    public var steps: [PhoneStep]
    public var lines: [PhoneMapLine]
    public var places: [PhonePlace]
    public var schools: [String]
    public var base: LonLat

    public init(pairID: String, date: PlanDate, areaName: String, steps: [PhoneStep], lines: [PhoneMapLine],
                places: [PhonePlace], schools: [String], base: LonLat) {
        self.pairID = pairID
        self.date = date
        self.areaName = areaName
        self.steps = steps
        self.lines = lines
        self.places = places
        self.schools = schools
        self.base = base
    }

    /// A pair's page from its plan. The area, when given, supplies every hotspot and school for the stop form;
    /// without it the form offers the plan's own hotspots and the schools its patches name.
    public init(_ pairPlan: PairPlan, in plan: DayPlan, area: Area? = nil) {
        let visited = pairPlan.visits.map(\.hotspot)
        let hotspots = area?.hotspots ?? visited
        var seen = Set<String>()
        let places = hotspots.filter { seen.insert($0.id).inserted }.map { PhonePlace(name: $0.name, position: $0.position) }
        let patchSchools = plan.patches.filter { pairPlan.patches.contains($0.id) }.flatMap(\.schools)
        let schools = area.map { $0.schools.map(\.name) } ?? patchSchools
        self.init(pairID: pairPlan.pair.id, date: plan.date, areaName: plan.areaName, steps: PhoneSteps.steps(for: pairPlan),
                  lines: pairPlan.legs.map { PhoneMapLine(kind: $0.kind.rawValue, path: $0.path) },
                  places: places, schools: Array(Set(schools)).sorted(), base: pairPlan.pair.base)
    }

    /// `<pair>-phone.html`: `<pair>.html` could be `map.html` for a pair called "map".
    public static func fileName(pairID: String) -> String { "\(Area.slug(pairID))-phone.html" }

    /// The name the page gives the exported stop file.
    public var csvFileName: String { "\(Area.slug(pairID))-\(date)-stops.csv" }

    /// Writes one page per pair, each atomically.
    public static func write(_ plan: DayPlan, area: Area?, to folder: URL) throws -> [URL] {
        try plan.pairPlans.map { pairPlan in
            let url = folder.appendingPathComponent(fileName(pairID: pairPlan.pair.id))
            try AtomicFile.write(PhonePage(pairPlan, in: plan, area: area).html(), to: url)
            return url
        }
    }

    public func html() -> String {
        let projection = PhoneMapProjection(fitting: lines.flatMap(\.path) + steps.map(\.position) + [base])
        let map = PhonePageMap.svg(lines: lines, places: places, base: base, projection: projection)
        let title = "\(pairID) — \(areaName), \(date)"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
        <meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
        <meta name="format-detection" content="telephone=no">
        <title>\(XMLEscape.text(title))</title>
        <style>
        \(PhonePageStyle.css)
        </style>
        </head>
        <body>
        \(PhonePageMarkup.header(pairID: pairID, date: date))
        <main class="main" id="main">
        \(PhonePageMarkup.routeScreen(map: map, csvFileName: csvFileName))
        \(PhonePageMarkup.questionScreens(schools: schools))
        </main>
        <script type="application/json" id="page-data">\(PhonePageData.json(self, projection: projection))</script>
        <script>
        \(PhonePageScript.javascript)
        </script>
        </body>
        </html>

        """
    }

    /// Nothing may be fetched: no scripts, styles, fonts, images or connections from anywhere, not even the
    /// page's own folder. Inline script and style only, and data: images.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        + "img-src data:; form-action 'none'; base-uri 'none'"
}
