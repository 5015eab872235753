import Zygote

let g = #gradient({ x in [x, x][0] }, at: 1.0) // ERROR 26: only 'array[index]' on a differentiated array variable is supported
