/// One account's balance of one lot through time, at the end of each day on which it changed:
/// the days in order and the balance after each. A balance at any date is a binary search.
struct BalanceTimeline: Sendable {
    private(set) var days: [Int] = []
    private(set) var balances: [Int64] = []

    /// The balance at the end of `day`.
    func balance(at day: Int) -> Int64 {
        // The last change on or before `day`.
        var low = 0
        var high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] <= day { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? 0 : balances[low - 1]
    }

    /// The lowest balance from the end of `day` on: what a withdrawal dated `day` may take at most
    /// without making a later day's balance negative.
    func lowest(from day: Int) -> Int64 {
        var lowest = balance(at: day)
        var index = days.count - 1
        while index >= 0, days[index] > day {
            lowest = min(lowest, balances[index])
            index -= 1
        }
        return lowest
    }

    /// Adds `delta` on `day` and to every later day's balance.
    mutating func add(_ delta: Int64, on day: Int) {
        if let last = days.last, last <= day {
            if last == day {
                balances[balances.count - 1] += delta
            } else {
                days.append(day)
                balances.append(balances[balances.count - 1] + delta)
            }
            return
        }
        if days.isEmpty {
            days.append(day)
            balances.append(delta)
            return
        }
        // A back-dated entry: insert its day, then shift every later balance.
        var position = days.count
        while position > 0, days[position - 1] > day { position -= 1 }
        if position > 0, days[position - 1] == day {
            for i in (position - 1)..<balances.count { balances[i] += delta }
        } else {
            let before = position == 0 ? 0 : balances[position - 1]
            days.insert(day, at: position)
            balances.insert(before + delta, at: position)
            for i in (position + 1)..<balances.count { balances[i] += delta }
        }
    }
}
