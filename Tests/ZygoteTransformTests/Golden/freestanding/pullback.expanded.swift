_vjp(f: 10.0)
