import Testing
@testable import Base

@Suite struct CSVReaderTests {
    @Test func quotedFieldsKeepCommasQuotesAndLineBreaksAndLinesAreCounted() throws {
        let text = "# generated, not real\r\na,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\n1,,3\n"
        let records = try CSVReader.records(text)
        #expect(records.count == 3)
        #expect(records[0] == CSVRecord(line: 2, fields: ["a", "b", "c"]))
        #expect(records[1] == CSVRecord(line: 3, fields: ["x, y", "say \"hi\"", "two\nlines"]))
        #expect(records[2] == CSVRecord(line: 6, fields: ["1", "", "3"]))
    }

    @Test func unclosedQuoteIsReportedAtTheLineItOpens() {
        let error = #expect(throws: CSVSyntaxError.self) {
            try CSVReader.records("a,b\n\"open,1\n2,3\n")
        }
        #expect(error == CSVSyntaxError(line: 2, problem: .unclosedQuote))
        #expect(error?.message == "a quoted field is never closed")
        // In a record that already spans lines, the line of the opening quote, not of the record.
        #expect(throws: CSVSyntaxError(line: 3, problem: .unclosedQuote)) {
            try CSVReader.records("a,b\n\"two\nlines\",\"open\n")
        }
    }

    @Test func aQuoteThatDoesNotSurroundAWholeFieldIsAnError() {
        #expect(throws: CSVSyntaxError(line: 2, problem: .quoteInUnquotedField)) {
            try CSVReader.records("a,b\nsay \"hi\",1\n")
        }
        #expect(throws: CSVSyntaxError(line: 3, problem: .textAfterClosingQuote)) {
            try CSVReader.records("a,b\n\"two\nlines\" and more,1\n")
        }
    }

    @Test func byteOrderMarkAndEveryLineEndingAreReadAlike() throws {
        let expected = [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"])]
        #expect(try CSVReader.records("a,b\n1,2\n") == expected)
        #expect(try CSVReader.records("a,b\r\n1,2\r\n") == expected)
        #expect(try CSVReader.records("a,b\r1,2\r") == expected)
        #expect(try CSVReader.records("a,b\n1,2") == expected)
        #expect(try CSVReader.records(bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8)) == expected)
    }

    @Test func blankLinesAreSkippedAndCountedEvenAfterALoneCarriageReturn() throws {
        #expect(try CSVReader.records("a,b\r\r1,2\r") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 3, fields: ["1", "2"])])
        #expect(try CSVReader.records("a,b\n\r\n\n1,2\n") == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 4, fields: ["1", "2"])])
        #expect(try CSVReader.records("") == [])
    }

    @Test func commentLinesAreRecordsWhenCommentsAreOff() throws {
        let text = "# note\na,b\n#1,2\n"
        #expect(try CSVReader.records(text) == [CSVRecord(line: 2, fields: ["a", "b"])])
        #expect(try CSVReader.records(text, commentLines: false) == [
            CSVRecord(line: 1, fields: ["# note"]), CSVRecord(line: 2, fields: ["a", "b"]), CSVRecord(line: 3, fields: ["#1", "2"]),
        ])
        // A `#` inside a record, or quoted at its start, is text either way.
        #expect(try CSVReader.records("a,#b\n\"#c\",d\n") == [
            CSVRecord(line: 1, fields: ["a", "#b"]), CSVRecord(line: 2, fields: ["#c", "d"]),
        ])
    }

    @Test func emptyFieldsAtTheEndOfARecordAreKept() throws {
        #expect(try CSVReader.records("a,\n,\n\"\"\n") == [
            CSVRecord(line: 1, fields: ["a", ""]), CSVRecord(line: 2, fields: ["", ""]), CSVRecord(line: 3, fields: [""]),
        ])
    }
}
