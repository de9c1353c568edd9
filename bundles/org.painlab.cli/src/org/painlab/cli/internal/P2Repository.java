package org.painlab.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.metadata.VersionRange;
import org.eclipse.equinox.p2.query.IQueryResult;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.painlab.cli.CliFailure;

/**
 * A p2 repository read before anything is installed, so that a wrong path or an unknown unit is
 * reported by name (exit 1) instead of as a director stack trace, and so that "install everything"
 * knows the repository's feature groups. It uses a throwaway p2 agent: reading leaves the
 * installation untouched.
 */
public final class P2Repository {
    /** Suffix p2 gives the installable unit of a feature. */
    public static final String FEATURE_GROUP = ".feature.group";

    /** One installable unit to install. */
    public record Unit(String id, String version) {
        @Override
        public String toString() {
            return id + " " + version;
        }
    }

    private final URI location;
    private final IMetadataRepository repository;

    private P2Repository(URI location, IMetadataRepository repository) {
        this.location = location;
        this.repository = repository;
    }

    public URI location() {
        return location;
    }

    /** The repository at {@code spec}: a folder, a {@code file:}, {@code http(s):} or {@code jar:} URL. */
    public static P2Repository load(String spec, Path scratch) {
        URI uri = toUri(spec);
        IProvisioningAgent agent = null;
        BundleContext context = FrameworkUtil.getBundle(P2Repository.class).getBundleContext();
        ServiceReference<IProvisioningAgentProvider> ref = context.getServiceReference(IProvisioningAgentProvider.class);
        if (ref == null) {
            throw new CliFailure("p2 is not available in this installation (no IProvisioningAgentProvider)");
        }
        try {
            agent = context.getService(ref).createAgent(scratch.toUri());
            IMetadataRepositoryManager manager = agent.getService(IMetadataRepositoryManager.class);
            IMetadataRepository repo = manager.loadRepository(uri, new NullProgressMonitor());
            return new P2Repository(uri, repo);
        } catch (ProvisionException e) {
            throw new CliFailure("no p2 repository at " + spec + " (" + uri + "): "
                    + e.getStatus().getMessage(), e);
        } finally {
            if (agent != null) {
                agent.stop();
            }
            context.ungetService(ref);
        }
    }

    /** Every feature group the repository holds (newest version of each), sorted by id. */
    public List<Unit> featureGroups() {
        IQueryResult<IInstallableUnit> result = repository.query(
                QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), new NullProgressMonitor());
        List<Unit> out = new ArrayList<>();
        for (IInstallableUnit iu : result) {
            if (iu.getId().endsWith(FEATURE_GROUP)) {
                out.add(new Unit(iu.getId(), iu.getVersion().toString()));
            }
        }
        out.sort(Comparator.comparing(Unit::id));
        return out;
    }

    /**
     * The unit named {@code spec} ({@code id} or {@code id/version}), newest version when none is given.
     *
     * @throws CliFailure naming the unit and the repository when it is not there
     */
    public Unit find(String spec) {
        int slash = spec.indexOf('/');
        String id = slash < 0 ? spec : spec.substring(0, slash);
        VersionRange range = VersionRange.emptyRange;
        if (slash >= 0) {
            Version v;
            try {
                v = Version.parseVersion(spec.substring(slash + 1));
            } catch (IllegalArgumentException e) {
                throw new CliFailure("IU '" + spec + "': '" + spec.substring(slash + 1)
                        + "' is not a version", e);
            }
            range = new VersionRange(v, true, v, true);
        }
        IQueryResult<IInstallableUnit> result = repository.query(
                QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id, range)), new NullProgressMonitor());
        if (result.isEmpty()) {
            List<String> ids = new ArrayList<>();
            featureGroups().forEach(u -> ids.add(u.id()));
            throw new CliFailure("IU '" + spec + "' is not in the repository " + location
                    + (ids.isEmpty() ? "" : " (its features: " + String.join(", ", ids) + ")"));
        }
        IInstallableUnit iu = result.iterator().next();
        return new Unit(iu.getId(), iu.getVersion().toString());
    }

    static URI toUri(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("file:") || lower.startsWith("jar:")) {
            try {
                return new URI(spec);
            } catch (URISyntaxException e) {
                throw new CliFailure("'" + spec + "' is not a valid URL: " + e.getMessage(), e);
            }
        }
        Path folder = Path.of(spec).toAbsolutePath().normalize();
        if (!Files.exists(folder)) {
            throw new CliFailure("repository " + folder + " does not exist");
        }
        if (Files.isRegularFile(folder) && spec.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return URI.create("jar:" + folder.toUri() + "!/");
        }
        try {
            return folder.toRealPath().toUri();
        } catch (IOException e) {
            return folder.toUri();
        }
    }
}
