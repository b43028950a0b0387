/** A labelled on/off switch: a real checkbox (keyboard and screen readers work as usual)
 *  with role="switch", styled as a toggle. */

/** Props: the label, the current value and what to do on change. */
export interface SwitchProps { label: string; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void }

/** The switch; its text label is the accessible name. */
export function Switch({ label, checked, disabled = false, onChange }: SwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <span class="switch-track" aria-hidden="true" />
      <span class="switch-label">{label}</span>
    </label>
  );
}
