import Foundation

/// The package parts around the document body: content types, relationships, settings and properties.
enum DocxParts {
    static func contentTypes(pageNumbers: Bool) -> XMLMarkup {
        let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var overrides: [(String, String)] = [
            ("/word/document.xml", "\(wordprocessing).document.main+xml"),
            ("/word/styles.xml", "\(wordprocessing).styles+xml"),
            ("/word/settings.xml", "\(wordprocessing).settings+xml"),
            ("/word/fontTable.xml", "\(wordprocessing).fontTable+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        if pageNumbers { overrides.append(("/word/footer1.xml", "\(wordprocessing).footer+xml")) }
        return XMLMarkup("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")], [
            XMLMarkup("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")]),
            XMLMarkup("Default", [("Extension", "xml"), ("ContentType", "application/xml")]),
        ] + overrides.map { XMLMarkup("Override", [("PartName", $0.0), ("ContentType", $0.1)]) })
    }

    static func packageRelationships() -> XMLMarkup {
        relationships([
            ("rId1", "\(DocxNamespaces.officeRelationships)/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", "\(DocxNamespaces.officeRelationships)/extended-properties", "docProps/app.xml"),
        ])
    }

    static func documentRelationships(pageNumbers: Bool) -> XMLMarkup {
        var list = [
            ("rIdStyles", "\(DocxNamespaces.officeRelationships)/styles", "styles.xml"),
            ("rIdSettings", "\(DocxNamespaces.officeRelationships)/settings", "settings.xml"),
            ("rIdFontTable", "\(DocxNamespaces.officeRelationships)/fontTable", "fontTable.xml"),
        ]
        if pageNumbers { list.append((DocxPage.footerRelationship, "\(DocxNamespaces.officeRelationships)/footer", "footer1.xml")) }
        return relationships(list)
    }

    private static func relationships(_ list: [(id: String, type: String, target: String)]) -> XMLMarkup {
        XMLMarkup("Relationships", [("xmlns", DocxNamespaces.relationships)], list.map {
            XMLMarkup("Relationship", [("Id", $0.id), ("Type", $0.type), ("Target", $0.target)])
        })
    }

    /// Punctuation compression as Chinese documents expect, and Word 2013+ layout (compatibility mode 15).
    static func settings() -> XMLMarkup {
        XMLMarkup("w:settings", DocxNamespaces.main, [
            XMLMarkup("w:zoom", [("w:percent", "100")]),
            .val("w:defaultTabStop", "420"),
            .val("w:characterSpacingControl", "compressPunctuation"),
            XMLMarkup("w:compat", [], [XMLMarkup("w:compatSetting", [("w:name", "compatibilityMode"),
                ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")])]),
            XMLMarkup("w:themeFontLang", [("w:val", "en-US"), ("w:eastAsia", "zh-CN")]),
        ])
    }

    static func coreProperties(title: String, author: String, created: Date?) -> XMLMarkup {
        var children = [XMLMarkup("dc:title", text: title), XMLMarkup("dc:creator", text: author)]
        if let created {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            children.append(XMLMarkup("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: formatter.string(from: created)))
        }
        return XMLMarkup("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ], children)
    }

    static func appProperties() -> XMLMarkup {
        XMLMarkup("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")],
                  [XMLMarkup("Application", text: "Gongkai")])
    }
}
