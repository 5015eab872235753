error: 2:33: the operator '**' has no derivative rule; write an @Adjoint(of:) for a function that applies it, or wrap the operands in dropgrad(_:)
