#pushforward(f, at: 2.0)
