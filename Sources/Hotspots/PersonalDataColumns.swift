/// Decides which CSV columns look like personal data or free text. Such a column is never read:
/// the importer only ever reads the fixed columns of the stop schema.
public enum PersonalDataColumns {
    /// Fragments of a normalised header (lower case, `_` for spaces and hyphens) that mark personal data
    /// (names, dates of birth, addresses, contacts, pupil numbers) or free text (notes, comments).
    static let fragments = [
        "name", "surname", "forename", "child", "pupil", "student", "dob", "birth", "address", "postcode",
        "post_code", "street", "house", "phone", "mobile", "tel", "email", "e_mail", "upn", "uln", "nhs",
        "note", "comment", "remark", "description", "detail", "free_text", "freetext", "narrative", "text",
    ]

    public static func normalise(_ header: String) -> String {
        var out = ""
        for character in header.trimmingSpaces.lowercased() {
            out.append(character == " " || character == "-" || character == "." ? "_" : character)
        }
        return out
    }

    /// True when a header looks like personal data or free text. Exact stop-schema columns never do.
    public static func isPersonal(_ header: String) -> Bool {
        let key = normalise(header)
        if StopColumns.all.contains(key) { return false }
        if key == "tel" || key.hasPrefix("tel_") { return true }
        return fragments.contains { $0 != "tel" && key.contains($0) }
    }
}

public enum StopColumns {
    public static let all = ["time", "lon", "lat", "place", "school", "age_band", "reason", "outcome", "pair", "sweep"]
}
