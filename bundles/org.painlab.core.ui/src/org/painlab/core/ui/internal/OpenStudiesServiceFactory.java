package org.painlab.core.ui.internal;

import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;
import org.painlab.core.ui.OpenStudies;

/** Makes {@link OpenStudies} one per workbench: windows, pages and views share the workbench's. */
public final class OpenStudiesServiceFactory extends AbstractServiceFactory {
    @Override
    public Object create(@SuppressWarnings("rawtypes") Class serviceInterface, IServiceLocator parentLocator,
            IServiceLocator locator) {
        if (!OpenStudies.class.equals(serviceInterface)) {
            return null;
        }
        Object fromParent = parentLocator == null ? null : parentLocator.getService(OpenStudies.class);
        return fromParent != null ? fromParent : new OpenStudies();
    }
}
