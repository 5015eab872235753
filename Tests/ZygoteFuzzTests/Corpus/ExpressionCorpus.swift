/// Valid freestanding macro expressions, the seeds the fuzzer mutates for `#gradient` and friends.
enum ExpressionCorpus {
  /// Whole expansion expressions, `#` included.
  static let expressions: [String] = [
    "#gradient(f, at: 10.0)",
    "#gradient(g, at: 0.5, 2.0)",
    "#derivative(f, at: 10.0)",
    "#valueWithGradient(f, at: 10.0)",
    "#pullback(f, at: 10.0)",
    "#differentiable(sin)",
    "#gradient({ x in x * x }, at: 3.0)",
    "#gradient({ (x: Double, y: Double) in x * y }, at: 2.0, 3.0)",
    "#gradient({ x in x * dropgrad(x) }, at: 3.0)",
    "#gradient({ $0 * $0 + sin($0) }, at: 1.5)",
    """
    #gradient({ (x: Double) -> Double in
      var s = x
      for i in 0..<5 where i != 2 {
        s = s * x + Double(i)
      }
      print("s = \\(s), x = \\(x)")
      return s
    }, at: 0.25)
    """,
    """
    #valueWithGradient({ (a: Double, b: Double) in
      let c = a > b ? a - b : b - a
      return c * c
    }, at: 1.0, 4.0)
    """,
    "#pullback({ (x: Double, y: Double) in relu(x) * clamped(y, 1) }, at: 0.5, 2.0)",
    "#gradient(model.loss, at: [1.0, 2.0, 3.0])",
    "#gradient(ps) { loss(model, data) }",
    "#differentiable({ x in tanh(x) * 2 })",
    "#derivative(Point.scaled, at: Double.pi / 4)",
  ]
}
