{ x in
  let (_ad_v1, _ad_pb1) = _vjp(apply: fs[name]!, x)  // line 1
  let _ad_result = _ad_v1  // line 1
  let _ad_seed = _unitSeed(like: _ad_result)
  var _ad_d_x = _zeroTangent(like: x)
  let (_, _ad_g1_1) = _ad_pb1(_ad_seed)
  _accumulate(&_ad_d_x, _ad_g1_1)
  return _ad_d_x
}(1.0)
