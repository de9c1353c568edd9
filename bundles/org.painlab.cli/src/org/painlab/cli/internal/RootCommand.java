package org.painlab.cli.internal;

import java.util.concurrent.Callable;

import org.osgi.framework.FrameworkUtil;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code painlab} root: version, help, and the contributed groups below it. */
@Command(name = "painlab", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "PainLab Workbench, headless. Without a subcommand the launch script opens the workbench window.")
public final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The version of the installed PainLab bundles. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var bundle = FrameworkUtil.getBundle(RootCommand.class);
            String v = bundle == null ? "development" : bundle.getVersion().toString();
            return new String[] { "PainLab Workbench " + v, "Java " + Runtime.version() };
        }
    }
}
