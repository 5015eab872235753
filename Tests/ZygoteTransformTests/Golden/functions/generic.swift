@Differentiable
public func cube<T: BinaryFloatingPoint>(_ x: T) -> T { x * x * x }
