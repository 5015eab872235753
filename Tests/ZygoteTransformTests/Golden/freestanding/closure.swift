#gradient({ x in x * x }, at: 3.0)
