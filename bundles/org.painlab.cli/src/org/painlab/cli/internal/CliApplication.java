package org.painlab.cli.internal;

import java.io.PrintWriter;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.painlab.core.internal.OnDemandExtenders;

/** The headless {@code painlab} application: runs one command line and exits with its code. */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        OnDemandExtenders extenders = listenForExtenders();
        try {
            int code = org.painlab.cli.Painlab.execute(args == null ? new String[0] : args, out, err);
            out.flush();
            err.flush();
            return Integer.valueOf(code);
        } finally {
            if (extenders != null) {
                bundleContext().removeBundleListener(extenders);
            }
        }
    }

    /** The headless configuration leaves extenders stopped; the bundles a command starts get theirs. */
    private static OnDemandExtenders listenForExtenders() {
        BundleContext context = bundleContext();
        if (context == null) {
            return null;
        }
        Bundle cli = context.getBundle();
        OnDemandExtenders extenders = new OnDemandExtenders(cli);
        context.addBundleListener(extenders);
        return extenders;
    }

    private static BundleContext bundleContext() {
        Bundle bundle = FrameworkUtil.getBundle(CliApplication.class);
        return bundle == null ? null : bundle.getBundleContext();
    }

    @Override
    public void stop() {
        // a command runs to completion or is killed with the process; nothing to cancel
    }
}
