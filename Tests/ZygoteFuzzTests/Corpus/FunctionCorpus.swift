/// Valid differentiable functions, the seeds the fuzzer mutates: the kinds of code users write,
/// with loops, branches, closures, strings with interpolation, generics, comments and more.
enum FunctionCorpus {
  /// Declarations for `@Differentiable` (peer role), each with its attribute.
  static let functions: [String] = [
    """
    @Differentiable
    func f(_ x: Double) -> Double { 5 * x + 3 }
    """,
    """
    @Differentiable
    func g(_ x: Double, _ y: Double) -> Double {
      var s = x
      for i in 0..<10 {
        if i % 2 == 0 { s = sin(s) * y } else { s += x / (1 + y * y) }
      }
      return s
    }
    """,
    """
    /// A doc comment, with `code` and a [link](https://example.com).
    @Differentiable   // trailing comment
    public func affine(_ x: Double, weight w: Double, bias b: Double = 0.5) -> Double {
      let y = w * x + b  /* inline */
      return y
    }
    """,
    """
    @Differentiable
    func relu(_ x: Double) -> Double {
      if x > 0 {
        return x
      }
      return 0
    }
    """,
    """
    @Differentiable
    func clamped(_ x: Double, _ limit: Double) -> Double {
      guard x < limit else { return limit }
      return x > -limit ? x : -limit
    }
    """,
    """
    @Differentiable
    func piecewise(_ x: Double, _ mode: Int) -> Double {
      switch mode {
      case 0:
        return x * x
      case 1, 2:
        return sin(x) + Double(mode)
      case let m where m > 10:
        return exp(x) * Double(m)
      default:
        return exp(x)
      }
    }
    """,
    """
    @Differentiable
    func newton(_ a: Double) -> Double {
      var guess = a
      var steps = 0
      while steps < 6 {
        guess = (guess + a / guess) / 2
        steps += 1
      }
      return guess
    }
    """,
    """
    @Differentiable
    func cube<T: BinaryFloatingPoint>(_ x: T) -> T where T: Comparable {
      x * x * x
    }
    """,
    """
    @Differentiable
    func iterate(_ x: Double) -> Double {
      var s = x
      var k = 0
      repeat {
        s = cos(s) * x
        k += 1
      } while k < 3
      return s
    }
    """,
    """
    @Differentiable
    func partial(_ x: Double) -> Double {
      var s = 0.0
      outer: for i in stride(from: 0, to: 20, by: 2) {
        if i == 4 { continue }
        s += x * Double(i)
        if s > 100 { break outer }
      }
      return s
    }
    """,
    """
    @Differentiable
    func logged(_ x: Double, _ name: String) -> Double {
      let message = "value of \\(name) is \\(x), doubled \\(x * 2) and \\("nested \\(name.count)")"
      print(message, #"raw \\(not interpolated) "quotes""#)
      let multi = \"\"\"
        line one \\(x)
          line "two"
        \"\"\"
      _ = multi.count
      return x * x
    }
    """,
    """
    @Differentiable
    func sumOfSquares(_ xs: [Double]) -> Double {
      var total = 0.0
      for i in 0..<xs.count {
        total += xs[i] * xs[i]
      }
      return total
    }
    """,
    """
    @Differentiable
    func smooth(_ x: Double) -> Double {
      let k = [1, 2, 3].map { $0 * 2 }.reduce(0, +)
      let scale = { (a: Int) -> Double in Double(a) / 10 }(k)
      return tanh(x) * scale
    }
    """,
    """
    @Differentiable
    static func dot(_ a: Double, _ b: Double) -> Double { a * b }
    """,
    """
    @Differentiable
    public mutating func step(_ learningRate: Double) -> Double {
      let g = learningRate * 2
      return g
    }
    """,
    """
    @Differentiable
    func outer(_ x: Double) -> Double {
      @Differentiable
      func inner(_ y: Double) -> Double { y * y * y }
      func helper() -> Int { 3 }
      return inner(x) + x * Double(helper())
    }
    """,
    """
    @Differentiable
    func softplus(_ x: Double) -> Double {
      // log(1 + e^x), stable for large x
      if x > 20 { return x }
      return log1p(exp(x))
    }
    """,
    """
    @Differentiable
    func polynomial(_ x: Double, _ coefficients: [Double]) -> Double {
      var result = 0.0
      var power = 1.0
      for c in coefficients {
        result += c * power
        power *= x
      }
      return result
    }
    """,
    """
    @Differentiable
    func tupleWork(_ x: Double, _ y: Double) -> Double {
      let (a, b) = (x * 2, y + 1)
      let pair: (first: Double, second: Double) = (a, b)
      return pair.first * pair.second
    }
    """,
    """
    @Differentiable
    func hypotenuse(_ a: Double, _ b: Double) -> Double {
      return sqrt(a * a + b * b).squareRoot() * 1.0e0 + 0x1p-2 - 1_000.000_1 * 0
    }
    """,
    """
    @Differentiable
    func optionalWork(_ x: Double, _ table: [String: Double]) -> Double {
      if let bias = table["bias"], bias > 0 {
        return x + bias
      }
      let fallback = table["other"] ?? 1.0
      return x * fallback
    }
    """,
    """
    @Differentiable
    func rosenbrock(_ x: Double, _ y: Double) -> Double {
      let a = 1.0, b = 100.0
      return (a - x) * (a - x) + b * (y - x * x) * (y - x * x)
    }
    """,
    """
    @Differentiable
    func nestedLoops(_ x: Double) -> Double {
      var s = x
      for i in 0..<3 {
        for j in 0..<i where j % 2 == 0 {
          s = s * x + Double(j)
        }
      }
      return s
    }
    """,
    """
    @Differentiable
    func guarded(_ x: Double, _ count: Int) -> Double {
      guard count > 0, x.isFinite else {
        fatalError("count must be positive, got \\(count)")
      }
      var acc = x
      var i = count
      while i > 0 { acc = acc * 0.5 + x; i -= 1 }
      return acc
    }
    """,
    """
    @Differentiable
    func withDefer(_ x: Double) -> Double {
      var calls = 0
      defer { calls += 1 }
      let y = -x
      return abs(y) + min(x, 1) + max(x, -1) + pow(x, 2) + atan2(x, 1)
    }
    """,
    """
    @Differentiable
    func casts(_ x: Double, _ n: Int) -> Double {
      let f = Float(x)
      let d = Double(f) * Double(n)
      let any: Any = d
      if any is Int { return 0 }
      return d as Double
    }
    """,
    """
    @Differentiable
    func `escaped`(_ `default`: Double) -> Double {
      let café = `default` * 2
      let π = 3.14159
      return café * π
    }
    """,
    """
    @Differentiable
    func conditional(_ x: Double) -> Double {
      #if DEBUG
      let factor = 2.0
      #else
      let factor = 3.0
      #endif
      return x * factor
    }
    """,
    """
    @Differentiable
    func ifExpression(_ x: Double) -> Double {
      let sign = if x < 0 { -1.0 } else { 1.0 }
      let label = switch sign { case 1: "positive" default: "negative" }
      _ = label
      return sign * x
    }
    """,
    """
    @Differentiable
    @inlinable
    internal func operators(_ x: Double, _ y: Double) -> Double {
      var z = x
      z -= y; z *= 2; z /= 3
      let flag = !(x < y) && (x >= 0 || y <= 0)
      return flag ? z : -z + (x...y).lowerBound
    }
    """,
  ]

  /// Declarations for `@Adjoint(of:)`, with the attribute.
  static let adjoints: [(attribute: String, declaration: String)] = [
    (
      "@Adjoint(of: add)",
      """
      @Adjoint(of: add)
      func addAdjoint(_ a: Double, _ b: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
        (add(a, b), { d in (d, d) })
      }
      """
    ),
    (
      "@Adjoint(of: clip)",
      """
      @Adjoint(of: clip)
      func clipAdjoint(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
        let value = clip(x)
        return (value, { d in max(min(d, 1), -1) })
      }
      """
    ),
  ]

  /// Declarations for `@DifferentiableStruct` (member and extension roles), with the attribute.
  static let structs: [String] = [
    """
    @DifferentiableStruct
    public struct Point {
      public var x: Double
      public var y: Double
      @NoDerivative var label: String = ""
      var norm: Double { (x * x + y * y).squareRoot() }
    }
    """,
    """
    @DifferentiableStruct
    struct Layer<Scalar: BinaryFloatingPoint> {
      var weights: [Scalar]
      var bias: Scalar
      let name: String
      init(weights: [Scalar], bias: Scalar) { self.weights = weights; self.bias = bias; name = "\\(bias)" }
    }
    """,
  ]
}
