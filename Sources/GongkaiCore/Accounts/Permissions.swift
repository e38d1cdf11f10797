/// Who may do what. Every web handler and API endpoint asks these predicates; nothing else decides.
public enum Permissions {
    public static func canManageAgencies(_ user: User) -> Bool { user.role == .systemAdmin }

    /// Accounts and departments of an agency.
    public static func canAdminister(agencyID: Int, _ user: User) -> Bool {
        user.role == .systemAdmin || (user.role == .agencyAdmin && user.agencyID == agencyID)
    }

    /// Drafting under an item: editors only where one of the item's responsible units is their department;
    /// agency administrators anywhere in their agency.
    public static func canDraft(itemAgencyID: Int, responsibleDepartmentIDs: [Int], _ user: User) -> Bool {
        switch user.role {
        case .systemAdmin: true
        case .agencyAdmin: user.agencyID == itemAgencyID
        case .editor: user.agencyID == itemAgencyID && !Set(user.departmentIDs).isDisjoint(with: responsibleDepartmentIDs)
        case .reviewer: false
        }
    }

    /// Editing a draft (or a rejected record) is for whoever may draft under its item.
    public static func canEdit(_ record: Record, responsibleDepartmentIDs: [Int], _ user: User) -> Bool {
        [.draft, .rejected].contains(record.status)
            && canDraft(itemAgencyID: record.agencyID, responsibleDepartmentIDs: responsibleDepartmentIDs, user)
    }

    /// Approving, rejecting, withdrawing: reviewers and administrators of the record's agency.
    public static func canReview(agencyID: Int, _ user: User) -> Bool {
        switch user.role {
        case .systemAdmin: true
        case .agencyAdmin, .reviewer: user.agencyID == agencyID
        case .editor: false
        }
    }

    /// Drafting the agency's annual report (figures and texts): its administrators and editors.
    public static func canDraftReport(agencyID: Int, _ user: User) -> Bool {
        switch user.role {
        case .systemAdmin: true
        case .agencyAdmin, .editor: user.agencyID == agencyID
        case .reviewer: false
        }
    }

    /// Importing a catalog or a revision of it: the agency's administrators (a new agency: system administrators).
    public static func canImportCatalog(agencyID: Int?, _ user: User) -> Bool {
        agencyID.map { canAdminister(agencyID: $0, user) } ?? (user.role == .systemAdmin)
    }

    /// Editing a draft of the agency's next catalog version: its administrators and editors (as for the annual
    /// report); reviewers approve it.
    public static func canEditCatalog(agencyID: Int, _ user: User) -> Bool { canDraftReport(agencyID: agencyID, user) }

    /// Approving or setting aside a catalog revision, and correcting its matches: as for records, reviewers and
    /// administrators of the agency.
    public static func canDecideCatalogRevision(agencyID: Int, _ user: User) -> Bool { canReview(agencyID: agencyID, user) }

    public static func canViewAudit(agencyID: Int?, _ user: User) -> Bool {
        user.role == .systemAdmin || (user.role == .agencyAdmin && agencyID != nil && user.agencyID == agencyID)
    }

    /// Staff see their own agency; system administrators see all.
    public static func canView(agencyID: Int, _ user: User) -> Bool {
        user.role == .systemAdmin || user.agencyID == agencyID
    }
}
