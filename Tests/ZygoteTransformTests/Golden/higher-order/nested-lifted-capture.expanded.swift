_forwardGradient(at: 5.0, { x in (_forwardGradient(at: _pin(1.0, level: x), { [x = _lift(x, into: _pin(1.0, level: x))] y in ({ z in
  let (_ad_v1, _ad_pb1) = _vjp(implicit: x)  // line 1
  let (_ad_v2, _ad_pb2) = _vjp(implicit: y)  // line 1
  let (_ad_v3, _ad_pb3) = _vjp(__multiply: _ad_v1, _ad_v2)  // line 1
  let (_ad_v4, _ad_pb4) = _vjp(__multiply: _ad_v3, z)  // line 1
  let _ad_result = _ad_v4  // line 1
  let _ad_seed = _unitSeed(like: _ad_result)
  var _ad_d_z = _zeroTangent(like: z)
  let (_ad_g4_0, _ad_g4_1) = _ad_pb4(_ad_seed)
  let (_ad_g3_0, _ad_g3_1) = _ad_pb3(_ad_g4_0)
  _ad_pb1(_ad_g3_0)
  _ad_pb2(_ad_g3_1)
  _accumulate(&_ad_d_z, _ad_g4_1)
  return _ad_d_z
}(_pin(1.0, level: y))) })) })
