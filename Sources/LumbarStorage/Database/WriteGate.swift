/// Lets one SQLite write transaction run at a time within this process. SQLite allows one writer anyway;
/// queueing here (without blocking a thread) keeps waiting writers from filling the thread pool that the
/// current writer needs to commit. Other processes are still held off by BEGIN IMMEDIATE and busy_timeout.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func leave() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}
