// Dev tool: each stdin line "<level>[mask] <hex bytes>" prints "<version> <mask> <size> <rows of 0/1 joined by ,>"; "svg <text>" prints markup.
while let line = readLine() {
    let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
    if parts[0] == "svg" {
        print(QRCodeSVG(try QRCode.encode(parts.count > 1 ? parts[1] : "")).markup(label: "QR"))
        continue
    }
    let level = QRCode.Level(rawValue: String(parts[0].prefix(1)))!
    let forced = parts[0].count > 1 ? Int(parts[0].dropFirst()) : nil
    let hex = parts.count > 1 ? Array(parts[1].utf8) : []
    var bytes: [UInt8] = []
    var i = 0
    while i + 1 < hex.count {
        bytes.append(UInt8(String(decoding: hex[i...i+1], as: UTF8.self), radix: 16)!)
        i += 2
    }
    do {
        let code = try QRCode(bytes: bytes, level: level, mask: forced)
        var rows: [String] = []
        for y in 0..<code.size { rows.append(String((0..<code.size).map { code.isDark(x: $0, y: y) ? "1" : "0" })) }
        print("\(code.version) \(code.mask) \(code.size) \(rows.joined(separator: ","))")
    } catch {
        print("error \(error)")
    }
}
