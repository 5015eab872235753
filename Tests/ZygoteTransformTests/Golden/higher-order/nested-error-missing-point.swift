#gradient({ x in x * #derivative({ y in x * y }) }, at: 4.0)
