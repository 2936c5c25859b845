import './draw-pad.css';
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type MutableRefObject,
  type PointerEvent,
} from 'react';
import { rgbaToGray, type GrayImage } from '../ml/image';
import type { Stroke } from '../state/panel-state';
import { useI18n } from '../i18n/use-i18n';

/** Drawing resolution; the canvas is scaled by CSS to fit the screen. */
export const PAD_SIDE = 280;
/** At most one live prediction per this many milliseconds while a stroke is drawn. */
const LIVE_INTERVAL_MS = 100;

function paint(ctx: CanvasRenderingContext2D, strokes: Stroke[]) {
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, PAD_SIDE, PAD_SIDE);
  ctx.strokeStyle = ctx.fillStyle = '#fff';
  ctx.lineCap = ctx.lineJoin = 'round';
  for (const s of strokes) {
    ctx.lineWidth = s.width;
    const [first, ...rest] = s.points;
    if (rest.length === 0) {
      ctx.beginPath();
      ctx.arc(first.x, first.y, s.width / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(first.x, first.y);
    for (const p of rest) ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
}

/**
 * A black square to draw white digits on, with brush width, Clear and stroke-wise Undo. `strokes`
 * is kept by the caller (above the panel, so a digit survives a visit to another tab).
 */
export function DrawPad(props: {
  onInk: (image: GrayImage) => void;
  strokes: MutableRefObject<Stroke[]>;
}) {
  const { onInk, strokes } = props;
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<Stroke | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastEmit = useRef(0);
  const [count, setCount] = useState(() => strokes.current.length);
  const [brush, setBrush] = useState(20);

  const context = () => canvasRef.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const emit = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    lastEmit.current = performance.now();
    const ctx = context();
    if (!ctx) return;
    const { data } = ctx.getImageData(0, 0, PAD_SIDE, PAD_SIDE);
    onInk(rgbaToGray(data, PAD_SIDE, PAD_SIDE));
  }, [onInk]);

  const redraw = useCallback(() => {
    const ctx = context();
    if (ctx) paint(ctx, drawing.current ? [...strokes.current, drawing.current] : strokes.current);
  }, [strokes]);

  useEffect(() => {
    redraw();
    if (strokes.current.length > 0) emit(); // predict the kept digit again
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [redraw, emit, strokes]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) / rect.width) * PAD_SIDE,
      y: ((e.clientY - rect.top) / rect.height) * PAD_SIDE,
    };
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = { width: brush, points: [point(e)] };
    redraw();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const stroke = drawing.current;
    if (!stroke) return;
    // Coalesced events keep fast pen and finger strokes smooth.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    const rect = e.currentTarget.getBoundingClientRect();
    if (events.length > 0) {
      for (const c of events) {
        stroke.points.push({
          x: ((c.clientX - rect.left) / rect.width) * PAD_SIDE,
          y: ((c.clientY - rect.top) / rect.height) * PAD_SIDE,
        });
      }
    } else stroke.points.push(point(e));
    redraw();
    if (!timer.current) {
      const wait = Math.max(0, LIVE_INTERVAL_MS - (performance.now() - lastEmit.current));
      timer.current = setTimeout(emit, wait);
    }
  };
  const up = () => {
    const stroke = drawing.current;
    if (!stroke) return;
    drawing.current = null;
    strokes.current = [...strokes.current, stroke];
    setCount(strokes.current.length);
    redraw();
    emit();
  };

  const clear = () => {
    strokes.current = [];
    setCount(0);
    redraw();
    emit();
  };
  const undo = () => {
    strokes.current = strokes.current.slice(0, -1);
    setCount(strokes.current.length);
    redraw();
    emit();
  };

  return (
    <div className="draw-pad">
      <canvas
        ref={canvasRef}
        width={PAD_SIDE}
        height={PAD_SIDE}
        className="draw-canvas"
        aria-label={t('draw.canvas')}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div className="toolbar">
        <label>
          {t('draw.brush')}{' '}
          <input
            type="range"
            min={8}
            max={40}
            value={brush}
            onChange={(e) => setBrush(Number(e.target.value))}
          />{' '}
          {brush}
        </label>
        <button type="button" onClick={undo} disabled={count === 0}>
          {t('draw.undo')}
        </button>
        <button type="button" onClick={clear} disabled={count === 0}>
          {t('draw.clear')}
        </button>
      </div>
    </div>
  );
}
