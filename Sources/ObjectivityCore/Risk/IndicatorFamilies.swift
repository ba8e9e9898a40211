/// Where the indicators of each family lie among a sitting's units, for the steps that
/// treat a family's results together (its empirical null, its q-values).
///
/// A unit's indicators nearly always come in the same layout as the unit's before it, so
/// an indicator's code and direction are first compared with those of the indicator at
/// the same position in the previous unit (equal strings from the same literal compare by
/// their bits), and its family is worked out only when they differ. Working it out for
/// every indicator — hashing its family key, or comparing it with each family's name —
/// was 1.5 % of a national scan (840,000 units, some twenty indicators each, twice).
enum IndicatorFamilies {
    /// Places (unit, indicator) grouped by the slot `slot` gives an indicator (nil: none),
    /// each group in unit order, then indicator order; groups for slots 0…the largest
    /// given, empty where no indicator was given that slot. `slot` must depend only on the
    /// indicator's code and direction.
    static func places(of units: [UnitResult], slot: (IndicatorResult) -> Int?) -> [[(unit: Int, indicator: Int)]] {
        var places: [[(unit: Int, indicator: Int)]] = []
        var previous: [(code: String, direction: String?, slot: Int?)] = []
        units.withUnsafeBufferPointer { units in
            for u in units.indices {
                units[u].indicators.withUnsafeBufferPointer { indicators in
                    for i in indicators.indices {
                        // By pointer: an element handed over would be copied, its strings
                        // and arrays retained.
                        let indicator = indicators.baseAddress! + i
                        let found: Int?
                        if i < previous.count, previous[i].code == indicator.pointee.code,
                           previous[i].direction == indicator.pointee.direction {
                            found = previous[i].slot
                        } else {
                            found = slot(indicator.pointee)
                            let seen = (code: indicator.pointee.code, direction: indicator.pointee.direction, slot: found)
                            if i < previous.count { previous[i] = seen } else { previous.append(seen) }
                        }
                        guard let found else { continue }
                        while places.count <= found { places.append([]) }
                        places[found].append((u, i))
                    }
                }
            }
        }
        return places
    }
}
