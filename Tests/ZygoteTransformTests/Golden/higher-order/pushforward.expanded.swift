_pushforward(at: 2.0, { f($0) })
