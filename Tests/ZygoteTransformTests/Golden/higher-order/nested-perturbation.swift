#derivative({ x in x * #derivative({ y in x * y }, at: 1.0) }, at: 4.0)
