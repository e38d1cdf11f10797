/// Computes the annual report from plain inputs: tables 二/三/四, the checks, and the narrative draft. Pure; no I/O.
public enum AnnualReportBuilder {
    /// The report for `input.year`, in the format of that year.
    public static func build(_ input: ReportInput) -> AnnualReport {
        let format = ReportFormat.forYear(input.year)
        let tables = ReportTables(two: TableTwo.build(input, format: format), three: TableThree.build(input, format: format),
                                  four: TableFour.build(input))
        let checks = ReportChecks.run(tables, input: input)
        let sections = NarrativeDraft.sections(tables, input: input)
        return AnnualReport(year: input.year, agency: input.agencyName, format: format, tables: tables, checks: checks,
                            sections: sections, compliance: input.compliance)
    }

    /// The checks re-run on a report whose cells were changed after building (e.g. a corrected entered figure).
    public static func recheck(_ report: AnnualReport, input: ReportInput) -> AnnualReport {
        var next = report
        next.checks = ReportChecks.run(report.tables, input: input)
        return next
    }
}
