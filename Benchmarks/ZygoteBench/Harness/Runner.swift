// Runs one workload: first calls, the agreement check, then the timings.

/// The figures of one gradient variant.
struct VariantResult {
  /// The very first call of this gradient in the process, in seconds.
  var firstCallSeconds: Double
  /// The steady-state time per call.
  var timing: Measurement
  /// The relative difference from the hand-written gradient (nil for the hand-written one).
  var relativeError: Double?
}

/// The figures of one workload.
struct WorkloadResult {
  var name: String
  var title: String
  /// Components of the gradient.
  var components: Int
  var forward: Measurement
  var handWritten: VariantResult
  var ours: VariantResult?
  var swiftAD: VariantResult?
  var swiftADNote: String?

  /// Every available gradient agrees with the hand-written one.
  var agree: Bool {
    [ours, swiftAD].allSatisfy { variant in
      guard let error = variant?.relativeError else { return true }
      return error <= agreementTolerance
    }
  }
}

/// Runs `workload`:
/// 1. one forward call, so that shared one-time costs (binding libm symbols, touching the inputs)
///    are not charged to whichever gradient happens to run first;
/// 2. the first call of each gradient, timed alone (first-call latency);
/// 3. the agreement check against the hand-written gradient;
/// 4. the timings of forward, hand-written, ours and `_Differentiation`, interleaved.
func run(_ workload: Workload, policy: TimingPolicy, log: (String) -> Void) -> WorkloadResult {
  blackHole(workload.forward())

  let handFirst = timeOneCall(workload.handWritten.call)
  let oursFirst = workload.ours.map { timeOneCall($0.call) }
  let swiftADFirst = workload.swiftAD.map { timeOneCall($0.call) }

  let reference = workload.handWritten.value()
  let oursError = workload.ours.map { maxRelativeError($0.value(), reference) }
  let swiftADError = workload.swiftAD.map { maxRelativeError($0.value(), reference) }

  let variants = ["forward", "hand-written"] + (workload.ours == nil ? [] : ["ours"]) + (workload.swiftAD == nil ? [] : ["_Differentiation"])
  log("\(workload.name): timing \(variants.joined(separator: ", ")) (interleaved)")
  var bodies = [workload.forward, workload.handWritten.call]
  if let gradient = workload.ours { bodies.append(gradient.call) }
  if let gradient = workload.swiftAD { bodies.append(gradient.call) }
  var timings = measureInterleaved(bodies, policy: policy)
  let forward = timings.removeFirst()
  let hand = timings.removeFirst()
  var ours: VariantResult?
  if let first = oursFirst {
    ours = VariantResult(firstCallSeconds: first, timing: timings.removeFirst(), relativeError: oursError)
  }
  var swiftAD: VariantResult?
  if let first = swiftADFirst {
    swiftAD = VariantResult(firstCallSeconds: first, timing: timings.removeFirst(), relativeError: swiftADError)
  }
  return WorkloadResult(
    name: workload.name, title: workload.title, components: reference.count, forward: forward,
    handWritten: VariantResult(firstCallSeconds: handFirst, timing: hand, relativeError: nil),
    ours: ours, swiftAD: swiftAD, swiftADNote: workload.swiftADNote)
}
