_forwardGradient(at: 1.0, { x in (_forwardGradient(at: _pin(x, level: x), { y in (_gradientOf(_vjp(sin: _pin(y, level: y)))) })) })
