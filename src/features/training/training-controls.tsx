import { useEffect, useRef, type ReactNode } from 'react';
import type { TrainerPhase } from '../../worker/protocol';
import { useI18n } from '../../i18n/use-i18n';

type Control = 'train' | 'pause' | 'resume' | 'stop' | 'reset' | 'continue';

/** The control that takes over when the focused one is disabled by a new phase. */
function successor(phase: TrainerPhase, canContinue: boolean): Control | null {
  switch (phase) {
    case 'training':
      return 'pause';
    case 'paused':
      return 'resume';
    case 'idle':
    case 'finished':
      return canContinue ? 'continue' : 'train';
    case 'loading':
      return null;
  }
}

/**
 * Train, Pause, Resume, Stop, Reset and Continue, enabled by phase, and what they ask first
 * (`children`). A pressed button is often disabled by the phase it starts, and a question goes
 * away once answered; the focus then moves to the button pressed last or, when that is disabled,
 * to the one that replaces it, so a keyboard user is not dropped back to the top of the page.
 */
export function TrainingControls(props: {
  phase: TrainerPhase;
  canContinue: boolean;
  onTrain: () => void;
  onContinue: () => void;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
  onReset: () => void;
  children?: ReactNode;
}) {
  const { phase, canContinue } = props;
  const { t } = useI18n();
  const active = phase === 'training' || phase === 'paused';
  const ready = phase === 'idle' || phase === 'finished';
  const wrapper = useRef<HTMLDivElement>(null);
  const buttons = useRef<Partial<Record<Control, HTMLButtonElement | null>>>({});
  const lastPressed = useRef<Control | null>(null);
  // Whether the user's focus was last here (a click elsewhere, even on plain text, says no).
  const focusHere = useRef(false);
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      focusHere.current = wrapper.current?.contains(e.target as Node) ?? false;
    };
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) focusHere.current = false;
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, []);
  // After every render: a disabled or removed button leaves the focus on <body>.
  useEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (!focusHere.current || !lost) return;
    const pressed = lastPressed.current && buttons.current[lastPressed.current];
    const next = successor(phase, canContinue);
    if (pressed && !pressed.disabled) pressed.focus();
    else if (next) buttons.current[next]?.focus();
  });
  const control = (name: Control, onClick: () => void) => ({
    ref: (el: HTMLButtonElement | null) => {
      buttons.current[name] = el;
    },
    type: 'button' as const,
    onClick: () => {
      lastPressed.current = name;
      onClick();
    },
  });
  return (
    <div ref={wrapper}>
      <div className="controls" role="group" aria-label={t('train.controls')}>
        <button {...control('train', props.onTrain)} className="primary" disabled={!ready}>
          {t('train.train')}
        </button>
        <button {...control('pause', props.onPause)} disabled={phase !== 'training'}>
          {t('train.pause')}
        </button>
        <button {...control('resume', props.onResume)} disabled={phase !== 'paused'}>
          {t('train.resume')}
        </button>
        <button {...control('stop', props.onStop)} disabled={!active}>
          {t('train.stop')}
        </button>
        <button {...control('reset', props.onReset)} disabled={phase === 'loading'}>
          {t('train.reset')}
        </button>
        {canContinue && (
          <button {...control('continue', props.onContinue)} disabled={!ready}>
            {t('train.continue')}
          </button>
        )}
      </div>
      {props.children}
    </div>
  );
}
