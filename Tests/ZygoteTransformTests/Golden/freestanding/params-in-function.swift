// context: func example()
#gradient(Params([W, b])) { predict(Tensor([1, 2, 3])).sum() + scale(W, 2).sum() }
