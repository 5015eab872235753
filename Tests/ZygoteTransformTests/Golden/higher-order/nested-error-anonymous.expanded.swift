error: 1:13: name the closure's arguments ({ x in ... }) when it holds a nested derivative: the nested points are typed by them
