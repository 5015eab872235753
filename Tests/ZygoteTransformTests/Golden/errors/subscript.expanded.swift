error: 3:11: array literals of differentiated values are not supported yet
