/// One `<option>` of a select in a form.
struct SelectOption: Sendable {
    var value: String
    var label: String
    var selected: Bool
}
