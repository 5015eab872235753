import Zygote

@Differentiable
func drains(_ xs: [Double], _ w: Double) -> Double {
  var rest = xs
  var s = w
  while let last = rest.popLast() { // ERROR 3: 'while let' cannot be differentiated yet; use a 'while' loop with a Boolean condition
    s += last * w
  }
  return s
}
