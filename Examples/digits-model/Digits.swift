// The 8x8 digits data set as batches of tensors.
import Zygote

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Images as rows of 64 pixels scaled to [0, 1], and their digits.
public struct Digits {
  /// 64 pixels per image, row by row, in [0, 1].
  public private(set) var pixels: [Float] = []
  /// The digit of each image.
  public private(set) var labels: [Int] = []
  /// The number of images.
  public var count: Int { labels.count }

  /// Why the data file could not be read.
  public struct ReadError: Error, CustomStringConvertible {
    /// What went wrong, with the path.
    public var description: String
  }

  /// Reads the data file: 1,797 records of 65 bytes, 64 pixels (0...16, row by row) then the
  /// digit.
  public init(contentsOf path: String) throws {
    guard let file = fopen(path, "rb") else { throw ReadError(description: "cannot open \(path)") }
    defer { fclose(file) }
    let recordSize = 65
    var bytes = [UInt8](repeating: 0, count: 1797 * recordSize + 1)
    let read = fread(&bytes, 1, bytes.count, file)
    guard read == 1797 * recordSize else { throw ReadError(description: "\(path): expected \(1797 * recordSize) bytes, read \(read)") }
    for record in 0..<1797 {
      let base = record * recordSize
      for i in 0..<64 { pixels.append(Float(bytes[base + i]) / 16) }
      labels.append(Int(bytes[base + 64]))
    }
  }

  /// The images and labels at `indices`, as a batch: `x` is `[n, 64]`, `y` one-hot `[n, 10]`.
  public func batch(_ indices: some Collection<Int>) -> (x: Tensor<Float>, y: Tensor<Float>, labels: [Int]) {
    var x: [Float] = []
    x.reserveCapacity(indices.count * 64)
    var y = [Float](repeating: 0, count: indices.count * 10)
    var batchLabels: [Int] = []
    for (row, index) in indices.enumerated() {
      x.append(contentsOf: pixels[index * 64..<(index + 1) * 64])
      y[row * 10 + labels[index]] = 1
      batchLabels.append(labels[index])
    }
    return (Tensor(shape: [indices.count, 64], scalars: x), Tensor(shape: [indices.count, 10], scalars: y), batchLabels)
  }
}
