import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/messages';
import { KERNEL_PRESETS, kernelPreset, resizeKernel } from '../../ml/conv-lab/kernels';

/** The kernel as typed: cell texts, so a half-typed "-" is kept while the user edits. */
export interface KernelDraft {
  preset: string | 'custom';
  size: 3 | 5;
  cells: string[];
}

/** Shows a kernel value compactly (1/9 as 0.111111) without float noise. */
const cellText = (v: number) => String(Number(v.toPrecision(6)));

/** The draft for a preset. */
export function presetDraft(id: string): KernelDraft {
  const p = kernelPreset(id);
  return { preset: id, size: p.size, cells: p.values.map(cellText) };
}

/** The draft's numbers, or null while any cell is not a finite number. */
export function parseDraft(draft: KernelDraft): number[] | null {
  const values = draft.cells.map((c) => (c.trim() === '' ? NaN : Number(c)));
  return values.every(Number.isFinite) ? values : null;
}

/** Preset menu, kernel size and an editable grid of number inputs. */
export function KernelEditor(props: { draft: KernelDraft; onChange: (d: KernelDraft) => void }) {
  const { draft, onChange } = props;
  const { t } = useI18n();
  const valid = parseDraft(draft) !== null;
  const setSize = (size: 3 | 5) => {
    const values = draft.cells.map((c) => Number(c) || 0);
    onChange({
      preset: 'custom',
      size,
      cells: resizeKernel(values, draft.size, size).map(cellText),
    });
  };
  return (
    <fieldset className="kernel-editor">
      <legend>{t('conv.kernel')}</legend>
      <div className="toolbar">
        <label>
          {t('conv.kernel.preset')}{' '}
          <select
            aria-label={t('conv.kernel.preset')}
            value={draft.preset}
            onChange={(e) => e.target.value !== 'custom' && onChange(presetDraft(e.target.value))}
          >
            {KERNEL_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {t(`conv.kernel.${p.id}` as MessageKey)}
              </option>
            ))}
            <option value="custom">{t('conv.kernel.custom')}</option>
          </select>
        </label>
        <label>
          {t('conv.kernel.size')}{' '}
          <select
            aria-label={t('conv.kernel.size')}
            value={draft.size}
            onChange={(e) => setSize(Number(e.target.value) as 3 | 5)}
          >
            <option value={3}>3 × 3</option>
            <option value={5}>5 × 5</option>
          </select>
        </label>
      </div>
      {draft.preset === 'tutorialEdge' && (
        <p className="hint">{t('conv.kernel.tutorialEdgeNote')}</p>
      )}
      <div
        className="kernel-grid"
        role="group"
        aria-label={t('conv.kernel.grid')}
        style={{ gridTemplateColumns: `repeat(${draft.size}, 5.5em)` }}
      >
        {draft.cells.map((cell, i) => {
          const bad = cell.trim() === '' || !Number.isFinite(Number(cell));
          return (
            <input
              key={i}
              type="number"
              step="any"
              value={cell}
              aria-invalid={bad}
              aria-label={t('conv.kernel.cell', {
                row: Math.floor(i / draft.size) + 1,
                col: (i % draft.size) + 1,
              })}
              onChange={(e) => {
                const cells = [...draft.cells];
                cells[i] = e.target.value;
                onChange({ ...draft, preset: 'custom', cells });
              }}
            />
          );
        })}
      </div>
      {!valid && (
        <p role="alert" className="error">
          {t('conv.kernel.invalid')}
        </p>
      )}
      <p className="hint">{t('conv.kernel.crossCorrelation')}</p>
    </fieldset>
  );
}
