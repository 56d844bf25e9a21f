/// How big an upload may be: the owner's limit in whole megabytes, spoken as a front desk reads it.
public enum DocumentSize {
    public static let defaultMegabytes = 10
    /// The owner may choose from 1 to this; a bigger file belongs in a folder, not in every backup.
    public static let maximumMegabytes = 50

    public static func bytes(megabytes: Int) -> Int { megabytes * 1_048_576 }

    /// "2.4 MB", "310 KB", "12 bytes".
    public static func spoken(_ bytes: Int) -> String {
        if bytes < 1024 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        if bytes < 1_048_576 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
