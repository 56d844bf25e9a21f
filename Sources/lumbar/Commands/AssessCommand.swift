import ArgumentParser
import Foundation
import LumbarCore

/// `lumbar assess FILE|-`: runs the clinical engine on contract JSON.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess one case (assessment contract v1): JSON in, JSON out.",
        discussion: "Reads FILE, or standard input when FILE is '-'. Bad input exits 2 with one line per problem."
    )

    @Argument(help: "A JSON file, or - for standard input.")
    var file: String

    @Option(help: "Weeks at which an episode stops being acute (4 or 6).")
    var acuteWeeks: Int = 4

    func validate() throws {
        guard acuteWeeks == 4 || acuteWeeks == 6 else {
            throw ValidationError("--acute-weeks: must be 4 or 6, got \(acuteWeeks)")
        }
    }

    func run() throws {
        let bytes: Data
        if file == "-" {
            bytes = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("\(file): cannot read the file")
                throw ExitCode(2)
            }
            bytes = data
        }
        switch AssessmentInputDecoder.decode(bytes) {
        case .success(let input):
            let assessment = AssessmentEngine(settings: EngineSettings(acuteWeeks: acuteWeeks)).assess(input)
            print(assessment.json)
        case .failure(let problems):
            for problem in problems.problems { printError(problem.description) }
            throw ExitCode(2)
        }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
