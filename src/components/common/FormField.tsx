import * as React from 'react';
import { FormGroup } from '@patternfly/react-core/dist/esm/components/Form/FormGroup';

/**
 * A labelled control. `children` is the control (a PatternFly FormSelect or
 * TextInput), whose id must be `id`.
 */
export const FormField: React.FC<{ id: string; label: string; className?: string; children: React.ReactNode }> = ({
  id,
  label,
  className,
  children,
}) => (
  <FormGroup label={label} fieldId={id} className={className}>
    {children}
  </FormGroup>
);
