print("demo: the transform is not wired yet")
