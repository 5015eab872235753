#gradient(g, at: 0.5, 2.0)
