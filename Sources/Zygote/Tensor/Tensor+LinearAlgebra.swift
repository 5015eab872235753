// Matrix multiplication: a cache-blocked, vectorised kernel in pure Swift (SIMD types),
// single-threaded, in the structure of Goto & van de Geijn ("Anatomy of high-performance matrix
// multiplication", 2008) and BLIS:
//
//   for each NC-wide panel of B's columns            (jc)
//     for each KC-deep slab of the shared dimension  (pc)   pack B[pc, jc] into NR-wide slivers
//       for each MC-tall block of A's rows           (ic)   pack A[ic, pc] into MR-tall slivers
//         for each sliver pair: MR×NR micro-kernel, C[ir, jr] += Ã·B̃ (registers only)
//
// The micro-kernel keeps an MR×NR tile of C in MR SIMD accumulators of NR lanes; per step of
// the shared dimension it loads one NR-vector of B and broadcasts MR scalars of A. NR is the
// SIMD width chosen per scalar type (8 Floats, 4 Doubles: 32 bytes, one AVX register or two SSE
// registers), MR = 6, so the 6 accumulators fill 12 of the 16 SSE registers. Packing makes both
// operands unit-stride and zero-padded, so edge tiles run the same kernel and are clipped on
// the write back. Small problems and matrix-vector products skip packing.

/// Rows of the register tile.
@usableFromInline let _gemmMR = 6
/// Depth of a packed slab (the shared dimension): one A sliver (MR×KC) and one B sliver
/// (KC×NR) stay in L1. Measured: 128 is as fast as 256 at n = 128 and 512, and avoids a 15%
/// dip at n = 256 (where B's rows are 1 KiB apart and packing them thrashes L1 sets).
@usableFromInline let _gemmKC = 128
/// Rows of a packed A block (MC×KC stays in L2).
@usableFromInline let _gemmMC = 120
/// Columns of a packed B panel (KC×NC, in L2/L3).
@usableFromInline let _gemmNC = 2048

/// `C = A·B` for row-major `A` (m×k), `B` (k×n), `C` (m×n, overwritten), using SIMD vectors
/// of type `V` (whose lane count is the register tile's width).
@usableFromInline func _blockedMatrixMultiply<V: SIMD>(
  _ a: UnsafePointer<V.Scalar>, _ b: UnsafePointer<V.Scalar>, _ c: UnsafeMutablePointer<V.Scalar>,
  m: Int, k: Int, n: Int, vector: V.Type
) where V.Scalar: BinaryFloatingPoint {
  typealias S = V.Scalar
  c.update(repeating: 0, count: m * n)
  if m == 0 || n == 0 || k == 0 { return }
  if n == 1 { return _matrixVector(a, b, c, m: m, k: k, vector: V.self) }
  if m == 1 { return _vectorMatrix(a, b, c, k: k, n: n, vector: V.self) }
  if m * n * k <= 8 * 8 * 8 {
    // Small: a plain i-p-j loop beats packing.
    for i in 0..<m {
      for p in 0..<k {
        let x = a[i * k + p]
        for j in 0..<n { c[i * n + j] += x * b[p * n + j] }
      }
    }
    return
  }
  let mr = _gemmMR
  let nr = V.scalarCount
  let kcMax = Swift.min(_gemmKC, k)
  let mcMax = Swift.min(_gemmMC, (m + mr - 1) / mr * mr)
  let ncMax = Swift.min(_gemmNC, (n + nr - 1) / nr * nr)
  let packedA = UnsafeMutablePointer<S>.allocate(capacity: mcMax * kcMax + 64)
  let packedB = UnsafeMutablePointer<S>.allocate(capacity: kcMax * ncMax + 64)
  defer {
    packedA.deallocate()
    packedB.deallocate()
  }
  // Align the packed buffers to 64 bytes so that B̃'s vector loads never straddle a line.
  let alignedA = _align64(packedA)
  let alignedB = _align64(packedB)

  var jc = 0
  while jc < n {
    let nc = Swift.min(_gemmNC, n - jc)
    var pc = 0
    while pc < k {
      let kc = Swift.min(_gemmKC, k - pc)
      _packB(b.advanced(by: pc * n + jc), alignedB, kc: kc, nc: nc, ldb: n, nr: nr)
      var ic = 0
      while ic < m {
        let mc = Swift.min(_gemmMC, m - ic)
        _packA(a.advanced(by: ic * k + pc), alignedA, mc: mc, kc: kc, lda: k, mr: mr)
        var jr = 0
        while jr < nc {
          let columns = Swift.min(nr, nc - jr)
          var ir = 0
          while ir < mc {
            let rows = Swift.min(mr, mc - ir)
            _microKernel(
              alignedA + ir * kc, alignedB + jr * kc, kc: kc,
              c.advanced(by: (ic + ir) * n + jc + jr), ldc: n, rows: rows, columns: columns,
              vector: V.self)
            ir += mr
          }
          jr += nr
        }
        ic += mc
      }
      pc += kc
    }
    jc += nc
  }
}

/// The first 64-byte-aligned address at or after `p` (the allocation has 64 scalars of slack).
@inline(__always) func _align64<S>(_ p: UnsafeMutablePointer<S>) -> UnsafeMutablePointer<S> {
  let address = UInt(bitPattern: p)
  let aligned = (address + 63) & ~UInt(63)
  return UnsafeMutablePointer<S>(bitPattern: aligned)!
}

/// Packs `kc` rows × `nc` columns of B into slivers of `nr` columns; within a sliver, the `nr`
/// scalars of each row are contiguous. Columns past `nc` are zero.
@inline(__always) func _packB<S: BinaryFloatingPoint>(
  _ b: UnsafePointer<S>, _ packed: UnsafeMutablePointer<S>, kc: Int, nc: Int, ldb: Int, nr: Int
) {
  var destination = packed
  var j0 = 0
  while j0 < nc {
    let width = Swift.min(nr, nc - j0)
    if width == nr {
      for p in 0..<kc {
        (destination + p * nr).update(from: b + p * ldb + j0, count: nr)
      }
    } else {
      for p in 0..<kc {
        let row = destination + p * nr
        for j in 0..<nr { row[j] = j < width ? b[p * ldb + j0 + j] : 0 }
      }
    }
    destination += kc * nr
    j0 += nr
  }
}

/// Packs `mc` rows × `kc` columns of A into slivers of `mr` rows; within a sliver, the `mr`
/// scalars of each column are contiguous. Rows past `mc` are zero.
@inline(__always) func _packA<S: BinaryFloatingPoint>(
  _ a: UnsafePointer<S>, _ packed: UnsafeMutablePointer<S>, mc: Int, kc: Int, lda: Int, mr: Int
) {
  var destination = packed
  var i0 = 0
  while i0 < mc {
    let height = Swift.min(mr, mc - i0)
    if height == mr {
      for p in 0..<kc {
        let column = destination + p * mr
        for r in 0..<mr { column[r] = a[(i0 + r) * lda + p] }
      }
    } else {
      for p in 0..<kc {
        let column = destination + p * mr
        for r in 0..<mr { column[r] = r < height ? a[(i0 + r) * lda + p] : 0 }
      }
    }
    destination += kc * mr
    i0 += mr
  }
}

/// `C[0..<rows, 0..<columns] += Ã·B̃` for one 6×NR tile: `Ã` is a packed A sliver (6 scalars per
/// step), `B̃` a packed B sliver (NR scalars per step, 64-byte aligned).
@inline(__always) func _microKernel<V: SIMD>(
  _ a: UnsafeMutablePointer<V.Scalar>, _ b: UnsafeMutablePointer<V.Scalar>, kc: Int,
  _ c: UnsafeMutablePointer<V.Scalar>, ldc: Int, rows: Int, columns: Int, vector: V.Type
) where V.Scalar: BinaryFloatingPoint {
  var c0 = V(), c1 = V(), c2 = V(), c3 = V(), c4 = V(), c5 = V()
  var ap = UnsafeRawPointer(a)
  var bp = UnsafeRawPointer(b)
  let aStep = 6 * MemoryLayout<V.Scalar>.stride
  let bStep = MemoryLayout<V>.stride
  for _ in 0..<kc {
    let bv = bp.load(as: V.self)
    let a0 = ap.load(as: V.Scalar.self)
    let a1 = ap.load(fromByteOffset: MemoryLayout<V.Scalar>.stride, as: V.Scalar.self)
    let a2 = ap.load(fromByteOffset: 2 * MemoryLayout<V.Scalar>.stride, as: V.Scalar.self)
    let a3 = ap.load(fromByteOffset: 3 * MemoryLayout<V.Scalar>.stride, as: V.Scalar.self)
    let a4 = ap.load(fromByteOffset: 4 * MemoryLayout<V.Scalar>.stride, as: V.Scalar.self)
    let a5 = ap.load(fromByteOffset: 5 * MemoryLayout<V.Scalar>.stride, as: V.Scalar.self)
    c0 += V(repeating: a0) * bv
    c1 += V(repeating: a1) * bv
    c2 += V(repeating: a2) * bv
    c3 += V(repeating: a3) * bv
    c4 += V(repeating: a4) * bv
    c5 += V(repeating: a5) * bv
    ap += aStep
    bp += bStep
  }
  if rows == 6 && columns == V.scalarCount {
    _addRow(c0, c)
    _addRow(c1, c + ldc)
    _addRow(c2, c + 2 * ldc)
    _addRow(c3, c + 3 * ldc)
    _addRow(c4, c + 4 * ldc)
    _addRow(c5, c + 5 * ldc)
  } else {
    let tile = [c0, c1, c2, c3, c4, c5]
    for r in 0..<rows {
      for j in 0..<columns { c[r * ldc + j] += tile[r][j] }
    }
  }
}

/// `row[0..<V.scalarCount] += v`, unaligned.
@inline(__always) func _addRow<V: SIMD>(_ v: V, _ row: UnsafeMutablePointer<V.Scalar>)
where V.Scalar: BinaryFloatingPoint {
  let raw = UnsafeMutableRawPointer(row)
  raw.storeBytes(of: raw.loadUnaligned(as: V.self) + v, as: V.self)
}

/// `c = A·x` for a row-major m×k `A`: one SIMD dot product per row.
@inline(__always) func _matrixVector<V: SIMD>(
  _ a: UnsafePointer<V.Scalar>, _ x: UnsafePointer<V.Scalar>, _ c: UnsafeMutablePointer<V.Scalar>,
  m: Int, k: Int, vector: V.Type
) where V.Scalar: BinaryFloatingPoint {
  let w = V.scalarCount
  for i in 0..<m {
    let row = a + i * k
    var s0 = V(), s1 = V()
    var p = 0
    while p + 2 * w <= k {
      s0 += UnsafeRawPointer(row + p).loadUnaligned(as: V.self) * UnsafeRawPointer(x + p).loadUnaligned(as: V.self)
      s1 += UnsafeRawPointer(row + p + w).loadUnaligned(as: V.self)
        * UnsafeRawPointer(x + p + w).loadUnaligned(as: V.self)
      p += 2 * w
    }
    var total = (s0 + s1).sum()
    while p < k {
      total += row[p] * x[p]
      p += 1
    }
    c[i] = total
  }
}

/// `c = xᵀ·B` for a length-k `x` and a row-major k×n `B`: rows of B scaled and added.
@inline(__always) func _vectorMatrix<V: SIMD>(
  _ x: UnsafePointer<V.Scalar>, _ b: UnsafePointer<V.Scalar>, _ c: UnsafeMutablePointer<V.Scalar>,
  k: Int, n: Int, vector: V.Type
) where V.Scalar: BinaryFloatingPoint {
  let w = V.scalarCount
  for p in 0..<k {
    let scale = x[p]
    let row = b + p * n
    let splat = V(repeating: scale)
    var j = 0
    while j + w <= n {
      let out = UnsafeMutableRawPointer(c + j)
      out.storeBytes(of: out.loadUnaligned(as: V.self) + splat * UnsafeRawPointer(row + j).loadUnaligned(as: V.self), as: V.self)
      j += w
    }
    while j < n {
      c[j] += scale * row[j]
      j += 1
    }
  }
}

// MARK: - Debug builds

// In an unoptimised (debug) build, SIMD operations are calls into the standard library and
// generic code is not specialised: the blocked kernel then runs at about 10 MFLOP/s, while a
// plain loop over concrete scalars runs 70 times faster (measured: 128×64·64×32 takes 28 ms
// against 0.4 ms). Tests and debug runs of examples take this path; release builds never do.

/// `C = A·B` with a plain i-p-j loop over Floats, for debug builds.
func _debugMatrixMultiply(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>, m: Int, k: Int, n: Int
) {
  c.update(repeating: 0, count: m * n)
  for i in 0..<m {
    let row = c + i * n
    for p in 0..<k {
      let x = a[i * k + p]
      let source = b + p * n
      var j = 0
      while j < n {
        row[j] += x * source[j]
        j += 1
      }
    }
  }
}

/// `C = A·B` with a plain i-p-j loop over Doubles, for debug builds.
func _debugMatrixMultiply(
  _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int
) {
  c.update(repeating: 0, count: m * n)
  for i in 0..<m {
    let row = c + i * n
    for p in 0..<k {
      let x = a[i * k + p]
      let source = b + p * n
      var j = 0
      while j < n {
        row[j] += x * source[j]
        j += 1
      }
    }
  }
}

// MARK: - matmul

/// The matrix product.
///
/// - 2-D × 2-D: `[m, k] · [k, n] → [m, n]`, `C[i, j] = Σ_p A[i, p] B[p, j]`.
/// - 2-D × 1-D: `[m, k] · [k] → [m]` (matrix times vector).
/// - 1-D × 2-D: `[k] · [k, n] → [n]` (row vector times matrix).
/// - 1-D × 1-D: `[k] · [k] → []`, the dot product as a rank-0 tensor.
///
/// ```swift
/// let W = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
/// matmul(W, Tensor([1, 2, 3]))   // [14.0, 32.0]
/// ```
/// - Precondition: ranks 1 or 2, and the inner extents agree.
@inlinable public func matmul<Scalar>(_ a: Tensor<Scalar>, _ b: Tensor<Scalar>) -> Tensor<Scalar> {
  precondition(
    (1...2).contains(a.rank) && (1...2).contains(b.rank),
    "matmul: needs rank-1 or rank-2 operands, got shapes \(a.shape) and \(b.shape)")
  let m = a.rank == 2 ? a.shape[0] : 1
  let k = a.shape[a.rank - 1]
  let k2 = b.shape[0]
  let n = b.rank == 2 ? b.shape[1] : 1
  precondition(k == k2, "matmul: inner dimensions differ, shapes \(a.shape) and \(b.shape)")
  var shape: [Int] = []
  if a.rank == 2 { shape.append(m) }
  if b.rank == 2 { shape.append(n) }
  return a.withUnsafeBufferPointer { x in
    b.withUnsafeBufferPointer { y in
      Tensor(shape: shape) { out in
        Scalar._matrixMultiply(x.baseAddress!, y.baseAddress!, out.baseAddress!, m: m, k: k, n: n)
      }
    }
  }
}
