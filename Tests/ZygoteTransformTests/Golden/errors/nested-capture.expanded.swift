error: 4:8: the nested function 'g' reads the differentiated variable 'x' of the enclosing function; pass it as a parameter instead
