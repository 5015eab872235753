{ (x: Double, y: Double) in
  let (_ad_v1, _ad_pb1) = _vjp(__multiply: x, y)  // line 1
  let _ad_result = _ad_v1  // line 1
  let _ad_seed = _unitSeed(like: _ad_result)
  var _ad_d_x = _zeroTangent(like: x)
  var _ad_d_y = _zeroTangent(like: y)
  let (_ad_g1_0, _ad_g1_1) = _ad_pb1(_ad_seed)
  _accumulate(&_ad_d_x, _ad_g1_0)
  _accumulate(&_ad_d_y, _ad_g1_1)
  return (_ad_d_x, _ad_d_y)
}(2.0, 3.0)
