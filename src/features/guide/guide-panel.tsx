import './guide.css';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { MessageKey } from '../../i18n/messages';
import { GUIDE_STEPS, type GuideStepId } from './guide-steps';
import { useGuideProgress } from './guide-progress';
import { KernelTask } from './kernel-task';
import { LayerTable } from './layer-table';
import { PoolTask } from './pool-task';
import { QuizTask } from './quiz-task';
import { ActivationTask, LossTask } from './slider-tasks';
import { DataTask, TestingTask, TrainingTask } from './state-tasks';
import type { TaskProps } from './task-props';

/** The panel each step links to, by its tab title. */
const PANEL_TITLES: Record<string, MessageKey> = {
  'conv-lab': 'panel.convLab',
  network: 'panel.network',
  concepts: 'panel.concepts',
  dataset: 'panel.dataset',
  model: 'panel.model',
  train: 'panel.train',
  evaluate: 'panel.evaluate',
};

/** The live widget of one step, with its task. */
function StepWidget({ id, task }: { id: GuideStepId; task: TaskProps }): ReactNode {
  const { t } = useI18n();
  switch (id) {
    case 'convolution':
      return <KernelTask {...task} />;
    case 'pooling':
      return <PoolTask {...task} />;
    case 'cnn':
      return <QuizTask {...task} question={t('guide.cnn.question')} answer={1568} />;
    case 'activations':
      return <ActivationTask {...task} />;
    case 'loss':
      return <LossTask {...task} />;
    case 'data':
      return <DataTask {...task} />;
    case 'network':
      return (
        <>
          <LayerTable />
          <QuizTask {...task} question={t('guide.network.question')} answer={28_938} />
        </>
      );
    case 'training':
      return <TrainingTask {...task} />;
    case 'testing':
      return <TestingTask {...task} />;
  }
}

/** The first screen for a new visitor: the tutorial's sections in order, each with a task to do. */
export function GuidePanel() {
  const { t } = useI18n();
  const { progress, markDone, goTo } = useGuideProgress();
  const step = GUIDE_STEPS[progress.step];
  const done = progress.done.includes(step.id);
  const onDone = useCallback(() => markDone(step.id), [markDone, step.id]);
  const key = (suffix: string) => `guide.${step.id}.${suffix}` as MessageKey;
  // After Previous or Next, the focus moves to the new step's heading: the button pressed may have
  // just disabled itself, and a screen reader then reads the new step from its title.
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
  }, [progress.step]);
  const moveTo = (to: number) => {
    moved.current = true;
    goTo(to);
  };
  return (
    <section className="panel guide" aria-labelledby="guide-heading">
      <h2 id="guide-heading">{t('guide.heading')}</h2>
      <p>{t('guide.intro')}</p>
      <p data-testid="guide-progress">
        {t('guide.progress', { done: progress.done.length, total: GUIDE_STEPS.length })}
      </p>
      <nav aria-label={t('guide.steps')}>
        <ol className="guide-steps">
          {GUIDE_STEPS.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                aria-current={i === progress.step ? 'step' : undefined}
                onClick={() => goTo(i)}
              >
                <span aria-hidden="true">{progress.done.includes(s.id) ? '✓ ' : ''}</span>§
                {s.section} {t(`guide.${s.id}.title` as MessageKey)}
                {progress.done.includes(s.id) && (
                  <span className="visually-hidden">{t('guide.doneMark')}</span>
                )}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <article className="guide-step" aria-labelledby="guide-step-heading">
        <h3 id="guide-step-heading" ref={heading} tabIndex={-1}>
          §{step.section} {t(key('title'))}
        </h3>
        <p>{t(key('text'))}</p>
        <section className={`guide-task${done ? ' is-done' : ''}`} aria-label={t('guide.try')}>
          <h4>{t('guide.try')}</h4>
          <p>{t(key('task'))}</p>
          <StepWidget key={step.id} id={step.id} task={{ done, onDone }} />
          <p role="status" data-testid="guide-task-status" className="guide-status">
            {done ? t('guide.done') : t('guide.notYet')}
          </p>
        </section>
        <p>
          <a href={`#/${step.panel}`}>{t('guide.open', { panel: t(PANEL_TITLES[step.panel]) })}</a>
        </p>
        <div className="toolbar">
          <button
            type="button"
            disabled={progress.step === 0}
            onClick={() => moveTo(progress.step - 1)}
          >
            {t('guide.prev')}
          </button>
          <button
            type="button"
            disabled={progress.step === GUIDE_STEPS.length - 1}
            onClick={() => moveTo(progress.step + 1)}
          >
            {t('guide.next')}
          </button>
        </div>
      </article>
    </section>
  );
}
