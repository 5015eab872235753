_gradient(params: Params([W, b])) { () in
  let (_ad_v1, _ad_pb1) = _vjp(recording: predict, Tensor([1, 2, 3]), named: "predict", rules: _ZygoteModuleRules.rules(named:))  // line 2
  let (_ad_v2, _ad_pb2) = _ad_v1._vjpm(sum: ())  // line 2
  let (_ad_v3, _ad_pb3) = _vjp(implicit: W)  // line 2
  let (_ad_v4, _ad_pb4) = _vjp(recording: scale, _ad_v3, 2, named: "scale", rules: _ZygoteModuleRules.rules(named:))  // line 2
  let (_ad_v5, _ad_pb5) = _ad_v4._vjpm(sum: ())  // line 2
  let (_ad_v6, _ad_pb6) = _vjp(__add: _ad_v2, _ad_v5)  // line 2
  let _ad_result = _ad_v6  // line 2
  return (value: _ad_result, pullback: _pullbackClosure(like: _ad_result) { _ad_seed in
    let (_ad_g6_0, _ad_g6_1) = _ad_pb6(_ad_seed)
    let _ad_g2 = _ad_pb2(_ad_g6_0)
    _ = _ad_pb1(_ad_g2)
    let _ad_g5 = _ad_pb5(_ad_g6_1)
    let (_ad_g4_0, _) = _ad_pb4(_ad_g5)
    _ad_pb3(_ad_g4_0)
  })
}
