/** The options page's matching settings: paraphrases on/off, shared quotes shown or hidden, and
 *  the strictness preset. */
import { presetOf, STRICTNESS_PRESETS, type MatchSettings, type StrictnessPreset } from '../../ext/settings/settings';
import { Switch } from '../Switch';

/** Props: the current settings and the function that saves new ones. */
export interface MatchingFormProps { settings: MatchSettings; save: (settings: MatchSettings) => void }

const PRESET_TEXT: Record<StrictnessPreset, string> = {
  strict: 'Strict: only close copies',
  balanced: 'Balanced (recommended)',
  lenient: 'Lenient: looser rewordings too',
};

/** A switch and a radio group; every change is saved at once. */
export function MatchingForm({ settings, save }: MatchingFormProps) {
  const preset = presetOf(settings.strictness);
  return (
    <section aria-labelledby="matching-heading">
      <h2 id="matching-heading">Matching</h2>
      <Switch
        label="Show paraphrase matches (same statement in other words; less certain)"
        checked={settings.showParaphrase}
        onChange={(showParaphrase) => save({ ...settings, showParaphrase })}
      />
      <Switch
        label="Hide shared quotations (sentences that only quote the same speaker as another outlet)"
        checked={settings.hideQuotes}
        onChange={(hideQuotes) => save({ ...settings, hideQuotes })}
      />
      <fieldset class="strictness">
        <legend>Strictness</legend>
        {(Object.keys(STRICTNESS_PRESETS) as StrictnessPreset[]).map((name) => (
          <label key={name}>
            <input
              type="radio"
              name="strictness"
              value={name}
              checked={preset === name}
              onChange={() => save({ ...settings, strictness: STRICTNESS_PRESETS[name] })}
            />
            {PRESET_TEXT[name]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
