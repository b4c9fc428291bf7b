import * as React from 'react';
import { Label } from '@patternfly/react-core/dist/esm/components/Label/Label';
import { Title } from '@patternfly/react-core/dist/esm/components/Title/Title';
import QuestionCircleIcon from '@patternfly/react-icons/dist/esm/icons/question-circle-icon';
import { useKastenTranslation } from '../../i18n';
import type { CheckFix, CheckResult, CheckStatus } from '../../checks/types';
import { Snippet } from './Snippet';

const LABEL_STATUS = { pass: 'success', warning: 'warning', fail: 'danger', unknown: 'custom' } as const;

export const useStatusWords = (): Record<CheckStatus, string> => {
  const { t } = useKastenTranslation();
  return { pass: t('Pass'), warning: t('Warning'), fail: t('Fail'), unknown: t('Cannot tell') };
};

/** What renders the Apply control for a fix's resource; the Setup page passes one wired to k8sCreate. */
export type RenderApply = (resource: NonNullable<CheckFix['resource']>) => React.ReactNode;

/** One check: its status in words and icon, what it looked at, what it found, and the fix. */
export const CheckRow: React.FC<{ result: CheckResult; renderApply?: RenderApply }> = ({ result, renderApply }) => {
  const { t } = useKastenTranslation();
  const words = useStatusWords();
  const titleId = `kasten-check-${result.id}`;
  const { fix } = result;
  return (
    <li
      className="kasten-console-plugin__check"
      aria-labelledby={titleId}
      data-test={`check-${result.id}`}
      data-status={result.status}
    >
      <div className="kasten-console-plugin__check-head">
        <Label
          status={LABEL_STATUS[result.status]}
          icon={result.status === 'unknown' ? <QuestionCircleIcon /> : undefined}
          isCompact
        >
          {words[result.status]}
        </Label>
        <Title headingLevel="h3" size="md" className="kasten-console-plugin__check-title" id={titleId}>
          {result.title}
        </Title>
      </div>
      <p className="kasten-console-plugin__check-text" data-test="check-detail">
        {result.detail}
      </p>
      <p className="kasten-console-plugin__check-text kasten-console-plugin__muted">
        {t('Looked at: {{what}}', { what: result.lookedAt })}
      </p>
      {fix && (
        <div className="kasten-console-plugin__fix" data-test="check-fix">
          <p className="kasten-console-plugin__check-text">
            <strong>{t('Fix:')}</strong> {fix.description}
          </p>
          {fix.command && (
            <Snippet
              label={t('Command')}
              regionLabel={t('Command to fix: {{check}}', { check: result.title })}
              text={fix.command}
              testId="fix-command"
              id={`kasten-console-plugin-fix-${result.id}-command`}
            />
          )}
          {fix.yaml && (
            <Snippet
              label={t('YAML')}
              regionLabel={t('YAML to fix: {{check}}', { check: result.title })}
              text={fix.yaml}
              testId="fix-yaml"
              id={`kasten-console-plugin-fix-${result.id}-yaml`}
            />
          )}
          {fix.resource && renderApply?.(fix.resource)}
        </div>
      )}
    </li>
  );
};
