// Number formatting without Foundation.

/// `value` rounded to `digits` decimals, e.g. `fixed(3.14159, 2)` is "3.14".
func fixed(_ value: Double, _ digits: Int) -> String {
  guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
  var scale = 1
  for _ in 0..<digits { scale *= 10 }
  let scaled = (abs(value) * Double(scale)).rounded()
  guard scaled < 9e18 else { return "\(value)" }
  let units = Int(scaled)
  var text = (value < 0 && units > 0 ? "-" : "") + String(units / scale)
  if digits > 0 {
    let fractionText = String(units % scale)
    text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
  }
  return text
}

/// `value` with about three significant digits.
func significant(_ value: Double) -> String {
  let magnitude = abs(value)
  if magnitude >= 100 { return grouped(Int(value.rounded())) }
  if magnitude >= 10 { return fixed(value, 1) }
  return fixed(value, 2)
}

/// An integer with thousands separators: 12,345.
func grouped(_ value: Int) -> String {
  let digits = String(abs(value))
  var result = ""
  for (index, character) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
    result.append(character)
  }
  return (value < 0 ? "-" : "") + result
}

/// A duration in seconds, in ns, µs, ms or s with about three significant digits.
func duration(_ seconds: Double) -> String {
  if seconds < 1e-6 { return significant(seconds * 1e9) + " ns" }
  if seconds < 1e-3 { return significant(seconds * 1e6) + " µs" }
  if seconds < 1 { return significant(seconds * 1e3) + " ms" }
  return significant(seconds) + " s"
}

/// A ratio such as "1.04x" or "2,700x".
func ratio(_ numerator: Double, _ denominator: Double) -> String {
  significant(numerator / denominator) + "x"
}

/// `value` in scientific notation with one decimal: "2.2e-16"; "0" for zero.
func scientific(_ value: Double) -> String {
  guard value.isFinite else { return fixed(value, 0) }
  if value == 0 { return "0" }
  var exponent = 0
  var mantissa = abs(value)
  while mantissa >= 10 {
    mantissa /= 10
    exponent += 1
  }
  while mantissa < 1 {
    mantissa *= 10
    exponent -= 1
  }
  mantissa = (mantissa * 10).rounded() / 10
  if mantissa >= 10 {
    mantissa /= 10
    exponent += 1
  }
  return (value < 0 ? "-" : "") + fixed(mantissa, 1) + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
}
