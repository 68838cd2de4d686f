package org.marugoto.people.linkage;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Which records are compared at all: those that share one of several keys. Each key is hashed into a long together
 * with the record's index, the longs are sorted, and every run of equal keys up to a size limit yields its pairs
 * (a larger run says too little: a family name alone, a common name without a date).
 */
final class Blocking {

    private Blocking() {}

    /** A key kind: what the key is made of and how many records may share it before it stops being useful. */
    private record Kind(char tag, int limit, BiConsumer<Features, KeySink> keys) {}

    interface KeySink {
        void key(String key);
    }

    private static final Kind[] KINDS = {
        // reading and year of birth (an estimated year gives each year it may be)
        new Kind('a', 60, (f, sink) -> {
            if (!f.familyReading.isEmpty() && f.birth != null) {
                String reading = f.fullReading();
                int spread = f.birth.precision() == ApproxDate.Precision.AROUND_YEAR ? ApproxDate.AROUND : 0;
                for (int y = f.birth.year() - spread; y <= f.birth.year() + spread; y++) {
                    sink.key(reading + y);
                }
            }
        }),
        // family reading and date of birth (a typo in the given name)
        new Kind('b', 60, (f, sink) -> {
            if (!f.familyReading.isEmpty() && f.birthDigits != null) {
                sink.key(f.familyReading + f.birthDigits);
            }
        }),
        // given reading (or name) and date of birth (a new family name after marriage, a typo in the family name)
        new Kind('c', 60, (f, sink) -> {
            if (f.birthDigits != null) {
                if (!f.givenReading.isEmpty()) {
                    sink.key(f.givenReading + f.birthDigits);
                }
                // and the given name as written: a typo in one reading must not hide a new family name
                if (!f.givenName.isEmpty()) {
                    sink.key("漢" + f.givenName + f.birthDigits);
                }
            }
        }),
        // the phone: households share one, so only small groups
        new Kind('d', 12, (f, sink) -> {
            if (!f.phone.isEmpty()) {
                sink.key(f.phone);
            }
        }),
        // the address block and the family reading
        new Kind('e', 20, (f, sink) -> {
            if (!f.address.isEmpty() && !f.familyReading.isEmpty()) {
                sink.key(f.address + f.familyReading);
            }
        }),
        // reading, month and day (a slip in the year)
        new Kind('f', 60, (f, sink) -> {
            if (!f.familyReading.isEmpty() && f.birthDigits != null) {
                sink.key(f.fullReading() + f.birthDigits.substring(4));
            }
        }),
        // former family name with the given name
        new Kind('g', 30, (f, sink) -> {
            for (String former : f.formerReadings) {
                if (!former.isEmpty()) {
                    sink.key(former + f.givenReading);
                }
            }
            for (String former : f.formerNames) {
                if (!former.isEmpty()) {
                    sink.key(former + f.givenName);
                }
            }
            if (!f.familyReading.isEmpty()) {
                sink.key(f.familyReading + f.givenReading);
            }
            if (!f.familyName.isEmpty()) {
                sink.key(f.familyName + f.givenName);
            }
        }),
        // the name as written and the year (records without a reading)
        new Kind('h', 60, (f, sink) -> {
            if (!f.familyName.isEmpty() && f.birth != null) {
                sink.key(f.familyName + f.givenName + f.birth.year());
            }
        }),
        // the reading alone, when rare enough (no date, or a date too far off)
        new Kind('i', 15, (f, sink) -> {
            if (!f.familyReading.isEmpty() && !f.givenReading.isEmpty()) {
                sink.key(f.fullReading());
            }
        }),
    };

    /** The pairs to compare, as (smaller index << 32 | larger index), sorted and without repeats. */
    static long[] pairs(Features[] records) {
        long[][] perKind = Arrays.stream(KINDS)
                .parallel()
                .map(kind -> pairs(records, kind))
                .toArray(long[][]::new);
        int total = 0;
        for (long[] p : perKind) {
            total += p.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] p : perKind) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.parallelSort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[unique++] = all[i];
            }
        }
        return Arrays.copyOf(all, unique);
    }

    private static long[] pairs(Features[] records, Kind kind) {
        LongList entries = new LongList(records.length);
        for (int i = 0; i < records.length; i++) {
            int index = i;
            kind.keys().accept(records[i], key -> entries.add(LinkageEngine.pack(hash(kind.tag(), key), index)));
        }
        long[] sorted = entries.toArray();
        Arrays.sort(sorted);
        LongList pairs = new LongList(records.length);
        long mask = ~((1L << 23) - 1);
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || (sorted[i] & mask) != (sorted[start] & mask)) {
                int size = i - start;
                if (size >= 2 && size <= kind.limit()) {
                    for (int x = start; x < i; x++) {
                        for (int y = x + 1; y < i; y++) {
                            int a = LinkageEngine.index(sorted[x]), b = LinkageEngine.index(sorted[y]);
                            if (a != b) {
                                pairs.add(a < b ? ((long) a << 32) | b : ((long) b << 32) | a);
                            }
                        }
                    }
                }
                start = i;
            }
        }
        return pairs.toArray();
    }

    /**
     * Pairs that share one key, for estimating m: every record with the key, at most {@code cap} of each run (the
     * first by index), so that a common key does not flood the sample. Unlike {@link #pairs}, runs of any size count:
     * what the estimation needs is pairs selected by this key alone, whatever else they share.
     */
    static long[] sample(Features[] records, char tag, java.util.function.Function<Features, String> key, int cap) {
        LongList entries = new LongList(records.length);
        for (int i = 0; i < records.length; i++) {
            String k = key.apply(records[i]);
            if (!k.isEmpty()) {
                entries.add(LinkageEngine.pack(hash(tag, k), i));
            }
        }
        long[] sorted = entries.toArray();
        Arrays.sort(sorted);
        LongList pairs = new LongList(records.length);
        long mask = ~((1L << 23) - 1);
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || (sorted[i] & mask) != (sorted[start] & mask)) {
                int end = Math.min(i, start + cap);
                for (int x = start; x < end; x++) {
                    for (int y = x + 1; y < end; y++) {
                        int a = LinkageEngine.index(sorted[x]), b = LinkageEngine.index(sorted[y]);
                        if (a != b) {
                            pairs.add(a < b ? ((long) a << 32) | b : ((long) b << 32) | a);
                        }
                    }
                }
                start = i;
            }
        }
        return pairs.toArray();
    }

    /** 64-bit FNV-1a of the tag and the key. */
    static long hash(char tag, String key) {
        long h = 0xcbf29ce484222325L;
        h = (h ^ tag) * 0x100000001b3L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        // spread the low bits into the high ones, which are the ones kept
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return h;
    }

    /** A growable array of longs. */
    static final class LongList {
        private long[] values;
        private int size;

        LongList(int capacity) {
            values = new long[Math.max(16, capacity)];
        }

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
