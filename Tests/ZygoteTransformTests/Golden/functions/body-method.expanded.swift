{
#sourceLocation(file: "case.swift", line: 4)
                                    x * scale 
#sourceLocation()
}
