import * as React from 'react';

/**
 * A labelled native control with PatternFly's form classes: the console ships
 * the CSS, and native selects and inputs are keyboard- and screen-reader-ready
 * without any dropdown JS in the bundle. `children` is the control, whose id
 * must be `id`.
 */
export const FormField: React.FC<{ id: string; label: string; className: string; children: React.ReactNode }> = ({
  id,
  label,
  className,
  children,
}) => (
  <div className={className}>
    <label htmlFor={id} className="pf-v6-c-form__label">
      <span className="pf-v6-c-form__label-text">{label}</span>
    </label>
    <span className="pf-v6-c-form-control">{children}</span>
  </div>
);
