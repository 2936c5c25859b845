;; Feature probe: validates only where the engine has relaxed SIMD (f32x4.relaxed_madd).
(module
  (import "env" "memory" (memory 1))
  (func (export "madd") (param v128 v128 v128) (result v128)
    (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))))
