extension String {
    /// nil for "", so a template's `{{#field}}` section is skipped (an empty string still counts as present there).
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
