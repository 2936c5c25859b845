import { imageFileMessage } from '../../components/image-file';
import { useI18n } from '../../i18n/use-i18n';
import type { ImageRefusal } from './read-images';

/** Each refused file with why, in the user's language; nothing when none was refused. */
export function RefusalList({ refused }: { refused: ImageRefusal[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (refused.length === 0) return null;
  return (
    <div role="alert" className="error">
      <p>{t('my.refused', { n: refused.length })}</p>
      <ul>
        {refused.slice(0, 20).map((r, i) => (
          <li key={i}>
            {r.why === 'error'
              ? imageFileMessage(i18n, r.error)
              : t(r.why === 'blank' ? 'my.refusedBlank' : 'my.refusedUnlabelled', { name: r.name })}
          </li>
        ))}
      </ul>
    </div>
  );
}
