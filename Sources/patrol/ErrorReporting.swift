import ArgumentParser
import Base
import Foundation

/// The one place errors leave the program: one line, a hint, a documented exit code, no stack trace.
enum ErrorReporting {
    static func run(_ command: inout any ParsableCommand) -> Never {
        do {
            try command.run()
            exit(0)
        } catch let error as any UserFacingError {
            report(error.description, hint: error.hint)
            exit(error.exitCode.rawValue)
        } catch {
            // ArgumentParser's own errors (help, usage, ExitCode) keep their usual behaviour.
            Patrol.exit(withError: error)
        }
    }

    static func report(_ message: String, hint: String?) {
        var text = "patrol: error: \(message)\n"
        if let hint { text += "hint: \(hint)\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
