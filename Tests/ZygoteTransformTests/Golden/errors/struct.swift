@Differentiable
struct Point { var x: Double }
