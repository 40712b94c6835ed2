import { useI18n } from '../i18n/i18n-context';

// An error as the person should read it: one sentence saying what happened and what to do.
export function ErrorAlert({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  if (!error) return null;
  return (
    <p className="alert alert-error" role="alert">
      {errorText(error)}
    </p>
  );
}
