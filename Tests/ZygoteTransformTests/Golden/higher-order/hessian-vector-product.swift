#hessianVectorProduct(rosenbrock, at: x, direction: v)
