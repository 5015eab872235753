_jacobian(at: [2.0, 0.5], reverse: { p in
  let (_ad_v1, _ad_pb1) = _vjp(cos: p[1])  // line 1
  let (_ad_v2, _ad_pb2) = _vjp(__multiply: p[0], _ad_v1)  // line 1
  let (_ad_v3, _ad_pb3) = _vjp(sin: p[1])  // line 1
  let (_ad_v4, _ad_pb4) = _vjp(__multiply: p[0], _ad_v3)  // line 1
  let _ad_v5 = [_ad_v2, _ad_v4]  // line 1
  let _ad_result = _ad_v5  // line 1
  return (value: _ad_result, pullback: _pullbackClosure(like: _ad_result) { _ad_seed in
    var _ad_d_p = _zeroTangent(like: p)
    let _ad_g5 = _ad_seed
    let (_ad_g2_0, _ad_g2_1) = _ad_pb2(_ad_g5[0])
    _accumulate(&_ad_d_p, at: 0, _ad_g2_0)
    let _ad_g1 = _ad_pb1(_ad_g2_1)
    _accumulate(&_ad_d_p, at: 1, _ad_g1)
    let (_ad_g4_0, _ad_g4_1) = _ad_pb4(_ad_g5[1])
    _accumulate(&_ad_d_p, at: 0, _ad_g4_0)
    let _ad_g3 = _ad_pb3(_ad_g4_1)
    _accumulate(&_ad_d_p, at: 1, _ad_g3)
    return _ad_d_p
  })
}, forward: { p in [p[0] * cos(p[1]), p[0] * sin(p[1])] })
