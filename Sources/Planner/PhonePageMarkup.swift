import Geo
import Hotspots

/// The phone page's screens, after the GOV.UK Design System: one question per screen, radios for fixed lists,
/// a label on every field, and an error summary above each form. Radios and one select only: no field takes text.
enum PhonePageMarkup {
    static let ageBands = [("5-10", "5 to 10"), ("11-13", "11 to 13"), ("14-16", "14 to 16"), ("unknown", "Not known")]

    static func header(pairID: String, date: PlanDate) -> String {
        """
        <header class="header">
        <span class="header__pair">\(XMLEscape.text(pairID))</span>
        <span class="header__date" id="plan-date">\(date)</span>
        </header>
        <div class="notice" id="date-notice" hidden></div>
        <noscript><div class="notice">This page needs JavaScript to show the steps and record stops. The run sheet (runsheet.md) has the same steps.</div></noscript>
        """
    }

    static func routeScreen(map: String, csvFileName: String) -> String {
        """
        <section class="screen" id="screen-route" aria-labelledby="current-step">
        <div class="banner" id="banner" role="status" hidden></div>
        <p class="caption" id="step-caption"></p>
        <p class="clock"><span id="clock-now"></span> <strong class="clock__status" id="clock-status"></strong></p>
        <h1 class="step-now" id="current-step" aria-live="polite"></h1>
        <p class="step-next"><span class="step-next__label">Next</span> <span id="next-step"></span></p>
        <div class="actions">
        <div class="button-row">
        <button type="button" class="button button--secondary" id="step-back">Back</button>
        <button type="button" class="button" id="step-next">Next step</button>
        </div>
        <button type="button" class="button button--start" id="record">Record a stop</button>
        </div>
        <div class="map-frame" id="map-home">
        \(map)
        </div>
        <p class="nearest" id="nearest" hidden><span id="nearest-text"></span>
        <button type="button" class="button button--secondary button--inline" id="nearest-go">Go to it</button></p>
        <button type="button" class="button button--secondary" id="locate">Show my position</button>
        <p class="hint" id="locate-status">Your position stays on this phone. Without it, use Next and Back.</p>
                <h2 class="heading-m">Stops on this phone</h2>
        <p id="stop-summary"><span id="stop-count">0</span> recorded for this plan.</p>
        <ol class="stop-list" id="stop-list"></ol>
        <a class="button button--secondary" id="export-link" download="\(XMLEscape.text(csvFileName))" href="#">Download stops CSV</a>
        <p class="hint">Then, on the planning computer: <code>patrol stops import \(XMLEscape.text(csvFileName))</code></p>
        </section>
        """
    }

    static func questionScreens(schools: [String]) -> String {
        let reasons = StopReason.allCases.map { ($0.rawValue, label($0.rawValue)) }
        let outcomes = StopOutcome.allCases.map { ($0.rawValue, $0 == .none ? "No further action" : label($0.rawValue)) }
        return [
            question("time", heading: "What time was the stop?", field: """
                <p class="time-display" id="time-value" aria-live="polite"></p>
                <div class="time-buttons">
                <button type="button" class="button button--secondary" data-minutes="-10">−10 min</button>
                <button type="button" class="button button--secondary" data-minutes="-1">−1 min</button>
                <button type="button" class="button button--secondary" data-minutes="1">+1 min</button>
                <button type="button" class="button button--secondary" data-minutes="10">+10 min</button>
                </div>
                <button type="button" class="button button--secondary" id="time-now">Now</button>
                """, fieldset: true),
            question("place", heading: "Where was the stop?", field: """
                <div class="radios" id="place-options"></div>
                <div class="map-frame map-frame--place" id="map-place"></div>
                """, fieldset: true),
            question("reason", heading: "Why was the child out of school?", field: radios("reason", reasons), fieldset: true),
            question("age", heading: "How old is the child?", field: radios("age", ageBands), fieldset: true),
            question("school", heading: "Which school does the child go to?", field: schoolSelect(schools), fieldset: false),
            question("outcome", heading: "What happened next?", field: radios("outcome", outcomes), fieldset: true),
            checkScreen(),
        ].joined(separator: "\n")
    }

    /// "medical_appointment" → "Medical appointment".
    static func label(_ code: String) -> String {
        let words = code.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func question(_ name: String, heading: String, field: String, fieldset: Bool) -> String {
        let title = fieldset
            ? "<legend class=\"legend\"><span class=\"caption\">Record a stop</span><h1 class=\"legend__heading\">\(heading)</h1></legend>"
            : "<span class=\"caption\">Record a stop</span><h1 class=\"label-wrapper\"><label class=\"label\" for=\"school\">\(heading)</label></h1>"
        let open = fieldset ? "<fieldset class=\"fieldset\" aria-describedby=\"\(name)-error\">" : ""
        return """
        <section class="screen" id="screen-\(name)" hidden>
        <button type="button" class="back-link" data-back>Back</button>
        <form class="question" data-question="\(name)" novalidate>
        \(errorSummary(name))
        <div class="form-group" id="group-\(name)">
        \(open)\(title)
        <p class="error-message" id="\(name)-error" hidden></p>
        \(field)
        \(fieldset ? "</fieldset>" : "")
        </div>
        <button type="submit" class="button">Continue</button>
        </form>
        </section>
        """
    }

    static func errorSummary(_ name: String) -> String {
        """
        <div class="error-summary" id="\(name)-summary" tabindex="-1" role="alert" hidden>
        <h2 class="error-summary__title">There is a problem</h2>
        <ul class="error-summary__list"></ul>
        </div>
        """
    }

    static func radios(_ name: String, _ options: [(value: String, label: String)]) -> String {
        let items = options.enumerated().map { index, option in
            let id = index == 0 ? name : "\(name)-\(option.value)"
            return "<div class=\"radios__item\"><input class=\"radios__input\" type=\"radio\" id=\"\(id)\" name=\"\(name)\" "
                + "value=\"\(XMLEscape.text(option.value))\"><label class=\"radios__label\" for=\"\(id)\">\(XMLEscape.text(option.label))</label></div>"
        }
        return "<div class=\"radios\">\n\(items.joined(separator: "\n"))\n</div>"
    }

    static func schoolSelect(_ schools: [String]) -> String {
        let options = schools.map { "<option value=\"\(XMLEscape.text($0))\">\(XMLEscape.text($0))</option>" }
        return """
        <select class="select" id="school" name="school" aria-describedby="school-error">
        <option value="">Choose a school</option>
        <option value="unknown" data-unknown="true">Not known</option>
        \(options.joined(separator: "\n"))
        </select>
        """
    }

    static func checkScreen() -> String {
        """
        <section class="screen" id="screen-check" hidden>
        <button type="button" class="back-link" data-back>Back</button>
        <h1 class="heading-l">Check the stop before saving it</h1>
        <dl class="summary-list" id="summary"></dl>
        <button type="button" class="button" id="save-stop">Save stop</button>
        <button type="button" class="button button--secondary" id="cancel-stop">Cancel, save nothing</button>
        </section>
        """
    }
}
