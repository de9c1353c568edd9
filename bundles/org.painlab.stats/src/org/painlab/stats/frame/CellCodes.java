package org.painlab.stats.frame;

import java.util.Arrays;

/**
 * Maps the distinct byte sequences of a text column to small codes, so that a cell is looked up without
 * making a String: a yes/no column of 200,000 rows makes two. Open addressing over a power-of-two table.
 */
final class CellCodes {
    private byte[][] keys = new byte[16][];
    private int[] codes = new int[16];
    private int size;

    /** @return the code stored for the bytes, or {@code Integer.MIN_VALUE} when they are new */
    int get(byte[] b, int start, int end) {
        int mask = keys.length - 1;
        for (int i = hash(b, start, end) & mask;; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return Integer.MIN_VALUE;
            }
            if (Arrays.equals(k, 0, k.length, b, start, end)) {
                return codes[i];
            }
        }
    }

    void put(byte[] b, int start, int end, int code) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(Arrays.copyOfRange(b, start, end), code);
        size++;
    }

    private void insert(byte[] key, int code) {
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        codes[i] = code;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldCodes = codes;
        keys = new byte[oldKeys.length * 2][];
        codes = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldCodes[i]);
            }
        }
    }

    private static int hash(byte[] b, int start, int end) {
        int h = 1;
        for (int i = start; i < end; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
