#gradient(f, at: 10.0)
