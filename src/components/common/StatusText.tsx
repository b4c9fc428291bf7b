import * as React from 'react';
import { Icon } from '@patternfly/react-core/dist/esm/components/Icon/Icon';
import CheckCircleIcon from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import ExclamationTriangleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import QuestionCircleIcon from '@patternfly/react-icons/dist/esm/icons/question-circle-icon';

export type Status = 'pass' | 'warning' | 'fail' | 'unknown';

const ICONS = {
  pass: { Glyph: CheckCircleIcon, status: 'success' },
  warning: { Glyph: ExclamationTriangleIcon, status: 'warning' },
  fail: { Glyph: ExclamationCircleIcon, status: 'danger' },
  unknown: { Glyph: QuestionCircleIcon, status: 'custom' },
} as const;

/** Icon plus words: status is never told by colour alone. */
export const StatusText: React.FC<{ status: Status; text: string }> = ({ status, text }) => {
  const { Glyph, status: iconStatus } = ICONS[status];
  return (
    <span className="kasten-console-plugin__status" data-status={status}>
      <Icon isInline status={iconStatus}>
        <Glyph aria-hidden="true" />
      </Icon>{' '}
      {text}
    </span>
  );
};
