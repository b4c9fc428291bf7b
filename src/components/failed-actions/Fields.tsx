import * as React from 'react';
import { DescriptionList } from '@patternfly/react-core/dist/esm/components/DescriptionList/DescriptionList';
import { DescriptionListDescription } from '@patternfly/react-core/dist/esm/components/DescriptionList/DescriptionListDescription';
import { DescriptionListGroup } from '@patternfly/react-core/dist/esm/components/DescriptionList/DescriptionListGroup';
import { DescriptionListTerm } from '@patternfly/react-core/dist/esm/components/DescriptionList/DescriptionListTerm';

export interface Field {
  term: React.ReactNode;
  value: React.ReactNode;
  /** Kasten's own text (error fields, names): kept verbatim, wrapped anywhere so it never widens the row. */
  verbatim?: boolean;
  testId?: string;
}

/** Term and value pairs of one action or one cause, as PatternFly's compact horizontal description list. */
export const Fields: React.FC<{ fields: Field[] }> = ({ fields }) => (
  <DescriptionList isHorizontal isCompact className="kasten-console-plugin__cause-fields">
    {fields.map((f, i) => (
      <DescriptionListGroup key={i}>
        <DescriptionListTerm>{f.term}</DescriptionListTerm>
        <DescriptionListDescription
          className={f.verbatim ? 'kasten-console-plugin__error-message' : undefined}
          data-test={f.testId}
        >
          {f.value}
        </DescriptionListDescription>
      </DescriptionListGroup>
    ))}
  </DescriptionList>
);
