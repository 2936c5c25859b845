;; Forward NHWC convolution, stride 1, on a zero-padded input, with relaxed-SIMD fused
;; multiply-add (f32x4.relaxed_madd). Assembled at build time by wabt (scripts/vite-plugin-wat.ts).
;;
;; conv(xp, w, out, n, hp, wp, ci, ho, wo, co, kh, kw), all offsets in bytes of the shared heap:
;;   xp  [n][hp][wp][ci]           padded input (hp = ho + kh - 1, wp = wo + kw - 1)
;;   w   [co/8][kh][kw*ci][8]      filter packed in blocks of 8 output channels
;;   out [n][ho][wo][co]           co % 8 == 0, wo >= 4
;; The micro-kernel keeps a 4-pixel x 8-channel tile of sums in 8 vector registers: per step
;; of the contraction it loads 2 filter vectors and 4 broadcast inputs for 8 FMAs. A row whose
;; width leaves 2 pixels over (the tutorial's 14) ends, where co % 16 == 0, with a 2-pixel x
;; 16-channel tile of the same 8 registers, run for two channel blocks at once (4 filter vectors
;; and 2 broadcasts per step). Any other remainder ends with a tile moved back to wo-4: it
;; recomputes pixels, never adds to them. Eight independent sums keep both FMA pipes busy
;; through their latency; a narrower tile would not.
(module
  (import "env" "memory" (memory 1))
  (func (export "conv")
    (param $xp i32) (param $w i32) (param $out i32) (param $n i32) (param $hp i32)
    (param $wp i32) (param $ci i32) (param $ho i32) (param $wo i32) (param $co i32)
    (param $kh i32) (param $kw i32)
    (local $cb i32) (local $img i32) (local $oh i32) (local $ow i32) (local $r i32)
    (local $ap i32) (local $wq i32) (local $cnt i32) (local $cs i32) (local $cs2 i32)
    (local $cs3 i32) (local $kci i32) (local $o i32) (local $ostride i32)
    (local $bs i32) (local $pairs i32)
    (local $w0 v128) (local $w1 v128) (local $b v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $cs (i32.shl (local.get $ci) (i32.const 2)))
    (local.set $cs2 (i32.shl (local.get $cs) (i32.const 1)))
    (local.set $cs3 (i32.add (local.get $cs2) (local.get $cs)))
    ;; bytes from one packed block of 8 output channels to the next
    (local.set $bs (i32.shl (i32.mul (local.get $kh) (i32.mul (local.get $kw) (local.get $ci)))
      (i32.const 5)))
    (local.set $pairs (i32.eqz (i32.and (local.get $co) (i32.const 15))))
    (local.set $kci (i32.mul (local.get $kw) (local.get $ci)))
    (local.set $ostride (i32.shl (local.get $co) (i32.const 2)))
    (local.set $cb (i32.const 0))
    (loop $blocks
      (local.set $img (i32.const 0))
      (loop $images
        (local.set $oh (i32.const 0))
        (loop $rows
          (local.set $ow (i32.const 0))
          (loop $tiles
           (block $tile
            (if (i32.gt_s (i32.add (local.get $ow) (i32.const 4)) (local.get $wo))
              (then
                (if (i32.and (local.get $pairs)
                      (i32.eq (i32.sub (local.get $wo) (local.get $ow)) (i32.const 2)))
                  (then
                    ;; 2 pixels x 16 channels: the even block writes its odd neighbour's too
                    (if (i32.eqz (i32.and (local.get $cb) (i32.const 1)))
                      (then (call $pairTile (local.get $xp) (local.get $w) (local.get $out)
                        (local.get $hp) (local.get $wp) (local.get $ho) (local.get $wo)
                        (local.get $kh) (local.get $cs) (local.get $kci) (local.get $ostride)
                        (local.get $bs) (local.get $cb) (local.get $img) (local.get $oh)
                        (local.get $ow))))
                    (local.set $ow (local.get $wo))
                    (br $tile)))
                ;; otherwise the last tile of a row starts at wo-4
                (local.set $ow (i32.sub (local.get $wo) (i32.const 4)))))
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0))
            (local.set $a3 (v128.const i32x4 0 0 0 0))
            (local.set $a4 (v128.const i32x4 0 0 0 0))
            (local.set $a5 (v128.const i32x4 0 0 0 0))
            (local.set $a6 (v128.const i32x4 0 0 0 0))
            (local.set $a7 (v128.const i32x4 0 0 0 0))
            (local.set $r (i32.const 0))
            (loop $filterRows
              ;; ap = &xp[img][oh + r][ow][0]; wq = &w[cb][r][0][0]
              (local.set $ap (i32.add (local.get $xp)
                (i32.mul (local.get $cs)
                  (i32.add (local.get $ow)
                    (i32.mul (local.get $wp)
                      (i32.add (i32.add (local.get $oh) (local.get $r))
                        (i32.mul (local.get $img) (local.get $hp))))))))
              (local.set $wq (i32.add (local.get $w)
                (i32.shl (i32.mul (local.get $kci)
                  (i32.add (local.get $r) (i32.mul (local.get $cb) (local.get $kh))))
                  (i32.const 5))))
              (local.set $cnt (local.get $kci))
              (loop $k
                (local.set $w0 (v128.load (local.get $wq)))
                (local.set $w1 (v128.load offset=16 (local.get $wq)))
                (local.set $b (v128.load32_splat (local.get $ap)))
                (local.set $a0 (f32x4.relaxed_madd (local.get $b) (local.get $w0) (local.get $a0)))
                (local.set $a1 (f32x4.relaxed_madd (local.get $b) (local.get $w1) (local.get $a1)))
                (local.set $b (v128.load32_splat (i32.add (local.get $ap) (local.get $cs))))
                (local.set $a2 (f32x4.relaxed_madd (local.get $b) (local.get $w0) (local.get $a2)))
                (local.set $a3 (f32x4.relaxed_madd (local.get $b) (local.get $w1) (local.get $a3)))
                (local.set $b (v128.load32_splat (i32.add (local.get $ap) (local.get $cs2))))
                (local.set $a4 (f32x4.relaxed_madd (local.get $b) (local.get $w0) (local.get $a4)))
                (local.set $a5 (f32x4.relaxed_madd (local.get $b) (local.get $w1) (local.get $a5)))
                (local.set $b (v128.load32_splat (i32.add (local.get $ap) (local.get $cs3))))
                (local.set $a6 (f32x4.relaxed_madd (local.get $b) (local.get $w0) (local.get $a6)))
                (local.set $a7 (f32x4.relaxed_madd (local.get $b) (local.get $w1) (local.get $a7)))
                (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
                (local.set $wq (i32.add (local.get $wq) (i32.const 32)))
                (br_if $k (local.tee $cnt (i32.sub (local.get $cnt) (i32.const 1)))))
              (br_if $filterRows
                (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (local.get $kh))))
            ;; o = &out[img][oh][ow][cb*8]
            (local.set $o (i32.add (local.get $out)
              (i32.add (i32.shl (local.get $cb) (i32.const 5))
                (i32.mul (local.get $ostride)
                  (i32.add (local.get $ow)
                    (i32.mul (local.get $wo)
                      (i32.add (local.get $oh) (i32.mul (local.get $img) (local.get $ho)))))))))
            (v128.store (local.get $o) (local.get $a0))
            (v128.store offset=16 (local.get $o) (local.get $a1))
            (local.set $o (i32.add (local.get $o) (local.get $ostride)))
            (v128.store (local.get $o) (local.get $a2))
            (v128.store offset=16 (local.get $o) (local.get $a3))
            (local.set $o (i32.add (local.get $o) (local.get $ostride)))
            (v128.store (local.get $o) (local.get $a4))
            (v128.store offset=16 (local.get $o) (local.get $a5))
            (local.set $o (i32.add (local.get $o) (local.get $ostride)))
            (v128.store (local.get $o) (local.get $a6))
            (v128.store offset=16 (local.get $o) (local.get $a7)))
            (br_if $tiles
              (i32.lt_s (local.tee $ow (i32.add (local.get $ow) (i32.const 4))) (local.get $wo))))
          (br_if $rows (i32.lt_u (local.tee $oh (i32.add (local.get $oh) (i32.const 1))) (local.get $ho))))
        (br_if $images (i32.lt_u (local.tee $img (i32.add (local.get $img) (i32.const 1))) (local.get $n))))
      (br_if $blocks
        (i32.lt_u (local.tee $cb (i32.add (local.get $cb) (i32.const 1)))
          (i32.shr_u (local.get $co) (i32.const 3))))))

  ;; One 2-pixel x 16-channel tile at out[img][oh][ow][cb*8 .. cb*8+15] (blocks cb and cb+1).
  (func $pairTile
    (param $xp i32) (param $w i32) (param $out i32) (param $hp i32) (param $wp i32)
    (param $ho i32) (param $wo i32) (param $kh i32) (param $cs i32) (param $kci i32)
    (param $ostride i32) (param $bs i32) (param $cb i32) (param $img i32) (param $oh i32)
    (param $ow i32)
    (local $r i32) (local $ap i32) (local $wq i32) (local $cnt i32) (local $o i32)
    (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128) (local $b v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $r (i32.const 0))
    (loop $filterRows
      (local.set $ap (i32.add (local.get $xp)
        (i32.mul (local.get $cs)
          (i32.add (local.get $ow)
            (i32.mul (local.get $wp)
              (i32.add (i32.add (local.get $oh) (local.get $r))
                (i32.mul (local.get $img) (local.get $hp))))))))
      (local.set $wq (i32.add (local.get $w)
        (i32.shl (i32.mul (local.get $kci)
          (i32.add (local.get $r) (i32.mul (local.get $cb) (local.get $kh))))
          (i32.const 5))))
      (local.set $cnt (local.get $kci))
      (loop $k
        (local.set $w0 (v128.load (local.get $wq)))
        (local.set $w1 (v128.load offset=16 (local.get $wq)))
        (local.set $w2 (v128.load (i32.add (local.get $wq) (local.get $bs))))
        (local.set $w3 (v128.load offset=16 (i32.add (local.get $wq) (local.get $bs))))
        (local.set $b (v128.load32_splat (local.get $ap)))
        (local.set $a0 (f32x4.relaxed_madd (local.get $b) (local.get $w0) (local.get $a0)))
        (local.set $a1 (f32x4.relaxed_madd (local.get $b) (local.get $w1) (local.get $a1)))
        (local.set $a2 (f32x4.relaxed_madd (local.get $b) (local.get $w2) (local.get $a2)))
        (local.set $a3 (f32x4.relaxed_madd (local.get $b) (local.get $w3) (local.get $a3)))
        (local.set $b (v128.load32_splat (i32.add (local.get $ap) (local.get $cs))))
        (local.set $a4 (f32x4.relaxed_madd (local.get $b) (local.get $w0) (local.get $a4)))
        (local.set $a5 (f32x4.relaxed_madd (local.get $b) (local.get $w1) (local.get $a5)))
        (local.set $a6 (f32x4.relaxed_madd (local.get $b) (local.get $w2) (local.get $a6)))
        (local.set $a7 (f32x4.relaxed_madd (local.get $b) (local.get $w3) (local.get $a7)))
        (local.set $ap (i32.add (local.get $ap) (i32.const 4)))
        (local.set $wq (i32.add (local.get $wq) (i32.const 32)))
        (br_if $k (local.tee $cnt (i32.sub (local.get $cnt) (i32.const 1)))))
      (br_if $filterRows
        (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (local.get $kh))))
    (local.set $o (i32.add (local.get $out)
      (i32.add (i32.shl (local.get $cb) (i32.const 5))
        (i32.mul (local.get $ostride)
          (i32.add (local.get $ow)
            (i32.mul (local.get $wo)
              (i32.add (local.get $oh) (i32.mul (local.get $img) (local.get $ho)))))))))
    (v128.store (local.get $o) (local.get $a0))
    (v128.store offset=16 (local.get $o) (local.get $a1))
    (v128.store offset=32 (local.get $o) (local.get $a2))
    (v128.store offset=48 (local.get $o) (local.get $a3))
    (local.set $o (i32.add (local.get $o) (local.get $ostride)))
    (v128.store (local.get $o) (local.get $a4))
    (v128.store offset=16 (local.get $o) (local.get $a5))
    (v128.store offset=32 (local.get $o) (local.get $a6))
    (v128.store offset=48 (local.get $o) (local.get $a7)))
)
