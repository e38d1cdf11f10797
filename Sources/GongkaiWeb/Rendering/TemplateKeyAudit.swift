import Foundation
import Mustache

/// Finds the template keys that no view model has. Mustache renders such a key as empty text, so a misspelt key
/// or a field a controller forgot to fill would otherwise pass unnoticed (`href=""`, a banner followed by
/// nothing). With `WebConfig.strictTemplates` the renderer wraps the page in `AuditedValue`s and refuses to
/// serve a page whose template asked for a key that no object on the context stack has.
///
/// A key that exists with the value nil is not missing: that is how a template tests an optional.
final class TemplateKeyAudit {
    private(set) var asked: Set<String> = []
    private(set) var found: Set<String> = []

    /// The keys asked for and found in no view model, sorted.
    var unresolved: [String] { asked.subtracting(found).sorted() }

    func audit(_ value: Any) -> Any { wrap(value) }

    fileprivate func lookUp(_ name: String, in value: Any) -> Any? {
        asked.insert(name)
        guard let match = Mirror(reflecting: value).children.first(where: { $0.label == name }) else { return nil }
        found.insert(name)
        return unwrapOptional(match.value).map(wrap)
    }

    private func wrap(_ value: Any) -> Any {
        switch value {
        case is String, is Substring, is Bool, is Int, is Double, is Date, is MustacheCustomRenderable, is MustacheParent:
            return value
        case let array as [Any]:
            return array.map(wrap)
        default:
            let style = Mirror(reflecting: value).displayStyle
            return style == .struct || style == .class ? AuditedValue(value: value, audit: self) : value
        }
    }

    private func unwrapOptional(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}

/// A view model value whose key lookups are recorded by its audit.
struct AuditedValue: MustacheParent, CustomStringConvertible {
    let value: Any
    let audit: TemplateKeyAudit

    func child(named name: String) -> Any? { audit.lookUp(name, in: value) }

    var description: String { String(describing: value) }
}
