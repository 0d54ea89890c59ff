package com.nusomi.recorder.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of random test values from a seeded {@link Random}, with the few combinators the fuzz test needs:
 * a choice among values or generators (evenly or by weight), mapping, lists and strings. The same seed gives the
 * same values, so a failure is reproduced by running again with the seed it reports.
 */
@FunctionalInterface
interface Gen<T> {
    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> f.apply(next(r));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** Lists of {@code min} to {@code max} values (both inclusive). */
    default Gen<List<T>> list(int min, int max) {
        return r -> {
            int n = min + r.nextInt(max - min + 1);
            List<T> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(next(r));
            }
            return values;
        };
    }

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // List.of copies the array and never stores into it
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    static <T> Gen<T> of(List<T> values) {
        List<T> copy = List.copyOf(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return r -> gens[r.nextInt(gens.length)].next(r);
    }

    /** {@code weight1, gen1, weight2, gen2, ...}: each generator is picked in proportion to its weight. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // no generic array creation in Java
    static <T> Gen<T> frequency(Object... weightsAndGens) {
        int n = weightsAndGens.length / 2;
        int[] weights = new int[n];
        Gen<? extends T>[] gens = new Gen[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = (Integer) weightsAndGens[2 * i];
            gens[i] = (Gen<? extends T>) weightsAndGens[2 * i + 1];
            total += weights[i];
        }
        int sum = total;
        return r -> {
            int pick = r.nextInt(sum);
            for (int i = 0; i < n; i++) {
                pick -= weights[i];
                if (pick < 0) {
                    return gens[i].next(r);
                }
            }
            throw new IllegalStateException("weights changed");
        };
    }

    /**
     * Strings of up to {@code maxLength} chars of any kind: mostly ASCII, often other BMP characters (control
     * characters, lone surrogate halves and non-characters included), now and then a supplementary character.
     */
    static Gen<String> anyString(int maxLength) {
        return r -> {
            int n = r.nextInt(maxLength + 1);
            StringBuilder s = new StringBuilder(n);
            while (s.length() < n) {
                int kind = r.nextInt(10);
                if (kind < 6) {
                    s.append((char) r.nextInt(0x80));
                } else if (kind < 9) {
                    s.append((char) r.nextInt(0x10000));
                } else {
                    s.appendCodePoint(0x10000 + r.nextInt(0x100000));
                }
            }
            return s.length() > n ? s.substring(0, n) : s.toString();
        };
    }

    /** Strings of up to {@code maxLength} chars from {@code first} to {@code last}. */
    static Gen<String> strings(char first, char last, int maxLength) {
        return r -> {
            int n = r.nextInt(maxLength + 1);
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                s.append((char) (first + r.nextInt(last - first + 1)));
            }
            return s.toString();
        };
    }

    /** Byte arrays of up to {@code maxLength} random bytes. */
    static Gen<byte[]> bytes(int maxLength) {
        return r -> {
            byte[] b = new byte[r.nextInt(maxLength + 1)];
            r.nextBytes(b);
            return b;
        };
    }
}
