import GongkaiInterchange
import Testing

/// `--columns '1=一级,2=二级,5=时限'` and `--header-rows 2`, as staff type them.
@Suite struct ReadingChoicesTests {
    @Test func readsColumnsWithAnyCommaOrSpace() throws {
        let choices = try ReadingChoices(columns: "1=一级,2=二级，3 = 公开内容、 5＝时限  ６=忽略,7:责任主体", headerRows: 2)
        #expect(choices.columnRoles == [1: .level(1), 2: .level(2), 3: .content, 5: .deadline, 6: .ignore, 7: .responsible])
        #expect(choices.headerRows == 2)
        #expect(!choices.isEmpty)
    }

    @Test func noColumnsIsNoChoice() throws {
        #expect(try ReadingChoices(columns: nil, headerRows: nil).isEmpty)
        #expect(try ReadingChoices(columns: " ", headerRows: nil).isEmpty)
        #expect(try ReadingChoices(columns: nil, headerRows: 0) == ReadingChoices(headerRows: 0))
    }

    @Test func unknownRoleListsTheValidNames() {
        let error = #expect(throws: ReadingChoices.ParseError.self) { try ReadingChoices(columns: "1=一级,5=时间限", headerRows: nil) }
        #expect(error == .unknownRole(column: 5, name: "时间限"))
        let message = error?.description ?? ""
        #expect(message.hasPrefix("第5列的“时间限”不是可选的列角色"))
        for name in ["一级", "二级", "五级", "公开内容", "依据", "时限", "责任单位", "渠道", "对象", "方式", "层级", "忽略"] {
            #expect(message.contains(name))
        }
    }

    @Test(arguments: ["0=一级", "x=一级", "-1=一级", "1.5=一级", "=一级"])
    func badColumnNumberIsRefused(columns: String) {
        let error = #expect(throws: ReadingChoices.ParseError.self) { try ReadingChoices(columns: columns, headerRows: nil) }
        #expect(error == .badColumnNumber(columns))
        #expect(error?.description.contains("列号是从1开始的整数") == true)
    }

    @Test func entryWithoutEqualsIsRefused() {
        let error = #expect(throws: ReadingChoices.ParseError.self) { try ReadingChoices(columns: "1=一级,5时限", headerRows: nil) }
        #expect(error == .missingEquals("5时限"))
    }

    @Test func duplicateColumnIsRefused() {
        let error = #expect(throws: ReadingChoices.ParseError.self) { try ReadingChoices(columns: "2=一级,2=二级", headerRows: nil) }
        #expect(error == .duplicateColumn(2, first: "一级", second: "二级"))
        #expect(error?.description == "第2列指定了两次（“一级”和“二级”），每列只能指定一个角色")
    }

    @Test func roleGivenToTwoColumnsIsRefusedUnlessItMayRepeat() throws {
        let error = #expect(throws: ReadingChoices.ParseError.self) { try ReadingChoices(columns: "3=时限,5=时限", headerRows: nil) }
        #expect(error == .duplicateRole("时限", columns: [3, 5]))
        let repeated = try ReadingChoices(columns: "3=忽略,4=忽略,5=公开内容,6=公开内容", headerRows: nil)
        #expect(repeated.columnRoles.count == 4)
    }

    @Test func negativeHeaderRowsAreRefused() {
        let error = #expect(throws: ReadingChoices.ParseError.self) { try ReadingChoices(columns: nil, headerRows: -1) }
        #expect(error == .badHeaderRows(-1))
    }

    @Test func everyRoleReadsBackFromItsName() {
        for role in ChosenRole.allCases { #expect(ChosenRole(name: role.name) == role) }
        #expect(ChosenRole(name: "公开时限") == .deadline)
        #expect(ChosenRole(name: "六级") == nil)
    }
}
