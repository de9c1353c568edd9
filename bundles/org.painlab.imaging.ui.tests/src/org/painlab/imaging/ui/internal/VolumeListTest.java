package org.painlab.imaging.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.imaging.ScanSite;
import org.painlab.imaging.Volume;
import org.painlab.imaging.store.ImagingStore;
import org.painlab.imaging.store.NewVolume;
import org.painlab.imaging.ui.internal.views.FeatureTableView;
import org.painlab.imaging.ui.internal.views.SliceViewerView;
import org.painlab.imaging.ui.internal.views.VolumeEntry;
import org.painlab.imaging.ui.internal.views.VolumeListView;

/** The Volumes list follows the workbench's subject selection and opens a stored volume with its mask. */
class VolumeListTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            ImagingFixture.studies().close(study);
        }
    }

    private static Volume cube(int n, double offset, boolean mask) {
        double[] v = new double[n * n * n];
        for (int i = 0; i < v.length; i++) {
            int x = i % n;
            int y = i / n % n;
            int z = i / (n * n);
            boolean inside = x > 1 && x < n - 2 && y > 1 && y < n - 2 && z > 1 && z < n - 2;
            v[i] = mask ? (inside ? 1 : 0) : offset + (x * 7 + y * 3 + z * 5) % 11;
        }
        return Volume.builder(n, n, n).spacing(0.5, 0.5, 0.8).data(v).build();
    }

    @Test
    void theListFollowsTheSelectedSubjectAndOpensAVolume() throws Exception {
        IWorkbenchPage page = ImagingFixture.imaging();
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("vols"), "vols", null, 0, null);
        study = ImagingFixture.studies().open(dir);
        ImagingStore store = new ImagingStore(study);
        org.painlab.imaging.store.StoredVolume left = store.add(new NewVolume("US001", new ScanSite(ScanSite.Side.LEFT, "L4-L5"),
                cube(12, 10, false), cube(12, 0, true), 2, null, "imported", null), "test");
        // a backlink the list shows under the grid: the mask links to its image (core's links, target "volume")
        new org.painlab.core.link.LinkTargets().link(study, "volume", Long.toString(left.maskId()), "volume",
                Long.toString(left.id()), "test");
        store.add(new NewVolume("US001", new ScanSite(ScanSite.Side.RIGHT, "L5-S1"), cube(10, 20, false), null, 0, null,
                "imported", null), "test");
        store.add(new NewVolume("US002", new ScanSite(ScanSite.Side.LEFT, "L4-L5"), cube(8, 30, false), cube(8, 0, true),
                1, null, "imported", null), "test");
        VolumeListView list = (VolumeListView) page.showView(VolumeListView.ID);
        DataGrid<VolumeEntry> grid = list.grid();

        // as the Clinical perspective's Subject Grid does: select the subject for the whole workbench
        ImagingFixture.studies().select(study, "US001");
        ImagingFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        ImagingFixture.processUntil(() -> grid.rowCount() == 2, 10_000);
        assertEquals("US001", list.subject());
        assertEquals(2, grid.rowCount());
        assertEquals(List.of("Subject", "Side", "Level", "Dims (voxels)", "Spacing (mm)", "MRI grade", "Mask"),
                grid.shown().headers());
        List<String> first = grid.shown().rows().get(0);
        assertEquals(List.of("US001", "left", "L4-L5", "12 x 12 x 12", "0.500 x 0.500 x 0.800", "2", "yes"), first);

        ImagingFixture.studies().select(study, null);
        ImagingFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        ImagingFixture.processUntil(() -> grid.rowCount() == 3, 10_000);
        assertEquals(3, grid.rowCount(), "no subject selected: every subject's volumes");

        ImagingFixture.studies().select(study, "US001");
        ImagingFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        ImagingFixture.processUntil(() -> grid.rowCount() == 2, 10_000);
        grid.selectRows(0);
        ImagingFixture.waitForJobs(VolumeListView.OPEN_FAMILY, 30_000);
        SliceViewerView viewer = (SliceViewerView) page.findView(SliceViewerView.ID);
        ImagingFixture.processUntil(() -> viewer.viewer().image() != null && viewer.viewer().image().nx() == 12, 10_000);
        Volume shown = viewer.viewer().image();
        assertEquals(12, shown.nx());
        assertEquals(cube(12, 10, false).value(5, 6, 7), shown.value(5, 6, 7), 0.0, "the stored voxels");
        assertNotNull(viewer.viewer().mask(), "with its mask");
        ImagingFixture.waitForJobs(FeatureTableView.JOB_FAMILY, 60_000);
        FeatureTableView features = (FeatureTableView) page.findView(FeatureTableView.ID);
        ImagingFixture.processUntil(() -> features.featureSet() != null, 30_000);
        assertEquals(8 * 8 * 8, features.featureSet().roiVoxels(), "features of the stored mask's region");
        ImagingFixture.processUntil(() -> list.details().startsWith("Links of volume " + left.id()), 10_000);
        assertEquals("Links of volume " + left.id() + ": linked from Mask " + left.maskId()
                + ": subject US001, left L4-L5, imaging/US001/left-L4-L5-mask.nrrd", list.details());

        grid.selectRows(); // selectRows adds to the selection (as Ctrl+click): clear it first
        grid.selectRows(1);
        ImagingFixture.waitForJobs(VolumeListView.OPEN_FAMILY, 30_000);
        ImagingFixture.processUntil(() -> viewer.viewer().image().nx() == 10, 10_000);
        assertEquals(10, viewer.viewer().image().nx(), "the second volume is shown");
        assertNull(viewer.viewer().mask(), "the right side has no mask");
        ImagingFixture.processUntil(() -> list.details().endsWith(": none"), 10_000);
        org.junit.jupiter.api.Assertions.assertTrue(list.details().matches("Links of volume \\d+: none")
                && !list.details().startsWith("Links of volume " + left.id() + ":"), list.details());
        ImagingFixture.screenshot("volumes.png");
    }

    @Test
    void aSimulatedUltrasoundStudyInThePerspective() throws Exception {
        IWorkbenchPage page = ImagingFixture.imaging();
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("us"), "Simulated multifidus", null, 0, null);
        study = ImagingFixture.studies().open(dir);
        new org.painlab.imaging.store.SimulatedStudy(new org.painlab.imaging.synth.CohortSimulator(
                org.painlab.imaging.synth.CohortModel.defaults(), org.painlab.imaging.synth.UltrasoundModel.defaults()))
                .addTo(study, 1, 20261123L, "test", new org.eclipse.core.runtime.NullProgressMonitor());
        String subject = org.painlab.imaging.store.SimulatedStudy.subjectId(1);
        UiThreadGuard.Recording guard = UiThreadGuard.record();
        VolumeListView list = (VolumeListView) page.showView(VolumeListView.ID);
        DataGrid<VolumeEntry> grid = list.grid();
        ImagingFixture.studies().select(study, subject);
        ImagingFixture.studies().refresh();
        ImagingFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        ImagingFixture.processUntil(() -> grid.rowCount() == 8, 10_000);
        assertEquals(8, grid.rowCount(), "two sides x four lumbar levels");
        grid.selectRows(); // clear, then one row
        grid.selectRows(2);
        ImagingFixture.waitForJobs(VolumeListView.OPEN_FAMILY, 30_000);
        SliceViewerView viewer = (SliceViewerView) page.findView(SliceViewerView.ID);
        ImagingFixture.processUntil(() -> viewer.viewer().image() != null && viewer.viewer().mask() != null, 10_000);
        assertNotNull(viewer.viewer().mask(), "the simulated multifidus mask");
        ImagingFixture.waitForJobs(FeatureTableView.JOB_FAMILY, 60_000);
        FeatureTableView features = (FeatureTableView) page.findView(FeatureTableView.ID);
        ImagingFixture.processUntil(() -> features.featureSet() != null, 30_000);
        assertEquals(features.featureSet().features().size(), features.grid().rowCount());
        guard.close();
        for (String view : List.of("VolumeListView", "SliceViewerView", "FeatureTableView")) {
            assertEquals(List.of(), guard.through(view), view + " reads the study in jobs");
        }
        page.activate(viewer);
        ImagingFixture.screenshot("imaging.png");
    }
}
