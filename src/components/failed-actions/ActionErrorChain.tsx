import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import './failed-actions.css';
import type { ErrorCause } from '../../models/action-error';
import { Fields } from './Fields';

/**
 * Kasten's `status.error` as its cause chain, innermost (the real reason) first. Messages keep their
 * line breaks and wrap anywhere, so a multi-line Go error or a long URL never widens the table; an
 * action without an error says so rather than showing nothing.
 */
export const ActionErrorChain: React.FC<{ causes: ErrorCause[] }> = ({ causes }) => {
  const { t } = useKastenTranslation();
  if (causes.length === 0) {
    return (
      <p className="kasten-console-plugin__muted" data-test="action-error-empty">
        {t('Kasten recorded no error message for this action (status.error is empty).')}
      </p>
    );
  }
  return (
    <ol className="kasten-console-plugin__cause-chain" data-test="action-error">
      {causes.map((c, i) => (
        <li key={i} data-test="action-cause">
          <span className="kasten-console-plugin__muted">
            {i === 0 ? t('Reason') : t('Wrapped by (cause {{n}} of {{total}})', { n: i + 1, total: causes.length })}
          </span>
          <div className="kasten-console-plugin__error-message" data-test="action-cause-message">
            {c.message || t('(no message)')}
          </div>
          {(c.function || c.fields.length > 0) && (
            <Fields
              fields={[
                ...(c.function ? [{ term: t('Function'), value: <code>{c.function}</code> }] : []),
                ...c.fields.map((f) => ({ term: f.name, value: f.value, verbatim: true })),
              ]}
            />
          )}
        </li>
      ))}
    </ol>
  );
};
