package org.painlab.imaging.ui.internal.handlers;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.painlab.imaging.VolumeReaders;
import org.painlab.imaging.store.SavedModels.SavedModel;

/**
 * Imaging > Grade Volume...: one of the study's saved models, a volume file and its mask (required by a model on
 * texture features, whose features are computed inside the mask with the settings saved with the model).
 */
public final class GradeVolumeDialog extends TitleAreaDialog {
    private final List<SavedModel> models;
    private Combo model;
    private Text volume;
    private Text mask;
    private SavedModel chosenModel;
    private Path chosenVolume;
    private Path chosenMask;

    /** @param models the study's saved models, newest last */
    public GradeVolumeDialog(Shell parent, List<SavedModel> models) {
        super(parent);
        this.models = List.copyOf(models);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Grade Volume");
    }

    /** How a saved model is shown in the list. */
    static String label(SavedModel m) {
        return m.classifierId() + ", training result " + m.trainingResult() + m.featureRecipe()
                .map(r -> " (features: " + r.discretisation() + ", " + r.featureKeys().size() + " keys)")
                .orElse(" (no feature settings saved)");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Grade a new volume with a saved model");
        setMessage("The grading is stored in the study with its provenance.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(3, false));
        new Label(c, SWT.NONE).setText("Model:");
        model = new Combo(c, SWT.READ_ONLY);
        model.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        models.forEach(m -> model.add(label(m)));
        model.select(models.size() - 1);
        volume = fileRow(c, "Volume:");
        mask = fileRow(c, "Mask:");
        return area;
    }

    private Text fileRow(Composite c, String label) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 380;
        t.setLayoutData(d);
        Button b = new Button(c, SWT.PUSH);
        b.setText("Browse...");
        b.addListener(SWT.Selection, e -> {
            FileDialog f = new FileDialog(getShell(), SWT.OPEN);
            Set<String> patterns = new LinkedHashSet<>();
            for (VolumeReaders.ReaderInfo r : new VolumeReaders().list()) {
                r.extensions().forEach(x -> patterns.add("*" + x));
            }
            f.setFilterExtensions(new String[] { String.join(";", patterns), "*" });
            String chosen = f.open();
            if (chosen != null) {
                t.setText(chosen);
            }
        });
        return t;
    }

    /** Sets the fields (tests; the same as typing them). */
    public void fill(int modelIndex, String volumeFile, String maskFile) {
        model.select(modelIndex);
        volume.setText(volumeFile);
        mask.setText(maskFile);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == IDialogConstants.OK_ID) {
            if (model.getSelectionIndex() < 0 || volume.getText().isBlank()) {
                setErrorMessage("Choose a model and a volume file.");
                return;
            }
            chosenModel = models.get(model.getSelectionIndex());
            chosenVolume = Path.of(volume.getText().trim());
            chosenMask = mask.getText().isBlank() ? null : Path.of(mask.getText().trim());
        }
        super.buttonPressed(id);
    }

    public SavedModel model() {
        return chosenModel;
    }

    public Path volume() {
        return chosenVolume;
    }

    /** The mask, or null. */
    public Path mask() {
        return chosenMask;
    }
}
