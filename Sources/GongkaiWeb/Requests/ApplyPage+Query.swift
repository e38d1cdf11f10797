import GongkaiCore
import GongkaiStore

extension ApplyController.ApplyView {
    /// The form with `fields` filled in (the only agency chosen when there is one) and `errors` above it.
    static func load(csrf: String, fields: FormData, errors: [String], directory: AgencyDirectory) async throws -> Self {
        let agencies = try await directory.agencies()
        let chosenAgency = fields["agency"] ?? (agencies.count == 1 ? String(agencies[0].id) : "")
        let kind = fields["kind"] ?? ApplicantKind.naturalPerson.rawValue
        let documentType = fields["documentType"] ?? IdentityDocumentType.residentIDCard.rawValue
        return Self(
            csrf: csrf, errors: errors, hasErrors: !errors.isEmpty,
            agencies: agencies.map { SelectOption(value: String($0.id), label: $0.name, selected: String($0.id) == chosenAgency) },
            kinds: ApplicantKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.fullLabel, selected: $0.rawValue == kind) },
            documentTypes: IdentityDocumentType.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == documentType) },
            forms: ApplyController.formRequirements.map { SelectOption(value: $0, label: $0, selected: $0 == fields["formRequirement"]) },
            deliveries: ApplyController.deliveries.map { SelectOption(value: $0, label: $0, selected: $0 == fields["delivery"]) },
            name: fields["name"] ?? "", documentNumber: fields["documentNumber"] ?? "", contact: fields["contact"] ?? "",
            information: fields["information"] ?? "")
    }
}
