import GongkaiCore
import GongkaiInterchange
import Testing

/// The five seed catalogs, each read by hand; counts and spot checks are pinned here
/// and the judgement calls behind them are explained in docs/seed-catalogs.md.
@Suite struct SeedImportTests {
    @Test(arguments: [("000", 48), ("001", 45), ("002", 65), ("003", 33), ("004", 44)])
    func everyObligationRowBecomesOneItem(prefix: String, count: Int) throws {
        let result = try SeedFiles.load(prefix, agency: prefix == "004" ? "某市医疗保障局" : nil)
        #expect(result.catalog.items.count == count)
        #expect(result.count(.error) == 0)
    }

    @Test func agenciesAreRecognizedWhereTheDocumentNamesThem() throws {
        #expect(try SeedFiles.load("000").catalog.agency.name == "淄博市医疗保障局沂源分局")
        #expect(try SeedFiles.load("002").catalog.agency.name == "郓城县医疗保障局")
        #expect(try SeedFiles.load("003").catalog.agency.name == "灌南县医疗保障局")
        let gaoqing = try SeedFiles.load("001")
        #expect(gaoqing.catalog.agency.name == "市医疗保障局高青分局")
        #expect(gaoqing.diagnostics.contains { $0.kind == .agencyRecognized && $0.severity == .warning })
        let city = try SeedFiles.load("004")
        #expect(city.catalog.agency.name == "市医疗保障局")
        #expect(city.diagnostics.contains { $0.severity == .warning && $0.message.contains("--agency") })
        #expect(try SeedFiles.load("004", agency: "某市医疗保障局").catalog.agency.name == "某市医疗保障局")
    }

    @Test func titlesAndVersions() throws {
        let yiyuan = try SeedFiles.load("000").catalog
        #expect(yiyuan.title == "淄博市医疗保障局沂源分局信息主动公开基本目录（2021版）")
        #expect(yiyuan.version == "2021版")
        #expect(try SeedFiles.load("003").catalog.version == "试行")
    }

    @Test func numberedRowsPerTable() throws {
        // 灌南 33 numbered rows; the Shandong city file 44; 郓城's second table 41.
        let yuncheng = try SeedFiles.load("002").catalog
        #expect(yuncheng.roots.count == 2)
        #expect(yuncheng.roots[1].name == "医疗保险领域基层政务公开标准目录")
        #expect(yuncheng.roots[1].itemCount == 41)
        #expect(yuncheng.roots[0].itemCount == 24)
    }

    @Test func responsibleUnitCarriesDownInsideItsGroup() throws {
        let item = try #require(try SeedFiles.load("000").catalog.items.first { $0.path.last == "部门职责任务清单" })
        #expect(item.item.responsibleUnits == ["综合科"])
        #expect(item.item.deadlineText == "一次性公开并动态调整")
    }

    @Test func pageBreakContinuationIsOneItemWithTheWholeContent() throws {
        let items = try SeedFiles.load("000").catalog.items.filter { $0.path.last!.hasPrefix("欺诈骗保案") }
        #expect(items.count == 1)
        let fraud = try #require(items.first)
        #expect(fraud.path == ["社会保险", "欺诈骗保案列"])
        #expect(fraud.item.content == "欺诈骗保案例（以我县真实案例为主，亦可适当发布外地典型欺诈骗保案例)")
        #expect(fraud.item.deadlineText == "20个工作日内")
        #expect(fraud.item.responsibleUnits == ["基金监管科"])
        #expect(fraud.item.provenance.first == 61 && fraud.item.provenance.last == 64)
    }

    @Test func continuationWithoutNamesCompletesTheMergedContentCell() throws {
        let items = try SeedFiles.load("000").catalog.items
        let deputies = try #require(items.first { $0.path.last == "人大代表建议" })
        #expect(deputies.item.content.hasSuffix("促进农业产业快速发展的提案)”"))
        #expect(!items.contains { $0.path.last == "进农业产业快速发展的提案)”" })
    }

    @Test func codesInsideCellsAndChannelCheckboxes() throws {
        let catalog = try SeedFiles.load("004", agency: "某市医疗保障局").catalog
        let first = try #require(catalog.items.first)
        #expect(first.path == ["政策法规", "部门文件"])
        #expect(first.code == "010100")
        #expect(catalog.roots.first?.code == "010000")
        #expect(first.item.checkedChannelNames == ["政府网站", "政府公报", "两微一端", "公开查阅点", "政务服务中心"])
        #expect(first.item.channels.filter { !$0.checked }.count == 8)
        #expect(first.item.responsibleUnits == ["法规监察科"])
        #expect(first.item.publisher == "市医疗保障局")
        #expect(first.item.stages == [.decision])
        #expect(first.item.audiences == [.public])
        #expect(first.item.modes == [.proactive])
    }

    @Test func codesPlaceItemsWhoseRowShowsAShiftedFirstLevelName() throws {
        let items = try SeedFiles.load("004", agency: "某市医疗保障局").catalog.items
        func path(_ code: String) -> [String]? { items.first { $0.code == code }?.path }
        #expect(path("310200") == ["新闻发布", "新闻发布会及其他发布实录"])
        #expect(path("320100") == ["政策解读", "上级政策解读"])
        #expect(path("320200") == ["政策解读", "负责人解读"])
        #expect(path("330100") == ["回应关切", "主动回应"])
        #expect(path("210200") == ["行政权力运行", "行政许可和行政处罚双公示"])
        #expect(path("220000") == ["“双随机一公开”"])
        #expect(items.first { $0.code == "210200" }?.path.count == 2)
    }

    @Test func bookmarksAreDroppedAndReported() throws {
        let result = try SeedFiles.load("004", agency: "某市医疗保障局")
        #expect(result.diagnostics.contains { $0.kind == .artifactDropped && $0.first == 148 })
        #expect(!result.catalog.items.contains { $0.path.joined().contains("bookmark") })
    }

    @Test func htmlCheckboxesAndPDFSpaces() throws {
        let items = try SeedFiles.load("002").catalog.items
        let first = try #require(items.first { $0.path.last == "法律、法规" })
        #expect(first.item.checkedChannelNames == ["政府网站", "两微一端", "电子显示屏", "政务服务中心", "服务窗口"])
        #expect(first.item.tiers == [.county, .township, .village])
        let joined = try #require(items.first { $0.path.last == "新增协议定点医药机构" })
        #expect(joined.path == ["医疗保险领域基层政务公开标准目录", "协议定点医药机构服务", "新增协议定点医药机构"])
        #expect(joined.item.content.contains("办理流程"))
    }

    @Test func centredMergedCellsAreReportedAsAmbiguous() throws {
        let result = try SeedFiles.load("002")
        let penalty = try #require(result.catalog.items.first { $0.item.provenance.first == 76 })
        #expect(penalty.path[1] == "行政处罚")
        #expect(result.diagnostics.contains { $0.severity == .ambiguous && $0.first == 76 && $0.kind == .centredCell })
        let promise = try #require(try SeedFiles.load("000").catalog.items.first { $0.path.last == "告知承诺操作规程" })
        #expect(promise.path == ["优化服务", "证明事项告知承诺制", "告知承诺操作规程"])
    }

    @Test func strayEmptyCellIsRepaired() throws {
        let result = try SeedFiles.load("002")
        let proposal = try #require(result.catalog.items.first { $0.item.provenance.first == 49 })
        #expect(proposal.path.suffix(2) == ["建议提案", "建议提案"])
        #expect(proposal.item.publisher == "医保局")
        #expect(proposal.item.modes == [.proactive])
    }

    @Test func dumpWithoutHeaderHasGuessedColumnsAndSpannedCells() throws {
        let result = try SeedFiles.load("001")
        #expect(result.diagnostics.contains { $0.kind == .columnGuessed && $0.first == 1 && $0.message.contains("没有找到表头") })
        let list = try #require(result.catalog.items.first { $0.path.last == "权责清单" })
        #expect(list.item.content == "链接全国一体化政务服务平台（高青县）相关栏目")
        #expect(list.item.deadlineText.isEmpty)
        #expect(list.item.checkedChannelNames == ["淄博市政务服务“一网通办”总门户公开"])
        let reading = try #require(result.catalog.items.first { $0.path.last == "图文解读" })
        #expect(reading.path == ["政策文件", "政策解读", "图文解读"])
        #expect(reading.item.content == "文件解读材料，需与对应政策文件双向关联。")
        #expect(reading.item.checkedChannelNames == ["政府网站"])
        let office = try #require(result.catalog.items.first { $0.path.last == "部门职责任务清单" })
        #expect(office.item.responsibleUnits == ["办公室"])
    }

    @Test func blankLinesInsideDumpCellsAndFootnotes() throws {
        let result = try SeedFiles.load("003")
        let plan = try #require(result.catalog.items.first { $0.path.last == "规划计划" })
        #expect(plan.item.responsibleUnits == ["办公室", "待遇保障科"])
        #expect(plan.item.stages == [.decision])
        let last = try #require(result.catalog.items.last)
        #expect(last.item.checkedChannelNames == ["政府网站"])
        #expect(result.catalog.notes.contains { $0.hasPrefix("注：请各单位认真梳理") })
        let yearly = try #require(result.catalog.items.first { $0.path.last == "信息公开年报" })
        #expect(yearly.item.stages == [.execution, .result])
        #expect(yearly.item.legalBases.first?.documentNumber == "国务院令第711号")
    }

    @Test func legalBasesAreParsed() throws {
        let item = try #require(try SeedFiles.load("004", agency: "某市医疗保障局").catalog.items.first { $0.code == "010300" })
        #expect(item.item.legalBases.map(\.documentNumber) == ["国务院令第713号", "国办发〔2018〕37号", "国务院令第337号"])
        #expect(item.item.legalBases.first?.title == "重大行政决策程序暂行条例")
    }
}
