package org.painlab.imaging;

import java.nio.file.Path;

/**
 * A volume or mask that cannot be read or used: a truncated or lying header, an unknown voxel type,
 * data that is not what the header says. The message names the file and the header field so a user
 * can fix the file; no partly read volume is ever returned instead.
 *
 * @since 0.1
 */
public class ImagingException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String field;

    /** @param file the file at fault (may be null when no file is involved, e.g. mask vs image geometry) */
    public ImagingException(Path file, String field, String message) {
        this(file, field, message, null);
    }

    public ImagingException(Path file, String field, String message, Throwable cause) {
        super((file == null ? "" : file + ": ") + (field == null ? "" : field + ": ") + message, cause);
        this.file = file == null ? null : file.toString();
        this.field = field;
    }

    /** The file at fault, or null. */
    public String file() {
        return file;
    }

    /** The header field (or 'data') at fault, or null. */
    public String field() {
        return field;
    }
}
