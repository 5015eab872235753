import random
random.seed(20261128)
UN = ['sin', 'cos', 'tanh', 'atan', 'exp']
def expr(vars_, depth):
    if depth <= 0 or random.random() < 0.3:
        c = random.random()
        if c < 0.6: return random.choice(vars_)
        return repr(round(random.uniform(0.2, 1.5), 2))
    k = random.random()
    a = expr(vars_, depth - 1); b = expr(vars_, depth - 1)
    if k < 0.25: return f"({a} + {b})"
    if k < 0.45: return f"({a} - {b})"
    if k < 0.7: return f"({a} * {b})"
    if k < 0.78: return f"({a} / (1.5 + {b} * {b}))"
    if k < 0.92: f = random.choice(UN); return f"{f}({a} * 0.3)" if f == 'exp' else f"{f}({a})"
    return f"({a} > {b} ? {a} : {b} * 0.5)"
funcs = []
for n in range(80):
    name = f"gen{n}"
    lines = []
    vars_ = ['x', 'y']
    lines.append("  var s = x")
    vars_.append('s')
    kind = random.choice(['loop', 'while', 'branch', 'nested', 'array'])
    if kind == 'loop':
        m = random.randint(1, 6)
        lines.append(f"  for i in 0..<{m} {{")
        lines.append(f"    if i % {random.randint(2,3)} == 0 {{ s = {expr(vars_, 2)} + 0.1 }} else {{ s += {expr(vars_, 2)} * 0.5 }}")
        lines.append("  }")
    elif kind == 'while':
        lines.append("  var k = 0")
        lines.append(f"  while k < {random.randint(1,5)} {{")
        lines.append(f"    s = {expr(vars_, 2)} * 0.7")
        lines.append("    k += 1")
        lines.append("  }")
    elif kind == 'branch':
        lines.append(f"  let t = {expr(vars_, 2)} + x * 0.1 - y * 0.2")
        vars_.append('t')
        lines.append(f"  if t > 0.3 {{ s = s * t }} else if t < -0.3 {{ s = {expr(vars_, 2)} }} else {{ return {expr(vars_, 2)} }}")
    elif kind == 'nested':
        lines.append(f"  for i in 0..<{random.randint(1,3)} {{")
        lines.append(f"    for j in 0..<i + 1 {{")
        lines.append(f"      s = {expr(vars_, 2)} * 0.5 + Double(j) * 0.1")
        lines.append(f"      if s > 3 {{ break }}")
        lines.append("    }")
        lines.append("  }")
    else:
        lines.append("  var a = [x, y, x * y]")
        lines.append(f"  for i in 0..<a.count {{ a[i] = {expr(['a[i]', 'x', 'y', 's'], 2)} }}")
        lines.append("  s = a[0] * a[1] + a[2]")
    lines.append(f"  return {expr(vars_, 2)} + s * 0.25")
    funcs.append((name, lines))
out = ["import XCTest", "import Zygote", "#if canImport(Glibc)", "import Glibc", "#endif", "",
       "// Generated once by a seeded script (random differentiable programs: loops, while, branches,",
       "// nested loops with break, array writes, ternaries); each gradient is checked against central",
       "// finite differences at several points. Do not edit by hand: regenerate.", ""]
for name, lines in funcs:
    out.append("@Differentiable")
    out.append(f"func {name}(_ x: Double, _ y: Double) -> Double {{")
    out += lines
    out.append("}")
    out.append("")
out.append("final class GeneratedProgramTests: XCTestCase {")
out.append("  func check(_ name: String, _ f: (Double, Double) -> Double, _ g: (Double, Double) -> (Double, Double)) {")
out.append("    for (x, y) in [(0.37, -0.81), (1.13, 0.52), (-0.64, 0.29), (0.91, 1.37)] {")
out.append("      let h = 1e-6")
out.append("      let nx = (f(x + h, y) - f(x - h, y)) / (2 * h)")
out.append("      let ny = (f(x, y + h) - f(x, y - h)) / (2 * h)")
out.append("      // Skip points where a branch switches within the finite-difference step.")
out.append("      let lx = (f(x, y) - f(x - h, y)) / h, rx = (f(x + h, y) - f(x, y)) / h")
out.append("      let ly = (f(x, y) - f(x, y - h)) / h, ry = (f(x, y + h) - f(x, y)) / h")
out.append("      if abs(lx - rx) > 1e-3 * max(1, abs(lx)) || abs(ly - ry) > 1e-3 * max(1, abs(ly)) { continue }")
out.append("      let (gx, gy) = g(x, y)")
out.append("      XCTAssertEqual(gx, nx, accuracy: 1e-5 * max(1, abs(nx)), \"\\(name) d/dx at (\\(x), \\(y))\")")
out.append("      XCTAssertEqual(gy, ny, accuracy: 1e-5 * max(1, abs(ny)), \"\\(name) d/dy at (\\(x), \\(y))\")")
out.append("    }")
out.append("  }")
out.append("")
out.append("  func testEveryGeneratedProgramAgainstFiniteDifferences() {")
for name, _ in funcs:
    out.append(f"    check(\"{name}\", {name}, {{ #gradient({name}, at: $0, $1) }})")
out.append("  }")
out.append("}")
open(__import__('os').path.join(__import__('os').path.dirname(__file__), '..', 'EndToEnd', 'GeneratedProgramTests.swift'), 'w').write("\n".join(out) + "\n")
