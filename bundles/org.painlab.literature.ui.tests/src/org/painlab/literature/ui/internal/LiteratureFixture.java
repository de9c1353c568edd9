package org.painlab.literature.ui.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.ScreenCapture;
import org.painlab.literature.Author;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.NoteStore;
import org.painlab.literature.Reference;
import org.painlab.literature.TagStore;

/** Helpers for the Literature UI tests: the perspective, a small bilingual library, jobs, screenshots. */
final class LiteratureFixture {
    static final String PERSPECTIVE = "org.painlab.perspective.literature";

    private LiteratureFixture() {
    }

    static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    static IWorkbenchPage literature() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(PERSPECTIVE,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        page.resetPerspective();
        processEvents();
        return page;
    }

    /** A study with three references (two English, one Chinese), tags and a note, opened and selected. */
    static Study library(Path folder) throws Exception {
        Path dir = new NewStudy(StudySchemas.contributed()).create(folder, "Exosome reading", null, 0, null);
        Study study = studies().open(dir);
        LiteratureStore store = new LiteratureStore(study, "test");
        store.add(Reference.builder().key("wang2023").title("Exosomes in chronic pain: mechanisms of neuroinflammation")
                .language("en").journal("Pain").year(2023).volume("164").issue("3").pages("e123-e135")
                .doi("10.1097/j.pain.0000000000002750").author(new Author("Wang", "Li", List.of("West China Hospital")))
                .author(new Author("Smith", "John A", List.of())).keyword("exosome").keyword("VAS").build(), "test");
        store.add(Reference.builder().key("zhang2023").titleZh("外泌体在神经病理性疼痛中的作用研究进展")
                .title("Research progress of exosomes in neuropathic pain").language("zh").journal("中国疼痛医学杂志").year(2023)
                .abstractZh("外泌体是细胞分泌的细胞外囊泡，参与神经炎症和中枢敏化。视觉模拟评分法（VAS）下降。")
                .author(new Author("张三", null, List.of("北京大学第三医院疼痛科"))).author(new Author("李四", null, List.of()))
                .keywordZh("外泌体").keywordZh("神经病理性疼痛").build(), "test");
        store.add(Reference.builder().key("chen2022").title("Exercise for central post-stroke pain: a randomised trial")
                .language("en").journal("J Pain Res").year(2022).author(new Author("Chen", "Jing", List.of())).build(), "test");
        TagStore tags = new TagStore(study, "test");
        tags.change(TagStore.REFERENCE, "wang2023", List.of("review", "exosome"), List.of(), "test");
        tags.change(TagStore.REFERENCE, "zhang2023", List.of("exosome", "中文"), List.of(), "test");
        new NoteStore(study, "test").add("zhang2023", "要点", "## 外泌体\n中枢敏化的机制值得与我们的队列比较。", "test");
        // as an import does: the views showing the study read it again
        studies().refresh();
        return study;
    }

    static void waitForJobs(Object family, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (Job.getJobManager().find(family).length > 0 && System.currentTimeMillis() < end) {
            processEvents();
            Thread.sleep(20);
        }
        processEvents();
    }

    /**
     * Waits for the jobs of {@code family} and for those their results schedule in turn (a write whose
     * result reads the view's data again), until none is left after the UI thread has run every result.
     */
    static void waitForJobChain(Object family, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        do {
            waitForJobs(family, Math.max(1, end - System.currentTimeMillis()));
        } while (Job.getJobManager().find(family).length > 0 && System.currentTimeMillis() < end);
    }

    static void processUntil(BooleanSupplier done, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            processEvents();
            Thread.sleep(20);
        }
        processEvents();
    }

    static void processEvents() {
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // drain
        }
    }

    /** Saves the workbench window as {@code name} in the screenshots folder (-Dpainlab.screenshots). */
    static Path screenshot(String name) throws Exception {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1580, 980);
        shell.setLocation(0, 0);
        return save(shell, name);
    }

    static Path save(Shell shell, String name) throws Exception {
        processEvents();
        Thread.sleep(200);
        processEvents();
        Path out = Path.of(System.getProperty("painlab.screenshots", "target/screenshots"), name);
        ScreenCapture.save(shell, out);
        return out;
    }
}
