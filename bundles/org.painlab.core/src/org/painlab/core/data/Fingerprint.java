package org.painlab.core.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 fed with typed, length-prefixed values, so that ("ab","c") and ("a","bc") differ.
 * Used for the input hashes of stored results.
 */
final class Fingerprint {
    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(9);

    Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    Fingerprint add(String s) {
        if (s == null) {
            digest.update((byte) 0);
            return this;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        add(b.length);
        digest.update(b);
        return this;
    }

    Fingerprint add(List<String> values) {
        add(values.size());
        for (String v : values) {
            add(v);
        }
        return this;
    }

    Fingerprint add(long v) {
        buffer.clear();
        buffer.put((byte) 2).putLong(v);
        digest.update(buffer.array(), 0, 9);
        return this;
    }

    Fingerprint add(double v) {
        // raw bits keep NaN (missing) apart from every number, and -0.0 from 0.0
        buffer.clear();
        buffer.put((byte) 3).putLong(Double.doubleToLongBits(v));
        digest.update(buffer.array(), 0, 9);
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
