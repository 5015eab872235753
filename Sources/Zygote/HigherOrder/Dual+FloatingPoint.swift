// Dual's conformance to BinaryFloatingPoint, so that generic code over `BinaryFloatingPoint` or
// `ElementaryFloatingPoint` (and the generated pullbacks of such code) runs on dual numbers.
//
// Properties that describe the representation (exponent, bit patterns, ulp, classification) are
// those of the value. Comparisons and hashing look at the value only: a branch on a dual number
// goes where it goes on the plain number. Piecewise-constant operations (rounding, `nextUp`) have
// a zero derivative.

extension Dual: Equatable, Hashable, Comparable {
  /// Compares the values only.
  @inlinable public static func == (lhs: Dual, rhs: Dual) -> Bool { lhs.value == rhs.value }
  /// Compares the values only.
  @inlinable public static func < (lhs: Dual, rhs: Dual) -> Bool { lhs.value < rhs.value }
  /// Hashes the value only (consistent with `==`).
  @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension Dual: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
  /// A constant from an integer literal.
  @inlinable public init(integerLiteral literal: T.IntegerLiteralType) { self.init(constant: T(integerLiteral: literal)) }
  /// A constant from a floating-point literal.
  @inlinable public init(floatLiteral literal: T.FloatLiteralType) { self.init(constant: T(floatLiteral: literal)) }
}

extension Dual: Strideable {
  /// `other - self`
  @inlinable public func distance(to other: Dual) -> Dual { other - self }
  /// `self + n`
  @inlinable public func advanced(by n: Dual) -> Dual { self + n }
}

extension Dual: SignedNumeric {
  /// The absolute value: `|a| + sign(a)·a'ε`, with `sign(0) = 0` (the kink convention of `abs`).
  @inlinable public var magnitude: Dual {
    let sign: T = value > 0 ? 1 : (value < 0 ? -1 : 0)
    return Dual(value.magnitude, derivative: sign * derivative)
  }
  /// A constant, if `source` is exactly representable.
  @inlinable public init?<Source: BinaryInteger>(exactly source: Source) {
    guard let value = T(exactly: source) else { return nil }
    self.init(constant: value)
  }
}

extension Dual: FloatingPoint {
  /// The exponent type of the value.
  public typealias Exponent = T.Exponent

  /// A constant from an integer.
  @inlinable public init(_ value: Int) { self.init(constant: T(value)) }
  /// A constant from an integer.
  @inlinable public init<Source: BinaryInteger>(_ value: Source) { self.init(constant: T(value)) }
  /// `(-1)^sign · significand · radix^exponent`; the derivative scales with the significand's.
  @inlinable public init(sign: FloatingPointSign, exponent: T.Exponent, significand: Dual) {
    let scale = T(sign: sign, exponent: exponent, significand: 1)
    self.init(T(sign: sign, exponent: exponent, significand: significand.value), derivative: scale * significand.derivative)
  }
  /// The magnitude of `magnitudeOf` with the sign of `signOf` (the derivative follows the sign).
  @inlinable public init(signOf: Dual, magnitudeOf: Dual) {
    let value = T(signOf: signOf.value, magnitudeOf: magnitudeOf.value)
    let flipped = (value < 0) != (magnitudeOf.value < 0)
    self.init(value, derivative: flipped ? -magnitudeOf.derivative : magnitudeOf.derivative)
  }

  /// The value type's radix.
  @inlinable public static var radix: Int { T.radix }
  /// A quiet NaN.
  @inlinable public static var nan: Dual { Dual(constant: .nan) }
  /// A signaling NaN.
  @inlinable public static var signalingNaN: Dual { Dual(constant: .signalingNaN) }
  /// Positive infinity.
  @inlinable public static var infinity: Dual { Dual(constant: .infinity) }
  /// The largest finite value.
  @inlinable public static var greatestFiniteMagnitude: Dual { Dual(constant: .greatestFiniteMagnitude) }
  /// π
  @inlinable public static var pi: Dual { Dual(constant: .pi) }
  /// The smallest positive normal value.
  @inlinable public static var leastNormalMagnitude: Dual { Dual(constant: .leastNormalMagnitude) }
  /// The smallest positive value.
  @inlinable public static var leastNonzeroMagnitude: Dual { Dual(constant: .leastNonzeroMagnitude) }

  /// The unit in the last place of the value.
  @inlinable public var ulp: Dual { Dual(constant: value.ulp) }
  /// The sign of the value.
  @inlinable public var sign: FloatingPointSign { value.sign }
  /// The exponent of the value.
  @inlinable public var exponent: T.Exponent { value.exponent }
  /// The significand of the value; its derivative is the derivative scaled by the same power.
  @inlinable public var significand: Dual {
    guard value.isFinite, !value.isZero else { return Dual(constant: value.significand) }
    let scale = T(sign: .plus, exponent: value.exponent, significand: 1)
    return Dual(value.significand, derivative: derivative / scale)
  }
  /// The next representable value (a step: derivative zero).
  @inlinable public var nextUp: Dual { Dual(constant: value.nextUp) }

  /// `self = self - n·other` with `n` the nearest integer to `self/other`.
  @inlinable public mutating func formRemainder(dividingBy other: Dual) {
    let remainder = value.remainder(dividingBy: other.value)
    let n = ((value - remainder) / other.value).rounded()
    self = Dual(remainder, derivative: derivative - n * other.derivative)
  }
  /// `self = self - n·other` with `n` the quotient truncated toward zero.
  @inlinable public mutating func formTruncatingRemainder(dividingBy other: Dual) {
    let remainder = value.truncatingRemainder(dividingBy: other.value)
    let n = ((value - remainder) / other.value).rounded()
    self = Dual(remainder, derivative: derivative - n * other.derivative)
  }
  /// `√a + a'/(2√a) ε` (an exact zero derivative stays zero, also at `a == 0`).
  @inlinable public mutating func formSquareRoot() {
    let root = value.squareRoot()
    self = Dual(root, derivative: derivative._isExactlyZero ? 0 : derivative / (2 * root))
  }
  /// `self += lhs * rhs`
  @inlinable public mutating func addProduct(_ lhs: Dual, _ rhs: Dual) { self += lhs * rhs }
  /// Rounds the value; rounding is a step, so the derivative is zero.
  @inlinable public mutating func round(_ rule: FloatingPointRoundingRule) { self = Dual(constant: value.rounded(rule)) }

  /// Compares the values.
  @inlinable public func isEqual(to other: Dual) -> Bool { value.isEqual(to: other.value) }
  /// Compares the values.
  @inlinable public func isLess(than other: Dual) -> Bool { value.isLess(than: other.value) }
  /// Compares the values.
  @inlinable public func isLessThanOrEqualTo(_ other: Dual) -> Bool { value.isLessThanOrEqualTo(other.value) }
  /// Orders the values totally.
  @inlinable public func isTotallyOrdered(belowOrEqualTo other: Dual) -> Bool { value.isTotallyOrdered(belowOrEqualTo: other.value) }
  /// Whether the value is normal.
  @inlinable public var isNormal: Bool { value.isNormal }
  /// Whether the value is finite.
  @inlinable public var isFinite: Bool { value.isFinite }
  /// Whether the value is zero.
  @inlinable public var isZero: Bool { value.isZero }
  /// Whether the value is subnormal.
  @inlinable public var isSubnormal: Bool { value.isSubnormal }
  /// Whether the value is infinite.
  @inlinable public var isInfinite: Bool { value.isInfinite }
  /// Whether the value is NaN.
  @inlinable public var isNaN: Bool { value.isNaN }
  /// Whether the value is a signaling NaN.
  @inlinable public var isSignalingNaN: Bool { value.isSignalingNaN }
  /// Whether the value is canonical.
  @inlinable public var isCanonical: Bool { value.isCanonical }
}

extension Dual: BinaryFloatingPoint {
  /// The value type's significand bits.
  public typealias RawSignificand = T.RawSignificand
  /// The value type's exponent bits.
  public typealias RawExponent = T.RawExponent

  /// A constant from its bit fields.
  @inlinable public init(sign: FloatingPointSign, exponentBitPattern: T.RawExponent, significandBitPattern: T.RawSignificand) {
    self.init(constant: T(sign: sign, exponentBitPattern: exponentBitPattern, significandBitPattern: significandBitPattern))
  }
  /// A constant from a `Float`.
  @inlinable public init(_ value: Float) { self.init(constant: T(value)) }
  /// A constant from a `Double`.
  @inlinable public init(_ value: Double) { self.init(constant: T(value)) }
  #if !(os(Windows) || os(Android)) && (arch(i386) || arch(x86_64))
    /// A constant from a `Float80`.
    @inlinable public init(_ value: Float80) { self.init(constant: T(value)) }
  #endif
  /// A conversion: a dual number of the same type is kept whole, any other value is a constant.
  @inlinable public init<Source: BinaryFloatingPoint>(_ value: Source) {
    if let same = value as? Dual {
      self = same
    } else {
      self.init(constant: T(value))
    }
  }

  /// The value type's exponent width.
  @inlinable public static var exponentBitCount: Int { T.exponentBitCount }
  /// The value type's significand width.
  @inlinable public static var significandBitCount: Int { T.significandBitCount }
  /// The value's exponent bits.
  @inlinable public var exponentBitPattern: T.RawExponent { value.exponentBitPattern }
  /// The value's significand bits.
  @inlinable public var significandBitPattern: T.RawSignificand { value.significandBitPattern }
  /// The value's binade.
  @inlinable public var binade: Dual { Dual(constant: value.binade) }
  /// The value's significand width.
  @inlinable public var significandWidth: Int { value.significandWidth }
}
