import * as React from 'react';
import { Button } from '@patternfly/react-core/dist/esm/components/Button/Button';
import { useKastenTranslation } from '../../i18n';
import type { ApplyState } from '../../data/useApplyFix';

export interface ApplyButtonProps {
  /** The access review allows creating the object; without it no button is shown. */
  allowed: boolean;
  state: ApplyState;
  onApply: () => void;
  kind: string;
  name: string;
  namespace?: string;
}

/** Apply (create) a fix's object; the outcome, or the API's own error, is announced in a live region. */
export const ApplyButton: React.FC<ApplyButtonProps> = ({ allowed, state, onApply, kind, name, namespace }) => {
  const { t } = useKastenTranslation();
  const target = namespace ? `${namespace}/${name}` : name;
  const busy = state.phase === 'applying';
  const done = state.phase === 'created';
  const outcome =
    state.phase === 'created'
      ? t('Created {{kind}} {{target}}.', { kind, target })
      : state.phase === 'exists'
        ? t('Not applied: {{kind}} {{target}} already exists, and Apply never overwrites. API: {{message}}', {
            kind,
            target,
            message: state.message,
          })
        : state.phase === 'failed'
          ? t('Apply failed. API: {{message}}', { message: state.message })
          : state.phase === 'applying'
            ? t('Creating {{kind}} {{target}}…', { kind, target })
            : '';
  if (!allowed) return null;
  return (
    <div className="kasten-console-plugin__apply">
      <Button variant="primary" onClick={onApply} isDisabled={busy || done} isLoading={busy} data-test="apply-fix">
        {t('Apply: create {{kind}} {{target}}', { kind, target })}
      </Button>
      <span
        role="status"
        aria-live="polite"
        className="kasten-console-plugin__apply-result"
        data-outcome={state.phase}
        data-test="apply-result"
      >
        {outcome}
      </span>
    </div>
  );
};
