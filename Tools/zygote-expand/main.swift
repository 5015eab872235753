print("expand")
