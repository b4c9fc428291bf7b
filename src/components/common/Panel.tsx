import * as React from 'react';
import { Card } from '@patternfly/react-core/dist/esm/components/Card/Card';
import { CardHeader } from '@patternfly/react-core/dist/esm/components/Card/CardHeader';
import { CardTitle } from '@patternfly/react-core/dist/esm/components/Card/CardTitle';
import { CardBody } from '@patternfly/react-core/dist/esm/components/Card/CardBody';
import { CardFooter } from '@patternfly/react-core/dist/esm/components/Card/CardFooter';
import { Title } from '@patternfly/react-core/dist/esm/components/Title/Title';
import { QueryActions, type PanelQuery } from './QueryActions';

/** A titled card, with its queries in the open in the footer. */
export const Panel: React.FC<{
  id: string;
  title: string;
  description?: string;
  queries?: PanelQuery[];
  children: React.ReactNode;
}> = ({ id, title, description, queries, children }) => (
  <Card
    component="section"
    id={`${id}-panel`}
    className="kasten-console-plugin__panel"
    aria-labelledby={`${id}-title`}
    data-test={`panel-${id}`}
    isCompact
  >
    <CardHeader>
      <CardTitle>
        <Title headingLevel="h2" size="lg" id={`${id}-title`}>
          {title}
        </Title>
        {description && <p className="kasten-console-plugin__muted">{description}</p>}
      </CardTitle>
    </CardHeader>
    <CardBody>{children}</CardBody>
    {queries && queries.length > 0 && (
      <CardFooter>
        <QueryActions queries={queries} panelId={id} />
      </CardFooter>
    )}
  </Card>
);
