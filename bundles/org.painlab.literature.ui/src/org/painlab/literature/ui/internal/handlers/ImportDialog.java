package org.painlab.literature.ui.internal.handlers;

import java.nio.file.Path;
import java.util.List;

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
import org.painlab.literature.DuplicatePolicy;
import org.painlab.literature.LiteratureFormats;

/**
 * File > Import References...: the file, its format (auto, or one of the formats contributed to
 * {@code org.painlab.literature.formats}) and what to do with references the study already holds.
 */
public final class ImportDialog extends TitleAreaDialog {
    private final List<LiteratureFormats.FormatInfo> formats;
    private Text file;
    private Combo format;
    private Combo duplicates;
    private Path chosenFile;
    private String chosenFormat;
    private DuplicatePolicy chosenPolicy;

    public ImportDialog(Shell parent, List<LiteratureFormats.FormatInfo> formats) {
        super(parent);
        this.formats = List.copyOf(formats);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Import References");
        setMessage("RIS, BibTeX, MEDLINE, PubMed XML, EndNote XML, CSL-JSON or a page's text. A file with bad records "
                + "imports all or none: you are asked.");
        getShell().setText("Import References");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(3, false));
        new Label(c, SWT.NONE).setText("File");
        file = new Text(c, SWT.BORDER);
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"*.ris;*.bib;*.nbib;*.txt;*.xml;*.json", "*.*"});
            String f = d.open();
            if (f != null) {
                file.setText(f);
            }
        });
        new Label(c, SWT.NONE).setText("Format");
        format = new Combo(c, SWT.READ_ONLY);
        format.add("auto (by the file's name and first lines)");
        for (LiteratureFormats.FormatInfo f : formats) {
            format.add(f.id() + " — " + f.name());
        }
        format.select(0);
        format.setLayoutData(span2());
        new Label(c, SWT.NONE).setText("Duplicates");
        duplicates = new Combo(c, SWT.READ_ONLY);
        duplicates.setItems("keep the study's reference (count as duplicate removed)", "replace its fields with the file's",
                "keep both");
        duplicates.select(0);
        duplicates.setLayoutData(span2());
        return area;
    }

    private static GridData span2() {
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.horizontalSpan = 2;
        return gd;
    }

    /** Fills the dialog as the user would. */
    public void choose(String path, String formatId, DuplicatePolicy policy) {
        file.setText(path);
        int i = formats.stream().map(LiteratureFormats.FormatInfo::id).toList().indexOf(formatId);
        format.select(i < 0 ? 0 : i + 1);
        duplicates.select(policy.ordinal());
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, org.eclipse.jface.dialogs.IDialogConstants.OK_ID, "Import", true);
        createButton(parent, org.eclipse.jface.dialogs.IDialogConstants.CANCEL_ID, org.eclipse.jface.dialogs.IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        if (file.getText().isBlank()) {
            setErrorMessage("Choose a file.");
            return;
        }
        chosenFile = Path.of(file.getText().strip());
        chosenFormat = format.getSelectionIndex() <= 0 ? LiteratureFormats.AUTO : formats.get(format.getSelectionIndex() - 1).id();
        chosenPolicy = DuplicatePolicy.values()[duplicates.getSelectionIndex()];
        super.okPressed();
    }

    /** Presses Import, as the user would. */
    public void confirm() {
        okPressed();
    }

    public Path file() {
        return chosenFile;
    }

    public String format() {
        return chosenFormat;
    }

    public DuplicatePolicy policy() {
        return chosenPolicy;
    }
}
