/// Builds HTML in Swift for a page drawn without a template: markup written as it is, every value escaped
/// (`HTMLEscaping`, as the templates escape). For the pages read most often, where swift-mustache's lookups were most of
/// the time (docs/performance.md).
struct HTMLWriter {
    private(set) var html = ""
    private let escaping = HTMLEscaping()

    init(capacity: Int = 16_384) { html.reserveCapacity(capacity) }

    /// Markup, as written.
    mutating func raw(_ markup: String) { html += markup }

    /// A value, escaped.
    mutating func text(_ value: String) { html += escaping.escapeText(value) }

    /// A value, escaped; nothing for nil.
    mutating func text(_ value: String?) {
        if let value { text(value) }
    }

    /// A form's hidden CSRF field.
    mutating func csrf(_ token: String) {
        raw("<input type=\"hidden\" name=\"_csrf\" value=\"")
        text(token)
        raw("\">")
    }

    /// One field as `field.mustache` draws it.
    mutating func field(_ field: FieldView) {
        let invalid = field.error != nil
        raw("<div class=\"field\(invalid ? " invalid" : "")\">\n  <label for=\"")
        text(field.name)
        raw("\">")
        text(field.label)
        if field.optional { raw(" <span class=\"optional\">(optional)</span>") }
        raw("</label>\n  ")
        let describedBy = { (writer: inout HTMLWriter) in
            if invalid {
                writer.raw(" aria-invalid=\"true\" aria-describedby=\"")
                writer.text(field.name)
                writer.raw("-error\"")
            }
        }
        if field.isSelect {
            raw("<select id=\""); text(field.name); raw("\" name=\""); text(field.name); raw("\"")
            describedBy(&self)
            raw(">")
            for option in field.options {
                raw("<option value=\""); text(option.value); raw("\"")
                if option.selected { raw(" selected") }
                raw(">"); text(option.label); raw("</option>")
            }
            raw("</select>")
        }
        raw("\n  ")
        if field.isTextArea {
            raw("<textarea id=\""); text(field.name); raw("\" name=\""); text(field.name); raw("\" rows=\"5\"")
            if let maxLength = field.maxLength { raw(" maxlength=\"\(maxLength)\"") }
            describedBy(&self)
            raw(">"); text(field.value); raw("</textarea>")
        }
        raw("\n  ")
        if field.isInput {
            raw("<input id=\""); text(field.name); raw("\" name=\""); text(field.name); raw("\" type=\""); text(field.type)
            raw("\" value=\""); text(field.value); raw("\"")
            if let maxLength = field.maxLength { raw(" maxlength=\"\(maxLength)\"") }
            if let autocomplete = field.autocomplete { raw(" autocomplete=\""); text(autocomplete); raw("\"") }
            if let list = field.list { raw(" list=\""); text(list); raw("\"") }
            describedBy(&self)
            raw(">")
        }
        raw("\n  ")
        if let help = field.help { raw("<p class=\"help\">"); text(help); raw("</p>") }
        raw("\n  ")
        if let error = field.error { raw("<p class=\"error\" id=\""); text(field.name); raw("-error\">"); text(error); raw("</p>") }
        raw("\n</div>\n")
    }
}
