import * as React from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/** The console titles every page "<title> · Red Hat OpenShift". */
export const PRODUCT_TITLE = 'Red Hat OpenShift';

export const DocumentTitle: typeof SDK.DocumentTitle = ({ children }) => {
  React.useEffect(() => {
    document.title = `${children} · ${PRODUCT_TITLE}`;
  }, [children]);
  return null;
};
