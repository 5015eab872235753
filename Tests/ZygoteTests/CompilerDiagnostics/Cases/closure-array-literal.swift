import Zygote

let g = #gradient({ x in [x, x][0] }, at: 1.0) // ERROR 26: only 'array[index]', 'dictionary[key]' and 'dictionary[key, default: value]' on a differentiated variable are supported; bind the collection to a variable first
