// A file without macro uses: comments and strings mentioning them do not count.
// @Differentiable func f(_ x: Double) -> Double { x }
let text = "#gradient(f, at: 1.0) and @Differentiable"
/* #derivative(f, at: 2.0) */
func plain(_ x: Double) -> Double { x * 2 }
