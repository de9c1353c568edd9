package org.painlab.core.extension;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;

/**
 * One contribution to a PainLab extension point: its stable id, name and contributing
 * bundle, with the implementation class created only when first asked for.
 *
 * @since 0.1
 */
public final class Contribution<T> {
    private final IConfigurationElement element;
    private final Class<T> type;
    private final String id;
    private final String name;
    private T instance;

    Contribution(IConfigurationElement element, Class<T> type, String id, String name) {
        this.element = element;
        this.type = type;
        this.id = id;
        this.name = name;
    }

    /** The stable id saved studies refer to. */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Symbolic name of the bundle that contributed it. */
    public String contributor() {
        return element.getContributor().getName();
    }

    /** Any other attribute of the contribution's element, or null. */
    public String attribute(String attributeName) {
        return element.getAttribute(attributeName);
    }

    /**
     * The implementation, created on first use and then kept: contributed classes are
     * stateless by contract, so one instance serves every caller.
     */
    public synchronized T get() throws ContributionException {
        if (instance == null) {
            instance = newInstance();
        }
        return instance;
    }

    /**
     * A fresh instance, for contributions that hold per-use state (e.g. a command whose
     * fields are filled from the command line).
     */
    public T newInstance() throws ContributionException {
        Object o;
        try {
            o = element.createExecutableExtension("class");
        } catch (CoreException | RuntimeException | LinkageError e) {
            throw new ContributionException("Contribution '" + id + "' of " + contributor()
                    + " cannot be created: " + e.getMessage(), e);
        }
        if (!type.isInstance(o)) {
            throw new ContributionException("Contribution '" + id + "' of " + contributor() + ": class "
                    + o.getClass().getName() + " does not implement " + type.getName(), null);
        }
        return type.cast(o);
    }

    @Override
    public String toString() {
        return id + " (" + contributor() + ")";
    }
}
