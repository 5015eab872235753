// The compiler plugin executable for Zygote's macros (`#gradient`, `@Differentiable`, ...).
//
// SwiftPM builds this `.macro` target as the host tool `ZygoteMacros-tool` and passes it to the
// compiler with `-load-plugin-executable`. Everything it does lives in the ZygoteMacroHost library
// (framing, JSON, message handling) and in ZygoteTransform (the expansions themselves), where
// tests can reach it; this file only runs the loop and turns its result into the exit status.

import ZygoteMacroHost

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

exit(MessageLoop.runOverStandardIO())
