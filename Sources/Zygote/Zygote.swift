// Runtime placeholder
