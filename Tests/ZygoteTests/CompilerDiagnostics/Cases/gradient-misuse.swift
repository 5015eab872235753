import Zygote

let b = #gradient({ (x: Double) -> [Double] in [x, x] }, at: 1.0) // ERROR 19: a gradient needs a closure with a scalar result, not '[Double]'; use #pullback with a seed, or #jacobian
let c = #gradient({ x in
  for i in 0..<3 { if i == 1 { return x } } // ERROR 3: a closure that returns from inside 'for' needs an explicit result type, e.g. '{ (x: Double) -> Double in ... }'
  return x * 2
}, at: 1.0)
