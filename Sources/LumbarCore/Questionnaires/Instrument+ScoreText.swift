/// A score as a therapist writes it: whole points for pain and the disability scales, one decimal for the PSFS
/// (an average of up to five ratings, so 3.666… reads 3.7), a percentage for the ODI.
extension Instrument {
    public func scoreText(_ score: Double) -> String {
        switch self {
        case .psfs:
            let tenths = (score * 10).rounded()
            return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
        case .odi:
            return "\(Int(score.rounded()))%"
        case .nprs, .rmdq, .startBack:
            return String(Int(score.rounded()))
        }
    }

    /// "3.7/10", "12/24", "40%": the score with its scale, for a line of text.
    public func scoreWithScale(_ score: Double) -> String {
        switch self {
        case .odi: return scoreText(score)
        default: return "\(scoreText(score))/\(Int(range.upperBound))"
        }
    }
}
