import { useId, type ReactNode } from 'react';

interface SelectFieldProps<V extends string | number> {
  label: string;
  hint?: ReactNode;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

// A labelled select whose options carry typed values (numbers stay numbers).
export function SelectField<V extends string | number>({ label, hint, value, options, onChange }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(options[e.target.selectedIndex]!.value)}
      >
        {options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
    </div>
  );
}
