#jacobian({ p in [p[0] * cos(p[1]), p[0] * sin(p[1])] }, at: [2.0, 0.5])
