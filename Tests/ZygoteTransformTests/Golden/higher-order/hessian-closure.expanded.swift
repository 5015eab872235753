_hessian(at: [1.0, 2.0], { x in
  let (_ad_v1, _ad_pb1) = _vjp(__multiply: x[0], x[1])  // line 1
  let (_ad_v2, _ad_pb2) = _vjp(__multiply: _ad_v1, x[1])  // line 1
  let _ad_result = _ad_v2  // line 1
  return (value: _ad_result, pullback: _pullbackClosure(like: _ad_result) { _ad_seed in
    var _ad_d_x = _zeroTangent(like: x)
    let (_ad_g2_0, _ad_g2_1) = _ad_pb2(_ad_seed)
    let (_ad_g1_0, _ad_g1_1) = _ad_pb1(_ad_g2_0)
    _accumulate(&_ad_d_x, at: 0, _ad_g1_0)
    _accumulate(&_ad_d_x, at: 1, _ad_g1_1)
    _accumulate(&_ad_d_x, at: 1, _ad_g2_1)
    return _ad_d_x
  })
})
