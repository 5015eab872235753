_gradient(params: Params([W, b])) { () in
  #sourceLocation(file: "case.swift", line: 1)
  let (_ad_v1, _ad_pb1) = _vjp(predict: Tensor([1, 2, 3]))
  #sourceLocation()
  let (_ad_v2, _ad_pb2) = _ad_v1._vjpm(sum: ())  // line 1
  let _ad_result = _ad_v2  // line 1
  return (value: _ad_result, pullback: _pullbackClosure(like: _ad_result) { _ad_seed in
    let _ad_g2 = _ad_pb2(_ad_seed)
    _ = _ad_pb1(_ad_g2)
  })
}
