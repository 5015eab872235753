#gradient(Params([W, b])) { predict(Tensor([1, 2, 3])).sum() }
