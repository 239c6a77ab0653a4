package org.gigrights.engine.fast;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Numbers distinct keys (such as platform and worker) in order of first sight, looking them up
 * by their bytes without making a string for each row.
 */
final class KeyDictionary {
    private long[] hashes = new long[1 << 12];
    private int[] ids = new int[1 << 12];
    private final List<byte[]> keys = new ArrayList<>();

    KeyDictionary() {
        Arrays.fill(ids, -1);
    }

    int size() {
        return keys.size();
    }

    /** For each of this dictionary's ids, the id of the same key in another (adding it there). */
    int[] idsIn(KeyDictionary other) {
        int[] map = new int[keys.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = other.id(keys.get(i));
        }
        return map;
    }

    /** The two parts of a key, e.g. platform code and worker id. */
    String[] parts(int id) {
        String joined = key(id);
        int sep = joined.indexOf('\u0000');
        return new String[] {joined.substring(0, sep), joined.substring(sep + 1)};
    }

    /** The key as text: the two parts joined by U+0000. */
    String key(int id) {
        return new String(keys.get(id), StandardCharsets.UTF_8);
    }

    /** The id of the two byte ranges joined (with a separator that cannot occur in UTF-8). */
    int id(byte[] b, int from1, int to1, int from2, int to2) {
        long h = Bytes.hash(b, from1, to1) * 31 + Bytes.hash(b, from2, to2);
        int mask = ids.length - 1;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (ids[slot] >= 0) {
            if (hashes[slot] == h && equal(keys.get(ids[slot]), b, from1, to1, from2, to2)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        byte[] key = new byte[(to1 - from1) + 1 + (to2 - from2)];
        int p = 0;
        for (int i = from1; i < to1; i++) {
            key[p++] = b[i];
        }
        key[p++] = 0;
        for (int i = from2; i < to2; i++) {
            key[p++] = b[i];
        }
        return insert(slot, h, key);
    }

    /** The id of a key given as its joined bytes (the two parts separated by a zero byte). */
    int id(byte[] joined) {
        int sep = 0;
        while (joined[sep] != 0) {
            sep++;
        }
        return id(joined, 0, sep, sep + 1, joined.length);
    }

    /** The id of two strings joined, for rows that took the slow path. */
    int id(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[x.length + y.length];
        System.arraycopy(x, 0, buf, 0, x.length);
        System.arraycopy(y, 0, buf, x.length, y.length);
        return id(buf, 0, x.length, x.length, x.length + y.length);
    }

    private int insert(int slot, long h, byte[] key) {
        int id = keys.size();
        keys.add(key);
        hashes[slot] = h;
        ids[slot] = id;
        if (keys.size() * 2 > ids.length) {
            grow();
        }
        return id;
    }

    private void grow() {
        long[] oldH = hashes;
        int[] oldI = ids;
        hashes = new long[oldH.length * 2];
        ids = new int[oldI.length * 2];
        Arrays.fill(ids, -1);
        int mask = ids.length - 1;
        for (int i = 0; i < oldI.length; i++) {
            if (oldI[i] >= 0) {
                int slot = (int) (oldH[i] ^ (oldH[i] >>> 32)) & mask;
                while (ids[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldH[i];
                ids[slot] = oldI[i];
            }
        }
    }

    private static boolean equal(byte[] k, byte[] b, int from1, int to1, int from2, int to2) {
        if (k.length != (to1 - from1) + 1 + (to2 - from2)) {
            return false;
        }
        int p = 0;
        for (int i = from1; i < to1; i++) {
            if (k[p++] != b[i]) {
                return false;
            }
        }
        if (k[p++] != 0) {
            return false;
        }
        for (int i = from2; i < to2; i++) {
            if (k[p++] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
