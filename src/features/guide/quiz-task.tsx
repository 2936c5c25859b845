import { useId, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { TaskProps } from './task-props';

/** A question with one whole-number answer; separators such as "1,568" or "28 938" are accepted. */
export function QuizTask(props: TaskProps & { question: string; answer: number }) {
  const { question, answer, done, onDone } = props;
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [wrong, setWrong] = useState(false);
  return (
    <form
      className="guide-widget toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        const value = Number(text.replace(/[\s,，_']/g, ''));
        const right = value === answer;
        setWrong(!right);
        if (right) onDone();
      }}
    >
      <label htmlFor={id}>{question}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit">{t('guide.quiz.check')}</button>
      <span role="status">{wrong ? t('guide.quiz.wrong') : done ? t('guide.quiz.right') : ''}</span>
    </form>
  );
}
