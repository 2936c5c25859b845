;; Filter gradient of a stride-1 NHWC convolution, with relaxed-SIMD fused multiply-add
;; (f32x4.relaxed_madd). Assembled at build time by wabt (scripts/vite-plugin-wat.ts).
;;
;; filterGrad(xp, dy, dw, n, hp, wp, ci, ho, wo, co, kh, kw), all offsets in bytes of the heap:
;;   xp  [n][hp][wp][ci]     zero-padded input (hp = ho + kh - 1, wp = wo + kw - 1)
;;   dy  [n][ho][wo][co]     output gradient, co % 8 == 0
;;   dw  [kh][kw*ci][co]     HWIO; the kernel ADDS to it, so the caller zeroes it first
;; dw[a][k][c] = sum over img, i, j of xp[img][i+a][j][k] * dy[img][i][j][c], where k = b*ci + cin
;; runs over kw*ci values that lie next to each other in a padded input row. A tile holds 4 k x
;; 8 channels in 8 vector registers: per output pixel it loads 2 gradient vectors and 4
;; broadcast inputs for 8 FMAs. One image at a time, so its input and gradient stay in cache; the
;; tile's sums go back to dw after each image. A k count that is not a multiple of 4 ends with
;; tiles of one k.
(module
  (import "env" "memory" (memory 1))
  (func (export "filterGrad")
    (param $xp i32) (param $dy i32) (param $dw i32) (param $n i32) (param $hp i32)
    (param $wp i32) (param $ci i32) (param $ho i32) (param $wo i32) (param $co i32)
    (param $kh i32) (param $kw i32)
    (local $img i32) (local $a i32) (local $k i32) (local $kk i32) (local $cb i32)
    (local $nb i32) (local $i i32) (local $j i32) (local $xa i32) (local $da i32)
    (local $o i32) (local $cs i32) (local $os i32)
    (local $d0 v128) (local $d1 v128) (local $b v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $cs (i32.shl (local.get $ci) (i32.const 2)))
    (local.set $os (i32.shl (local.get $co) (i32.const 2)))
    (local.set $kk (i32.mul (local.get $kw) (local.get $ci)))
    (local.set $nb (i32.shr_u (local.get $co) (i32.const 3)))
    (local.set $img (i32.const 0))
    (loop $images
      (local.set $a (i32.const 0))
      (loop $filterRows
        (local.set $k (i32.const 0))
        (block $doneFour
          (loop $fours
            (br_if $doneFour (i32.gt_s (i32.add (local.get $k) (i32.const 4)) (local.get $kk)))
            (local.set $cb (i32.const 0))
            (loop $blocks
              ;; o = &dw[a][k][cb*8]
              (local.set $o (i32.add (local.get $dw)
                (i32.add (i32.shl (local.get $cb) (i32.const 5))
                  (i32.mul (local.get $os)
                    (i32.add (local.get $k) (i32.mul (local.get $a) (local.get $kk)))))))
              (local.set $a0 (v128.load (local.get $o)))
              (local.set $a1 (v128.load offset=16 (local.get $o)))
              (local.set $a2 (v128.load (i32.add (local.get $o) (local.get $os))))
              (local.set $a3 (v128.load offset=16 (i32.add (local.get $o) (local.get $os))))
              (local.set $a4 (v128.load (i32.add (local.get $o) (i32.shl (local.get $os) (i32.const 1)))))
              (local.set $a5 (v128.load offset=16 (i32.add (local.get $o) (i32.shl (local.get $os) (i32.const 1)))))
              (local.set $a6 (v128.load (i32.add (local.get $o) (i32.mul (local.get $os) (i32.const 3)))))
              (local.set $a7 (v128.load offset=16 (i32.add (local.get $o) (i32.mul (local.get $os) (i32.const 3)))))
              (local.set $i (i32.const 0))
              (loop $outRows
                ;; xa = &xp[img][i+a][0][k]; da = &dy[img][i][0][cb*8]
                (local.set $xa (i32.add (local.get $xp)
                  (i32.shl
                    (i32.add (local.get $k)
                      (i32.mul (local.get $ci)
                        (i32.mul (local.get $wp)
                          (i32.add (i32.add (local.get $i) (local.get $a))
                            (i32.mul (local.get $img) (local.get $hp))))))
                    (i32.const 2))))
                (local.set $da (i32.add (local.get $dy)
                  (i32.add (i32.shl (local.get $cb) (i32.const 5))
                    (i32.mul (local.get $os)
                      (i32.mul (local.get $wo)
                        (i32.add (local.get $i) (i32.mul (local.get $img) (local.get $ho))))))))
                (local.set $j (local.get $wo))
                (loop $pixels
                  (local.set $d0 (v128.load (local.get $da)))
                  (local.set $d1 (v128.load offset=16 (local.get $da)))
                  (local.set $b (v128.load32_splat (local.get $xa)))
                  (local.set $a0 (f32x4.relaxed_madd (local.get $b) (local.get $d0) (local.get $a0)))
                  (local.set $a1 (f32x4.relaxed_madd (local.get $b) (local.get $d1) (local.get $a1)))
                  (local.set $b (v128.load32_splat offset=4 (local.get $xa)))
                  (local.set $a2 (f32x4.relaxed_madd (local.get $b) (local.get $d0) (local.get $a2)))
                  (local.set $a3 (f32x4.relaxed_madd (local.get $b) (local.get $d1) (local.get $a3)))
                  (local.set $b (v128.load32_splat offset=8 (local.get $xa)))
                  (local.set $a4 (f32x4.relaxed_madd (local.get $b) (local.get $d0) (local.get $a4)))
                  (local.set $a5 (f32x4.relaxed_madd (local.get $b) (local.get $d1) (local.get $a5)))
                  (local.set $b (v128.load32_splat offset=12 (local.get $xa)))
                  (local.set $a6 (f32x4.relaxed_madd (local.get $b) (local.get $d0) (local.get $a6)))
                  (local.set $a7 (f32x4.relaxed_madd (local.get $b) (local.get $d1) (local.get $a7)))
                  (local.set $xa (i32.add (local.get $xa) (local.get $cs)))
                  (local.set $da (i32.add (local.get $da) (local.get $os)))
                  (br_if $pixels (local.tee $j (i32.sub (local.get $j) (i32.const 1)))))
                (br_if $outRows
                  (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $ho))))
              (v128.store (local.get $o) (local.get $a0))
              (v128.store offset=16 (local.get $o) (local.get $a1))
              (local.set $o (i32.add (local.get $o) (local.get $os)))
              (v128.store (local.get $o) (local.get $a2))
              (v128.store offset=16 (local.get $o) (local.get $a3))
              (local.set $o (i32.add (local.get $o) (local.get $os)))
              (v128.store (local.get $o) (local.get $a4))
              (v128.store offset=16 (local.get $o) (local.get $a5))
              (local.set $o (i32.add (local.get $o) (local.get $os)))
              (v128.store (local.get $o) (local.get $a6))
              (v128.store offset=16 (local.get $o) (local.get $a7))
              (br_if $blocks
                (i32.lt_u (local.tee $cb (i32.add (local.get $cb) (i32.const 1))) (local.get $nb))))
            (local.set $k (i32.add (local.get $k) (i32.const 4)))
            (br $fours)))
        ;; the k values left over after the tiles of 4, one at a time
        (block $doneOnes
          (loop $ones
            (br_if $doneOnes (i32.ge_s (local.get $k) (local.get $kk)))
            (local.set $cb (i32.const 0))
            (loop $oneBlocks
              (local.set $o (i32.add (local.get $dw)
                (i32.add (i32.shl (local.get $cb) (i32.const 5))
                  (i32.mul (local.get $os)
                    (i32.add (local.get $k) (i32.mul (local.get $a) (local.get $kk)))))))
              (local.set $a0 (v128.load (local.get $o)))
              (local.set $a1 (v128.load offset=16 (local.get $o)))
              (local.set $i (i32.const 0))
              (loop $oneRows
                (local.set $xa (i32.add (local.get $xp)
                  (i32.shl
                    (i32.add (local.get $k)
                      (i32.mul (local.get $ci)
                        (i32.mul (local.get $wp)
                          (i32.add (i32.add (local.get $i) (local.get $a))
                            (i32.mul (local.get $img) (local.get $hp))))))
                    (i32.const 2))))
                (local.set $da (i32.add (local.get $dy)
                  (i32.add (i32.shl (local.get $cb) (i32.const 5))
                    (i32.mul (local.get $os)
                      (i32.mul (local.get $wo)
                        (i32.add (local.get $i) (i32.mul (local.get $img) (local.get $ho))))))))
                (local.set $j (local.get $wo))
                (loop $onePixels
                  (local.set $d0 (v128.load (local.get $da)))
                  (local.set $d1 (v128.load offset=16 (local.get $da)))
                  (local.set $b (v128.load32_splat (local.get $xa)))
                  (local.set $a0 (f32x4.relaxed_madd (local.get $b) (local.get $d0) (local.get $a0)))
                  (local.set $a1 (f32x4.relaxed_madd (local.get $b) (local.get $d1) (local.get $a1)))
                  (local.set $xa (i32.add (local.get $xa) (local.get $cs)))
                  (local.set $da (i32.add (local.get $da) (local.get $os)))
                  (br_if $onePixels (local.tee $j (i32.sub (local.get $j) (i32.const 1)))))
                (br_if $oneRows
                  (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $ho))))
              (v128.store (local.get $o) (local.get $a0))
              (v128.store offset=16 (local.get $o) (local.get $a1))
              (br_if $oneBlocks
                (i32.lt_u (local.tee $cb (i32.add (local.get $cb) (i32.const 1))) (local.get $nb))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $ones)))
        (br_if $filterRows
          (i32.lt_u (local.tee $a (i32.add (local.get $a) (i32.const 1))) (local.get $kh))))
      (br_if $images
        (i32.lt_u (local.tee $img (i32.add (local.get $img) (i32.const 1))) (local.get $n)))))
)
