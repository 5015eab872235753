#gradient({ $0 * sin($0) }, at: 1.0)
