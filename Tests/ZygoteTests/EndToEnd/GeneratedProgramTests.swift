import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

// Generated once by a seeded script (random differentiable programs: loops, while, branches,
// nested loops with break, array writes, ternaries); each gradient is checked against central
// finite differences at several points. Do not edit by hand: regenerate.

@Differentiable
func gen0(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<1 {
    for j in 0..<i + 1 {
      s = exp((s * 0.27) * 0.3) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return (0.75 * (y + 0.49)) + s * 0.25
}

@Differentiable
func gen1(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<1 {
    for j in 0..<i + 1 {
      s = 1.48 * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return ((0.91 > y ? 0.91 : y * 0.5) - (0.47 - 0.5)) + s * 0.25
}

@Differentiable
func gen2(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<1 {
    if i % 2 == 0 { s = ((1.36 - 0.99) + (0.41 > 1.06 ? 0.41 : 1.06 * 0.5)) + 0.1 } else { s += ((s * s) / (1.5 + (x + 0.93) * (x + 0.93))) * 0.5 }
  }
  return tanh(sin(s)) + s * 0.25
}

@Differentiable
func gen3(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<1 {
    for j in 0..<i + 1 {
      s = atan((x * 1.49)) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return ((1.06 / (1.5 + 0.51 * 0.51)) + (s * s)) + s * 0.25
}

@Differentiable
func gen4(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<1 {
    for j in 0..<i + 1 {
      s = (exp(0.43 * 0.3) + y) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return ((x * x) * (1.18 + 1.48)) + s * 0.25
}

@Differentiable
func gen5(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = s + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = exp((1.18 * y) * 0.3) } else { return ((y + s) / (1.5 + (t * 0.31) * (t * 0.31))) }
  return (0.34 * (1.43 - y)) + s * 0.25
}

@Differentiable
func gen6(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = sin((0.66 > 1.48 ? 0.66 : 1.48 * 0.5)) }
  s = a[0] * a[1] + a[2]
  return (0.56 - (0.34 / (1.5 + x * x))) + s * 0.25
}

@Differentiable
func gen7(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = x * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return s + s * 0.25
}

@Differentiable
func gen8(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 2 {
    s = (exp(y * 0.3) - 0.68) * 0.7
    k += 1
  }
  return 0.28 + s * 0.25
}

@Differentiable
func gen9(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 5 {
    s = (x - y) * 0.7
    k += 1
  }
  return ((0.84 + x) * (x + 0.72)) + s * 0.25
}

@Differentiable
func gen10(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = (1.43 * 0.61) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return (exp(s * 0.3) + 0.88) + s * 0.25
}

@Differentiable
func gen11(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<1 {
    for j in 0..<i + 1 {
      s = 1.13 * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return 0.33 + s * 0.25
}

@Differentiable
func gen12(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<6 {
    if i % 2 == 0 { s = 0.32 + 0.1 } else { s += exp((x > 1.06 ? x : 1.06 * 0.5) * 0.3) * 0.5 }
  }
  return (y - (y * s)) + s * 0.25
}

@Differentiable
func gen13(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 4 {
    s = y * 0.7
    k += 1
  }
  return 1.28 + s * 0.25
}

@Differentiable
func gen14(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = sin((x + 0.33)) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return ((x + 0.94) + (y / (1.5 + s * s))) + s * 0.25
}

@Differentiable
func gen15(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = s + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = (0.44 - (s * 1.46)) } else { return ((0.54 - 0.44) > (1.26 - 0.73) ? (0.54 - 0.44) : (1.26 - 0.73) * 0.5) }
  return ((t * y) * (0.28 + 0.8)) + s * 0.25
}

@Differentiable
func gen16(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<3 {
    for j in 0..<i + 1 {
      s = ((y - s) * (s - x)) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return 1.39 + s * 0.25
}

@Differentiable
func gen17(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = tanh(0.83) }
  s = a[0] * a[1] + a[2]
  return sin(x) + s * 0.25
}

@Differentiable
func gen18(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = ((0.54 + x) * (y - 0.66)) }
  s = a[0] * a[1] + a[2]
  return x + s * 0.25
}

@Differentiable
func gen19(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<6 {
    if i % 2 == 0 { s = y + 0.1 } else { s += ((x - s) - y) * 0.5 }
  }
  return (atan(0.23) + 1.31) + s * 0.25
}

@Differentiable
func gen20(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = (y + (0.79 * s)) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return ((0.22 + x) + x) + s * 0.25
}

@Differentiable
func gen21(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = x * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return ((1.22 * 1.43) + s) + s * 0.25
}

@Differentiable
func gen22(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = (1.47 * sin(0.78)) + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = ((1.36 * t) + s) } else { return (x + 1.1) }
  return x + s * 0.25
}

@Differentiable
func gen23(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 5 {
    s = ((s + 1.46) * (s - 1.24)) * 0.7
    k += 1
  }
  return (y * (s + s)) + s * 0.25
}

@Differentiable
func gen24(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = (sin(s) / (1.5 + s * s)) }
  s = a[0] * a[1] + a[2]
  return ((0.63 - x) > y ? (0.63 - x) : y * 0.5) + s * 0.25
}

@Differentiable
func gen25(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 2 {
    s = ((0.32 - s) + (1.48 - 0.6)) * 0.7
    k += 1
  }
  return ((1.39 / (1.5 + s * s)) * (0.64 / (1.5 + 0.79 * 0.79))) + s * 0.25
}

@Differentiable
func gen26(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<3 {
    if i % 3 == 0 { s = 0.85 + 0.1 } else { s += ((0.54 + y) - y) * 0.5 }
  }
  return ((y - x) * y) + s * 0.25
}

@Differentiable
func gen27(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = cos((1.15 - 0.86)) + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = ((t + s) * s) } else { return (x + (0.87 - s)) }
  return (x - x) + s * 0.25
}

@Differentiable
func gen28(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = ((1.49 * s) - 1.49) + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = ((y - x) * 0.82) } else { return y }
  return exp(s * 0.3) + s * 0.25
}

@Differentiable
func gen29(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = (s + (x - y)) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return (atan(s) > atan(s) ? atan(s) : atan(s) * 0.5) + s * 0.25
}

@Differentiable
func gen30(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<3 {
    for j in 0..<i + 1 {
      s = ((y - x) * (y - y)) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return y + s * 0.25
}

@Differentiable
func gen31(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 4 {
    s = ((y * y) > (1.21 - y) ? (y * y) : (1.21 - y) * 0.5) * 0.7
    k += 1
  }
  return (x * (y + s)) + s * 0.25
}

@Differentiable
func gen32(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = s }
  s = a[0] * a[1] + a[2]
  return sin(s) + s * 0.25
}

@Differentiable
func gen33(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<5 {
    if i % 2 == 0 { s = ((0.73 * s) - 1.05) + 0.1 } else { s += y * 0.5 }
  }
  return (0.74 + (0.33 * 0.85)) + s * 0.25
}

@Differentiable
func gen34(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = ((s * 0.22) + x) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return ((y * 0.35) / (1.5 + (s * y) * (s * y))) + s * 0.25
}

@Differentiable
func gen35(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = (s * y) }
  s = a[0] * a[1] + a[2]
  return (atan(1.41) + 0.34) + s * 0.25
}

@Differentiable
func gen36(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    if i % 3 == 0 { s = tanh((1.08 - 1.12)) + 0.1 } else { s += sin((1.5 - x)) * 0.5 }
  }
  return (y * (0.44 - s)) + s * 0.25
}

@Differentiable
func gen37(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = y * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return (s * (0.57 > y ? 0.57 : y * 0.5)) + s * 0.25
}

@Differentiable
func gen38(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<1 {
    if i % 3 == 0 { s = y + 0.1 } else { s += ((x + y) * (s > s ? s : s * 0.5)) * 0.5 }
  }
  return ((0.76 + x) * 0.55) + s * 0.25
}

@Differentiable
func gen39(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<5 {
    if i % 3 == 0 { s = tanh(y) + 0.1 } else { s += 0.84 * 0.5 }
  }
  return y + s * 0.25
}

@Differentiable
func gen40(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = 1.23 + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = ((s / (1.5 + x * x)) * (s - y)) } else { return atan((0.67 - 0.59)) }
  return ((s + 0.92) - x) + s * 0.25
}

@Differentiable
func gen41(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 1 {
    s = y * 0.7
    k += 1
  }
  return cos((y + x)) + s * 0.25
}

@Differentiable
func gen42(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = y * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return (y > s ? y : s * 0.5) + s * 0.25
}

@Differentiable
func gen43(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = a[i] }
  s = a[0] * a[1] + a[2]
  return ((0.37 > x ? 0.37 : x * 0.5) + x) + s * 0.25
}

@Differentiable
func gen44(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<1 {
    for j in 0..<i + 1 {
      s = ((y - s) + (x + 0.64)) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return ((x + y) + 0.53) + s * 0.25
}

@Differentiable
func gen45(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = 1.46 }
  s = a[0] * a[1] + a[2]
  return ((0.36 - 1.02) + (0.66 + x)) + s * 0.25
}

@Differentiable
func gen46(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<5 {
    if i % 3 == 0 { s = ((0.89 + 0.37) * atan(1.39)) + 0.1 } else { s += 1.22 * 0.5 }
  }
  return ((1.01 > y ? 1.01 : y * 0.5) * (0.73 + s)) + s * 0.25
}

@Differentiable
func gen47(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = ((y * y) - (1.13 > 0.52 ? 1.13 : 0.52 * 0.5)) }
  s = a[0] * a[1] + a[2]
  return cos((0.22 * y)) + s * 0.25
}

@Differentiable
func gen48(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<6 {
    if i % 3 == 0 { s = ((s - 1.34) * (1.14 + 0.73)) + 0.1 } else { s += (0.8 + (s - x)) * 0.5 }
  }
  return 1.02 + s * 0.25
}

@Differentiable
func gen49(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = (x + (s + x)) + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = ((t + y) * (s - 0.78)) } else { return x }
  return (exp(x * 0.3) / (1.5 + (s + 1.15) * (s + 1.15))) + s * 0.25
}

@Differentiable
func gen50(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = 1.35 * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return (x * (y - 1.32)) + s * 0.25
}

@Differentiable
func gen51(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = ((a[i] * x) * (0.98 - y)) }
  s = a[0] * a[1] + a[2]
  return (x - (0.88 + s)) + s * 0.25
}

@Differentiable
func gen52(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 3 {
    s = ((y + x) - (x * s)) * 0.7
    k += 1
  }
  return (exp(0.94 * 0.3) - (x - x)) + s * 0.25
}

@Differentiable
func gen53(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = x }
  s = a[0] * a[1] + a[2]
  return ((0.26 - s) + x) + s * 0.25
}

@Differentiable
func gen54(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<5 {
    if i % 3 == 0 { s = ((x - 0.48) + y) + 0.1 } else { s += ((x * y) - (y - 0.92)) * 0.5 }
  }
  return x + s * 0.25
}

@Differentiable
func gen55(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<5 {
    if i % 2 == 0 { s = (0.72 + (y - 0.46)) + 0.1 } else { s += ((y * x) * (y - 0.89)) * 0.5 }
  }
  return ((1.4 * y) + (1.44 > s ? 1.44 : s * 0.5)) + s * 0.25
}

@Differentiable
func gen56(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<5 {
    if i % 3 == 0 { s = tanh(x) + 0.1 } else { s += (y / (1.5 + (0.27 + s) * (0.27 + s))) * 0.5 }
  }
  return ((y - 1.1) * (0.5 * 0.49)) + s * 0.25
}

@Differentiable
func gen57(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = 1.42 + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = (t * (y > 0.54 ? y : 0.54 * 0.5)) } else { return ((x + x) * cos(y)) }
  return ((1.15 * 1.0) - (0.43 + 0.97)) + s * 0.25
}

@Differentiable
func gen58(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    if i % 2 == 0 { s = ((s * 0.22) - (0.51 + 0.22)) + 0.1 } else { s += s * 0.5 }
  }
  return 0.63 + s * 0.25
}

@Differentiable
func gen59(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    if i % 3 == 0 { s = ((s * y) + (1.16 - x)) + 0.1 } else { s += s * 0.5 }
  }
  return sin((0.93 / (1.5 + 1.26 * 1.26))) + s * 0.25
}

@Differentiable
func gen60(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = ((x * 0.36) / (1.5 + x * x)) }
  s = a[0] * a[1] + a[2]
  return ((0.34 > 1.24 ? 0.34 : 1.24 * 0.5) + 0.23) + s * 0.25
}

@Differentiable
func gen61(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = 1.47 * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return (exp(0.47 * 0.3) * 0.86) + s * 0.25
}

@Differentiable
func gen62(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<5 {
    if i % 3 == 0 { s = (y > tanh(1.48) ? y : tanh(1.48) * 0.5) + 0.1 } else { s += sin((s + x)) * 0.5 }
  }
  return ((0.9 + s) + 1.38) + s * 0.25
}

@Differentiable
func gen63(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = (atan(y) > x ? atan(y) : x * 0.5) + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = (x - (t + 0.54)) } else { return x }
  return x + s * 0.25
}

@Differentiable
func gen64(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<3 {
    if i % 2 == 0 { s = ((x * s) - x) + 0.1 } else { s += ((0.38 + x) > (x * 0.62) ? (0.38 + x) : (x * 0.62) * 0.5) * 0.5 }
  }
  return x + s * 0.25
}

@Differentiable
func gen65(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = ((s * x) - (s + s)) }
  s = a[0] * a[1] + a[2]
  return ((x + x) * s) + s * 0.25
}

@Differentiable
func gen66(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = (0.45 + (s - y)) }
  s = a[0] * a[1] + a[2]
  return (s > (0.82 * x) ? s : (0.82 * x) * 0.5) + s * 0.25
}

@Differentiable
func gen67(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 5 {
    s = exp((0.89 * 0.91) * 0.3) * 0.7
    k += 1
  }
  return (s + 0.54) + s * 0.25
}

@Differentiable
func gen68(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<5 {
    if i % 2 == 0 { s = s + 0.1 } else { s += 0.77 * 0.5 }
  }
  return ((x * 0.48) > s ? (x * 0.48) : s * 0.5) + s * 0.25
}

@Differentiable
func gen69(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = 1.21 + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = (y + tanh(s)) } else { return ((0.92 * t) / (1.5 + s * s)) }
  return ((s > 0.73 ? s : 0.73 * 0.5) * (s - 0.25)) + s * 0.25
}

@Differentiable
func gen70(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    if i % 2 == 0 { s = (0.63 + (y * x)) + 0.1 } else { s += 0.88 * 0.5 }
  }
  return (1.4 + 0.28) + s * 0.25
}

@Differentiable
func gen71(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = 0.28 + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = x } else { return (1.33 > x ? 1.33 : x * 0.5) }
  return (cos(s) * (y - x)) + s * 0.25
}

@Differentiable
func gen72(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = sin(exp(x * 0.3)) + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = ((x + y) + (0.23 - 1.01)) } else { return (x - (1.34 + s)) }
  return s + s * 0.25
}

@Differentiable
func gen73(_ x: Double, _ y: Double) -> Double {
  var s = x
  var a = [x, y, x * y]
  for i in 0..<a.count { a[i] = ((x + y) + (a[i] > x ? a[i] : x * 0.5)) }
  s = a[0] * a[1] + a[2]
  return ((y + s) + (x * 1.49)) + s * 0.25
}

@Differentiable
func gen74(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = 1.22 + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = (x + sin(1.09)) } else { return y }
  return t + s * 0.25
}

@Differentiable
func gen75(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<3 {
    if i % 2 == 0 { s = x + 0.1 } else { s += ((y - x) - (s + x)) * 0.5 }
  }
  return ((s > y ? s : y * 0.5) * (1.2 * s)) + s * 0.25
}

@Differentiable
func gen76(_ x: Double, _ y: Double) -> Double {
  var s = x
  let t = ((s - 0.99) * x) + x * 0.1 - y * 0.2
  if t > 0.3 { s = s * t } else if t < -0.3 { s = ((y * s) / (1.5 + 0.48 * 0.48)) } else { return (atan(0.89) - cos(0.21)) }
  return ((x / (1.5 + x * x)) + (y * t)) + s * 0.25
}

@Differentiable
func gen77(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<2 {
    for j in 0..<i + 1 {
      s = ((0.75 + x) - y) * 0.5 + Double(j) * 0.1
      if s > 3 { break }
    }
  }
  return 0.8 + s * 0.25
}

@Differentiable
func gen78(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 1 {
    s = y * 0.7
    k += 1
  }
  return x + s * 0.25
}

@Differentiable
func gen79(_ x: Double, _ y: Double) -> Double {
  var s = x
  var k = 0
  while k < 3 {
    s = (0.69 * (1.43 + x)) * 0.7
    k += 1
  }
  return ((s - 1.15) * x) + s * 0.25
}

final class GeneratedProgramTests: XCTestCase {
  func check(_ name: String, _ f: (Double, Double) -> Double, _ g: (Double, Double) -> (Double, Double)) {
    for (x, y) in [(0.37, -0.81), (1.13, 0.52), (-0.64, 0.29), (0.91, 1.37)] {
      let h = 1e-6
      let nx = (f(x + h, y) - f(x - h, y)) / (2 * h)
      let ny = (f(x, y + h) - f(x, y - h)) / (2 * h)
      // Skip points where a branch switches within the finite-difference step.
      let lx = (f(x, y) - f(x - h, y)) / h, rx = (f(x + h, y) - f(x, y)) / h
      let ly = (f(x, y) - f(x, y - h)) / h, ry = (f(x, y + h) - f(x, y)) / h
      if abs(lx - rx) > 1e-3 * max(1, abs(lx)) || abs(ly - ry) > 1e-3 * max(1, abs(ly)) { continue }
      let (gx, gy) = g(x, y)
      XCTAssertEqual(gx, nx, accuracy: 1e-5 * max(1, abs(nx)), "\(name) d/dx at (\(x), \(y))")
      XCTAssertEqual(gy, ny, accuracy: 1e-5 * max(1, abs(ny)), "\(name) d/dy at (\(x), \(y))")
    }
  }

  func testEveryGeneratedProgramAgainstFiniteDifferences() {
    check("gen0", gen0, { #gradient(gen0, at: $0, $1) })
    check("gen1", gen1, { #gradient(gen1, at: $0, $1) })
    check("gen2", gen2, { #gradient(gen2, at: $0, $1) })
    check("gen3", gen3, { #gradient(gen3, at: $0, $1) })
    check("gen4", gen4, { #gradient(gen4, at: $0, $1) })
    check("gen5", gen5, { #gradient(gen5, at: $0, $1) })
    check("gen6", gen6, { #gradient(gen6, at: $0, $1) })
    check("gen7", gen7, { #gradient(gen7, at: $0, $1) })
    check("gen8", gen8, { #gradient(gen8, at: $0, $1) })
    check("gen9", gen9, { #gradient(gen9, at: $0, $1) })
    check("gen10", gen10, { #gradient(gen10, at: $0, $1) })
    check("gen11", gen11, { #gradient(gen11, at: $0, $1) })
    check("gen12", gen12, { #gradient(gen12, at: $0, $1) })
    check("gen13", gen13, { #gradient(gen13, at: $0, $1) })
    check("gen14", gen14, { #gradient(gen14, at: $0, $1) })
    check("gen15", gen15, { #gradient(gen15, at: $0, $1) })
    check("gen16", gen16, { #gradient(gen16, at: $0, $1) })
    check("gen17", gen17, { #gradient(gen17, at: $0, $1) })
    check("gen18", gen18, { #gradient(gen18, at: $0, $1) })
    check("gen19", gen19, { #gradient(gen19, at: $0, $1) })
    check("gen20", gen20, { #gradient(gen20, at: $0, $1) })
    check("gen21", gen21, { #gradient(gen21, at: $0, $1) })
    check("gen22", gen22, { #gradient(gen22, at: $0, $1) })
    check("gen23", gen23, { #gradient(gen23, at: $0, $1) })
    check("gen24", gen24, { #gradient(gen24, at: $0, $1) })
    check("gen25", gen25, { #gradient(gen25, at: $0, $1) })
    check("gen26", gen26, { #gradient(gen26, at: $0, $1) })
    check("gen27", gen27, { #gradient(gen27, at: $0, $1) })
    check("gen28", gen28, { #gradient(gen28, at: $0, $1) })
    check("gen29", gen29, { #gradient(gen29, at: $0, $1) })
    check("gen30", gen30, { #gradient(gen30, at: $0, $1) })
    check("gen31", gen31, { #gradient(gen31, at: $0, $1) })
    check("gen32", gen32, { #gradient(gen32, at: $0, $1) })
    check("gen33", gen33, { #gradient(gen33, at: $0, $1) })
    check("gen34", gen34, { #gradient(gen34, at: $0, $1) })
    check("gen35", gen35, { #gradient(gen35, at: $0, $1) })
    check("gen36", gen36, { #gradient(gen36, at: $0, $1) })
    check("gen37", gen37, { #gradient(gen37, at: $0, $1) })
    check("gen38", gen38, { #gradient(gen38, at: $0, $1) })
    check("gen39", gen39, { #gradient(gen39, at: $0, $1) })
    check("gen40", gen40, { #gradient(gen40, at: $0, $1) })
    check("gen41", gen41, { #gradient(gen41, at: $0, $1) })
    check("gen42", gen42, { #gradient(gen42, at: $0, $1) })
    check("gen43", gen43, { #gradient(gen43, at: $0, $1) })
    check("gen44", gen44, { #gradient(gen44, at: $0, $1) })
    check("gen45", gen45, { #gradient(gen45, at: $0, $1) })
    check("gen46", gen46, { #gradient(gen46, at: $0, $1) })
    check("gen47", gen47, { #gradient(gen47, at: $0, $1) })
    check("gen48", gen48, { #gradient(gen48, at: $0, $1) })
    check("gen49", gen49, { #gradient(gen49, at: $0, $1) })
    check("gen50", gen50, { #gradient(gen50, at: $0, $1) })
    check("gen51", gen51, { #gradient(gen51, at: $0, $1) })
    check("gen52", gen52, { #gradient(gen52, at: $0, $1) })
    check("gen53", gen53, { #gradient(gen53, at: $0, $1) })
    check("gen54", gen54, { #gradient(gen54, at: $0, $1) })
    check("gen55", gen55, { #gradient(gen55, at: $0, $1) })
    check("gen56", gen56, { #gradient(gen56, at: $0, $1) })
    check("gen57", gen57, { #gradient(gen57, at: $0, $1) })
    check("gen58", gen58, { #gradient(gen58, at: $0, $1) })
    check("gen59", gen59, { #gradient(gen59, at: $0, $1) })
    check("gen60", gen60, { #gradient(gen60, at: $0, $1) })
    check("gen61", gen61, { #gradient(gen61, at: $0, $1) })
    check("gen62", gen62, { #gradient(gen62, at: $0, $1) })
    check("gen63", gen63, { #gradient(gen63, at: $0, $1) })
    check("gen64", gen64, { #gradient(gen64, at: $0, $1) })
    check("gen65", gen65, { #gradient(gen65, at: $0, $1) })
    check("gen66", gen66, { #gradient(gen66, at: $0, $1) })
    check("gen67", gen67, { #gradient(gen67, at: $0, $1) })
    check("gen68", gen68, { #gradient(gen68, at: $0, $1) })
    check("gen69", gen69, { #gradient(gen69, at: $0, $1) })
    check("gen70", gen70, { #gradient(gen70, at: $0, $1) })
    check("gen71", gen71, { #gradient(gen71, at: $0, $1) })
    check("gen72", gen72, { #gradient(gen72, at: $0, $1) })
    check("gen73", gen73, { #gradient(gen73, at: $0, $1) })
    check("gen74", gen74, { #gradient(gen74, at: $0, $1) })
    check("gen75", gen75, { #gradient(gen75, at: $0, $1) })
    check("gen76", gen76, { #gradient(gen76, at: $0, $1) })
    check("gen77", gen77, { #gradient(gen77, at: $0, $1) })
    check("gen78", gen78, { #gradient(gen78, at: $0, $1) })
    check("gen79", gen79, { #gradient(gen79, at: $0, $1) })
  }
}
