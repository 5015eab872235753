{
  let (_ad_v1, _ad_pb1) = _vjp(sin: $0)  // line 1
  let (_ad_v2, _ad_pb2) = _vjp(__multiply: $0, _ad_v1)  // line 1
  let _ad_result = _ad_v2  // line 1
  let _ad_seed = _unitSeed(like: _ad_result)
  var _ad_d_arg0 = _zeroTangent(like: $0)
  let (_ad_g2_0, _ad_g2_1) = _ad_pb2(_ad_seed)
  _accumulate(&_ad_d_arg0, _ad_g2_0)
  _accumulate(&_ad_d_arg0, _ad_pb1(_ad_g2_1))
  return _ad_d_arg0
}(1.0)
