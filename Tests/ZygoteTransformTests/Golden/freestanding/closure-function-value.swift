#gradient({ x in fs[name]!(x) }, at: 1.0)
