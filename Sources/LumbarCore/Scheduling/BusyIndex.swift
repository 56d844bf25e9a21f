/// Taken time as sorted, merged ranges, so "is this span free?" is a binary search.
struct BusyIndex: Sendable {
    private(set) var ranges: [TimeRange]

    init(_ ranges: [TimeRange]) {
        var merged: [TimeRange] = []
        for range in ranges.sorted() where range.start < range.end {
            if let last = merged.last, range.start <= last.end {
                merged[merged.count - 1] = TimeRange(start: last.start, end: max(last.end, range.end))
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    func isFree(_ span: TimeRange) -> Bool {
        // First merged range that ends after the span starts; the span is free unless that range starts before it ends.
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].end <= span.start { low = middle + 1 } else { high = middle }
        }
        return low == ranges.count || ranges[low].start >= span.end
    }
}
