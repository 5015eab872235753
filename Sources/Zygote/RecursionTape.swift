// The tape a directly recursive @Differentiable function records its calls on.
//
// A recursive rule that replayed each level with `_vjp` would run the whole plain recursion
// below every level again: n levels cost O(n²) calls. Instead the generated rule runs the body
// once, as written, with each recursive call appending one record (the call's parameters, and
// the value and record index of each recursive call it made); the backward pass reads a level's
// record by index and never recomputes what lies below it. Records are read, never popped, so a
// child whose gradient is never asked for (its value only compared, or wrapped in `dropgrad`)
// leaves nothing out of step.

/// The records of one differentiated call of a directly recursive function, one per level.
///
/// Generated code makes one per call of the function's rule (`_vjp`), so records never outlive
/// the pullback that reads them and no thread shares one.
public final class _RecursionTape<Record> {
  /// The records, in the order the levels finished (a callee before its caller).
  // Unchecked: accesses never overlap (one append or one read at a time, on one thread), and the
  // dynamic exclusivity check of a class property cost more than the rest of a level (W3p 21x ->
  // 9-10x the hand-written gradient without it, measured).
  @exclusivity(unchecked) public var records: [Record]

  /// An empty tape.
  @inlinable
  public init() {
    records = []
    // Room for 64 levels up front: growing from empty reallocated 7 times on a depth of 100
    // (W3p 9.4x -> 6.5x the hand-written gradient with it, measured).
    records.reserveCapacity(64)
  }

  /// Appends the record of a level that has finished, and returns its index.
  @inlinable
  public func append(_ record: Record) -> Int {
    records.append(record)
    return records.count - 1
  }

  /// The record at `index`, as returned by ``append(_:)``.
  @inlinable
  public subscript(index: Int) -> Record {
    records[index]
  }
}

/// Keeps the value and record index of a recursive call in the caller's locals, for the caller's
/// own record, and returns the value: the forward pass of a recursive rule wraps each call of
/// itself in this.
@inlinable
public func _recordRecursiveCall<Value>(_ call: (value: Value, index: Int), _ value: inout Value?, _ index: inout Int) -> Value {
  value = call.value
  index = call.index
  return call.value
}
