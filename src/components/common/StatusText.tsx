import * as React from 'react';
import CheckCircleIcon from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import ExclamationTriangleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import QuestionCircleIcon from '@patternfly/react-icons/dist/esm/icons/question-circle-icon';

export type Status = 'pass' | 'warning' | 'fail' | 'unknown';

const ICONS = {
  pass: { Icon: CheckCircleIcon, cls: 'pf-m-success' },
  warning: { Icon: ExclamationTriangleIcon, cls: 'pf-m-warning' },
  fail: { Icon: ExclamationCircleIcon, cls: 'pf-m-danger' },
  unknown: { Icon: QuestionCircleIcon, cls: 'pf-m-custom' },
} as const;

/** Icon plus words: status is never told by colour alone. */
export const StatusText: React.FC<{ status: Status; text: string }> = ({ status, text }) => {
  const { Icon, cls } = ICONS[status];
  return (
    <span className="kasten-console-plugin__status" data-status={status}>
      <span className={`pf-v6-c-icon pf-m-inline ${cls}`}>
        <span className={`pf-v6-c-icon__content ${cls}`}>
          <Icon aria-hidden="true" />
        </span>
      </span>{' '}
      {text}
    </span>
  );
};
