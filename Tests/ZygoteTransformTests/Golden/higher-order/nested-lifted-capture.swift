#derivative({ x in #derivative({ y in #derivative({ z in x * y * z }, at: 1.0) }, at: 1.0) }, at: 5.0)
