// The JVP rules of the elementary functions: how a dual number passes through `sin`, `exp`,
// `pow` ... Each is the chain rule `f(a + a'ε) = f(a) + f'(a)·a' ε`, with the same formulas,
// domains and conventions at singular points as the VJP rules in Rules/Scalar+Elementary.swift.

extension Dual: ElementaryFloatingPoint {
  /// `eᵃ + eᵃ a' ε`
  @inlinable public static func _elementaryExp(_ x: Dual) -> Dual {
    let v = T._elementaryExp(x.value)
    return Dual(v, derivative: v * x.derivative)
  }
  /// `2ᵃ + 2ᵃ ln 2 · a' ε`
  @inlinable public static func _elementaryExp2(_ x: Dual) -> Dual {
    let v = T._elementaryExp2(x.value)
    return Dual(v, derivative: v * T(0.693_147_180_559_945_309_417_232_121_458_176_568) * x.derivative)
  }
  /// `(eᵃ - 1) + eᵃ a' ε`
  @inlinable public static func _elementaryExpm1(_ x: Dual) -> Dual {
    let v = T._elementaryExpm1(x.value)
    return Dual(v, derivative: (v + 1) * x.derivative)
  }
  /// `ln a + a'/a ε`
  @inlinable public static func _elementaryLog(_ x: Dual) -> Dual {
    Dual(T._elementaryLog(x.value), derivative: x.derivative / x.value)
  }
  /// `log₂ a + a'/(a ln 2) ε`
  @inlinable public static func _elementaryLog2(_ x: Dual) -> Dual {
    Dual(T._elementaryLog2(x.value), derivative: x.derivative / (x.value * T(0.693_147_180_559_945_309_417_232_121_458_176_568)))
  }
  /// `log₁₀ a + a'/(a ln 10) ε`
  @inlinable public static func _elementaryLog10(_ x: Dual) -> Dual {
    Dual(T._elementaryLog10(x.value), derivative: x.derivative / (x.value * T(2.302_585_092_994_045_684_017_991_454_684_364_208)))
  }
  /// `ln(1 + a) + a'/(1 + a) ε`
  @inlinable public static func _elementaryLog1p(_ x: Dual) -> Dual {
    Dual(T._elementaryLog1p(x.value), derivative: x.derivative / (1 + x.value))
  }
  /// `xʸ + (y xʸ⁻¹ x' + xʸ ln|x| y') ε`, with the conventions of the `pow` VJP rule: a term whose
  /// tangent is exactly zero is dropped (so `pow(x, 2)` at `x == 0` has no NaN), and `ln|x|` is
  /// taken as `0` at `x == 0`.
  @inlinable public static func _elementaryPow(_ x: Dual, _ y: Dual) -> Dual {
    let v = T._elementaryPow(x.value, y.value)
    var d: T = 0
    if !x.derivative._isExactlyZero && !y.value._isExactlyZero {
      d += y.value * T._elementaryPow(x.value, y.value - 1) * x.derivative
    }
    if !y.derivative._isExactlyZero && !x.value._isExactlyZero {
      d += v * T._elementaryLog(x.value.magnitude) * y.derivative
    }
    return Dual(v, derivative: d)
  }
  /// `sin a + cos a · a' ε`
  @inlinable public static func _elementarySin(_ x: Dual) -> Dual {
    Dual(T._elementarySin(x.value), derivative: T._elementaryCos(x.value) * x.derivative)
  }
  /// `cos a - sin a · a' ε`
  @inlinable public static func _elementaryCos(_ x: Dual) -> Dual {
    Dual(T._elementaryCos(x.value), derivative: -T._elementarySin(x.value) * x.derivative)
  }
  /// `tan a + (1 + tan² a) a' ε`
  @inlinable public static func _elementaryTan(_ x: Dual) -> Dual {
    let v = T._elementaryTan(x.value)
    return Dual(v, derivative: (1 + v * v) * x.derivative)
  }
  /// `asin a + a'/√(1 - a²) ε`
  @inlinable public static func _elementaryAsin(_ x: Dual) -> Dual {
    Dual(T._elementaryAsin(x.value), derivative: x.derivative / ((1 - x.value) * (1 + x.value)).squareRoot())
  }
  /// `acos a - a'/√(1 - a²) ε`
  @inlinable public static func _elementaryAcos(_ x: Dual) -> Dual {
    Dual(T._elementaryAcos(x.value), derivative: -x.derivative / ((1 - x.value) * (1 + x.value)).squareRoot())
  }
  /// `atan a + a'/(1 + a²) ε`
  @inlinable public static func _elementaryAtan(_ x: Dual) -> Dual {
    Dual(T._elementaryAtan(x.value), derivative: x.derivative / (1 + x.value * x.value))
  }
  /// `atan2(y, x) + (x y' - y x')/(x² + y²) ε`
  @inlinable public static func _elementaryAtan2(_ y: Dual, _ x: Dual) -> Dual {
    let r2 = x.value * x.value + y.value * y.value
    return Dual(T._elementaryAtan2(y.value, x.value), derivative: (x.value * y.derivative - y.value * x.derivative) / r2)
  }
  /// `hypot(x, y) + (x x' + y y')/hypot(x, y) ε`, and a zero derivative at the origin (the
  /// convention of the VJP rule).
  @inlinable public static func _elementaryHypot(_ x: Dual, _ y: Dual) -> Dual {
    let v = T._elementaryHypot(x.value, y.value)
    if v._isExactlyZero { return Dual(v, derivative: 0) }
    return Dual(v, derivative: (x.value * x.derivative + y.value * y.derivative) / v)
  }
  /// `sinh a + cosh a · a' ε`
  @inlinable public static func _elementarySinh(_ x: Dual) -> Dual {
    Dual(T._elementarySinh(x.value), derivative: T._elementaryCosh(x.value) * x.derivative)
  }
  /// `cosh a + sinh a · a' ε`
  @inlinable public static func _elementaryCosh(_ x: Dual) -> Dual {
    Dual(T._elementaryCosh(x.value), derivative: T._elementarySinh(x.value) * x.derivative)
  }
  /// `tanh a + (1 - tanh² a) a' ε`
  @inlinable public static func _elementaryTanh(_ x: Dual) -> Dual {
    let v = T._elementaryTanh(x.value)
    return Dual(v, derivative: (1 - v * v) * x.derivative)
  }
  /// Zero value and zero derivative.
  @inlinable public var _isExactlyZero: Bool { value._isExactlyZero && derivative._isExactlyZero }
}
