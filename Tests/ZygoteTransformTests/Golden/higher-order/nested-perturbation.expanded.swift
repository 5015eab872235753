_forwardGradient(at: 4.0, { x in x * ({ y in
  let (_ad_v1, _ad_pb1) = _vjp(implicit: x)  // line 1
  let (_ad_v2, _ad_pb2) = _vjp(__multiply: _ad_v1, y)  // line 1
  let _ad_result = _ad_v2  // line 1
  let _ad_seed = _unitSeed(like: _ad_result)
  var _ad_d_y = _zeroTangent(like: y)
  let (_ad_g2_0, _ad_g2_1) = _ad_pb2(_ad_seed)
  _ad_pb1(_ad_g2_0)
  _accumulate(&_ad_d_y, _ad_g2_1)
  return _ad_d_y
}(_pin(1.0, level: x))) })
