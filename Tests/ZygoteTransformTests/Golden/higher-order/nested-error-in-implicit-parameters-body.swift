#gradient(Params([W])) { (W * #derivative(sin, at: 1.0)).sum() }
