import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { convStep, outputSize } from '../../ml/conv-lab/conv-ops';
import type { GrayImage } from '../../ml/image';

/** Side of the patch the animation walks over. */
const PATCH = 7;
const STEP_MS = 900;

/** The PATCH × PATCH pixels at the centre of the image (zeros beyond a smaller image). */
function centrePatch(image: GrayImage): GrayImage {
  const x0 = Math.max(0, Math.floor(image.width / 2) - 3);
  const y0 = Math.max(0, Math.floor(image.height / 2) - 3);
  const data = new Float32Array(PATCH * PATCH);
  for (let r = 0; r < PATCH; r++) {
    for (let c = 0; c < PATCH; c++) {
      const x = x0 + c;
      const y = y0 + r;
      if (x < image.width && y < image.height)
        data[r * PATCH + c] = image.data[y * image.width + x];
    }
  }
  return { width: PATCH, height: PATCH, data };
}

const fmt = (v: number) => String(Number(v.toFixed(3)));

/** Slides the kernel over a 7×7 patch and shows the multiply-and-sum behind each output pixel. */
export function KernelAnimation(props: {
  image: GrayImage;
  kernel: number[];
  size: number;
  stride: number;
}) {
  const { image, kernel, size, stride } = props;
  const { t } = useI18n();
  const patch = useMemo(() => centrePatch(image), [image]);
  const side = outputSize(PATCH, size, stride);
  const positions = side * side;
  const [pos, setPos] = useState(0);
  const [playing, setPlaying] = useState(false);
  const at = positions > 0 ? pos % positions : 0;

  useEffect(() => {
    if (!playing || positions === 0) return;
    const id = setInterval(() => setPos((p) => (p + 1) % positions), STEP_MS);
    return () => clearInterval(id);
  }, [playing, positions]);

  if (positions === 0) return <p>{t('conv.anim.noFit')}</p>;
  const settings = { kernel, size, stride, padding: 'valid' as const };
  const ox = at % side;
  const oy = Math.floor(at / side);
  const step = convStep(patch, settings, ox, oy);
  const inWindow = (r: number, c: number) =>
    r >= step.y0 && r < step.y0 + size && c >= step.x0 && c < step.x0 + size;

  return (
    <div className="kernel-anim">
      <p>{t('conv.anim.intro', { patch: PATCH, side })}</p>
      <div className="toolbar">
        <button type="button" onClick={() => setPos((at - 1 + positions) % positions)}>
          {t('conv.anim.prev')}
        </button>
        <button type="button" aria-pressed={playing} onClick={() => setPlaying(!playing)}>
          {playing ? t('conv.anim.pause') : t('conv.anim.play')}
        </button>
        <button type="button" onClick={() => setPos((at + 1) % positions)}>
          {t('conv.anim.next')}
        </button>
        <span aria-live="polite">
          {t('conv.anim.position', { x: ox, y: oy, i: at + 1, n: positions })}
        </span>
      </div>
      <div className="anim-layout">
        <table className="anim-grid" aria-label={t('conv.anim.patch')}>
          <tbody>
            {Array.from({ length: PATCH }, (_, r) => (
              <tr key={r}>
                {Array.from({ length: PATCH }, (_, c) => (
                  <td key={c} className={inWindow(r, c) ? 'in-window' : undefined}>
                    {fmt(patch.data[r * PATCH + c])}
                    {inWindow(r, c) && (
                      <small>×{fmt(kernel[(r - step.y0) * size + (c - step.x0)])}</small>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <p className="formula" data-testid="anim-sum">
            {step.products
              .map((p, i) => (i === 0 ? fmt(p) : p < 0 ? ` − ${fmt(-p)}` : ` + ${fmt(p)}`))
              .join('')}
            {' = '}
            <strong>{fmt(step.sum)}</strong>
          </p>
          <table className="anim-grid" aria-label={t('conv.anim.outputs')}>
            <tbody>
              {Array.from({ length: side }, (_, r) => (
                <tr key={r}>
                  {Array.from({ length: side }, (_, c) => {
                    const i = r * side + c;
                    return (
                      <td key={c} className={i === at ? 'in-window' : undefined}>
                        {i <= at ? fmt(convStep(patch, settings, c, r).sum) : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
