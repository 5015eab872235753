/// Splits a byte stream written by the plugin into frames, the way the compiler reads it.
public enum FrameSplitter {
  /// The payloads of the whole frames at the start of `bytes`, and whatever follows them
  /// (empty when the stream is nothing but whole frames).
  public static func split(_ bytes: [UInt8]) -> (frames: [[UInt8]], rest: [UInt8]) {
    var frames: [[UInt8]] = []
    var index = 0
    while bytes.count - index >= 8 {
      var length: UInt64 = 0
      for byte in 0..<8 { length |= UInt64(bytes[index + byte]) << (8 * UInt64(byte)) }
      guard length <= UInt64(bytes.count - index - 8) else { break }
      frames.append(Array(bytes[(index + 8)..<(index + 8 + Int(length))]))
      index += 8 + Int(length)
    }
    return (frames, Array(bytes[index...]))
  }
}
