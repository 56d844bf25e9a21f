import Foundation

/// One thread that runs the jobs of the tasks using one SQLite connection: a `TaskExecutor`, so
/// `withTaskExecutorPreference` puts a borrower's whole body here (its nonisolated async code, SQLite's blocking calls
/// included) and Swift's cooperative pool, two threads on a 2-core machine, is never held by a disk sync or a busy wait.
/// Jobs run in the order they arrive; the thread sleeps when there are none.
public final class SQLiteThread: TaskExecutor, @unchecked Sendable {
    // Guarded by `condition`: the jobs waiting to run, and whether the thread should end once they have.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopping = false

    public init(name: String) {
        let thread = Thread { [self] in
            Thread.current.threadDictionary[Self.marker] = true
            run()
        }
        thread.name = name
        thread.start()
    }

    private static let marker = "lumbar.sqlite-thread"

    /// Whether the caller runs on one of these threads (what tests check of where SQLite's calls run).
    public static var isCurrent: Bool { Thread.current.threadDictionary[marker] != nil }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread once the jobs already queued have run. Does not wait, so it may be called from the thread itself.
    public func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let ready = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in ready { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
