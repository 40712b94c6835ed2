import { useId, useState, type DragEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';

const accepted = '.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods';

// Drag and drop for the mouse, and a real file input for the keyboard and screen readers
// (kept focusable but visually replaced by its label, styled as a button).
export function DropZone({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useI18n();
  const inputId = useId();
  const [over, setOver] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  }

  return (
    <div
      className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      role="region"
      aria-label={t('importing.drop.zone')}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="drop-text">{t('importing.drop.text')}</p>
      <p className="muted">{t('importing.drop.or')}</p>
      <input
        id={inputId}
        className="visually-hidden file-input"
        type="file"
        accept={accepted}
        aria-describedby={`${inputId}-formats`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="button primary">
        {t('importing.drop.choose')}
      </label>
      <p id={`${inputId}-formats`} className="hint">
        {t('importing.drop.formats')}
      </p>
    </div>
  );
}
