import ArgumentParser
import GongkaiInterchange

/// `--columns` and `--header-rows`: staff's reading of the table, in place of the importer's guesses.
extension ImportCommand {
    func validate() throws {
        do { _ = try readingChoices() } catch let error as ReadingChoices.ParseError {
            throw ValidationError(error.description)
        }
    }

    func readingChoices() throws -> ReadingChoices {
        try ReadingChoices(columns: columns, headerRows: headerRows)
    }
}
