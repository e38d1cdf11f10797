/// The samples of a Prometheus text exposition: `name{label="value",…} number` lines.
struct PrometheusSamples {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    let samples: [Sample]
    let text: String

    init(_ text: String) {
        self.text = text
        samples = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap(Self.parse)
    }

    /// The samples named `name` whose labels include every one of `labels`.
    func matching(_ name: String, _ labels: [String: String] = [:]) -> [Sample] {
        samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
    }

    /// The sum over the matching samples; 0 when there is none (a series not yet made).
    func total(_ name: String, _ labels: [String: String] = [:]) -> Double {
        matching(name, labels).reduce(0) { $0 + $1.value }
    }

    private static func parse(_ line: Substring) -> Sample? {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { return nil }
        let series = line[..<space]
        guard let open = series.firstIndex(of: "{") else { return Sample(name: String(series), labels: [:], value: value) }
        var labels: [String: String] = [:]
        var rest = series[series.index(after: open)...].dropLast()  // the closing brace
        while let equals = rest.firstIndex(of: "=") {
            let key = String(rest[..<equals])
            var value = ""
            var index = rest.index(equals, offsetBy: 2)  // past `="`
            while index < rest.endIndex, rest[index] != "\"" {
                if rest[index] == "\\" { index = rest.index(after: index) }
                value.append(rest[index])
                index = rest.index(after: index)
            }
            labels[key] = value
            rest = rest[rest.index(after: index)...].drop { $0 == "," }
        }
        return Sample(name: String(series[..<open]), labels: labels, value: value)
    }
}
