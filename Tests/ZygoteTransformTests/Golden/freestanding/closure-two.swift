#gradient({ (x: Double, y: Double) in x * y }, at: 2.0, 3.0)
