package org.painlab.imaging.cli.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReaders;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab imaging read VOLUME}: reads a volume with the reader its file name calls for and describes it. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Read a volume (NRRD .nrrd/.nhdr, NIfTI-1 .nii/.nii.gz, MetaImage .mha/.mhd, or a contributed format) and print"
                + " its dims, spacing, origin, direction, orientation, voxel type and min/max.")
public final class ImagingReadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VOLUME", description = "The volume file.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        VolumeReaders readers = new VolumeReaders();
        Volume v;
        try {
            v = readers.read(file);
        } catch (ImagingException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        Map<String, Object> out = VolumeJson.describe(file, readers.formatOf(file), v);
        if (json) {
            new Json().print(spec.commandLine().getOut(), out);
        } else {
            var w = spec.commandLine().getOut();
            out.forEach((k, val) -> w.println(k + ": " + val));
            w.flush();
        }
        return 0;
    }
}
