#derivative({ x in x * #gradient(Params([W])) { W.sum() }[W]!.sum() }, at: 2.0)
