import GongkaiCore
import Testing

@Suite struct ApplicantIdentityTests {
    func person(_ number: String, contact: String = "13800000000") -> ApplicantIdentity {
        ApplicantIdentity(kind: .naturalPerson, name: "王某", documentType: .residentIDCard, documentNumber: number, contact: contact)
    }

    @Test func residentIDNumbersAreChecked() {
        // The GB 11643 example number; the weighted sum is 167 ≡ 2 (mod 11), check character X.
        #expect(person("11010519491231002X").problems().isEmpty)
        #expect(person("110105194912310021").problems() == ["居民身份证号码“110105********0021”校验不通过（GB 11643），请核对"])
        #expect(person("11010519491231002X", contact: "").problems() == ["请填写联系方式（条例第二十九条）"])
        let company = ApplicantIdentity(kind: .commercialEnterprise, name: "", documentType: .unifiedSocialCreditCode,
                                        documentNumber: "91370000MA3C000000", contact: "0533-0000000")
        #expect(company.problems() == ["请填写申请人名称"])
        let mismatched = ApplicantIdentity(kind: .naturalPerson, name: "王某", documentType: .unifiedSocialCreditCode,
                                           documentNumber: "91370000MA3C000000", contact: "x")
        #expect(mismatched.problems() == ["自然人申请应提供个人身份证明，而非统一社会信用代码"])
    }

    @Test func staffListsShowAMaskedNumber() {
        #expect(ApplicantIdentity.maskForStaff("370323199001011233") == "370323********1233")
        #expect(ApplicantIdentity.maskForStaff("110105491231002") == "110105*****1002")
        #expect(ApplicantIdentity.maskForStaff("E12345678") == "E*******8")
        #expect(ApplicantIdentity.maskForStaff("AB") == "**")
        #expect(person(" 11010519491231002X ").maskedDocumentNumber == "110105********002X")
    }
}
