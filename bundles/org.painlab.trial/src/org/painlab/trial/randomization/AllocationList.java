package org.painlab.trial.randomization;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A generated allocation list: the request it came from and one {@link Allocation} per seq. The
 * allocations are stored as primitive arrays; {@link #allocations()} is a read-only view that creates
 * each {@link Allocation} on access.
 *
 * @since 0.1
 */
public final class AllocationList {

    private final AllocationRequest request;
    private final int[] arm;
    private final int[] block;
    private final int[] stratum;
    private final String[] stratumLabels;
    private final String[] armCodes;

    AllocationList(AllocationRequest request, int[] arm, int[] block, int[] stratum, String[] stratumLabels) {
        this.request = request;
        this.arm = arm;
        this.block = block;
        this.stratum = stratum;
        this.stratumLabels = stratumLabels;
        this.armCodes = request.arms().toArray(new String[0]);
    }

    /**
     * The request.
     *
     * @return the request
     */
    public AllocationRequest request() {
        return request;
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return request.seed();
    }

    /**
     * The method.
     *
     * @return the method
     */
    public AllocationRequest.Method method() {
        return request.method();
    }

    /**
     * Number of allocations (= n).
     *
     * @return the size
     */
    public int size() {
        return arm.length;
    }

    /**
     * The allocation of a seq.
     *
     * @param seq 1..n
     * @return the allocation
     */
    public Allocation get(int seq) {
        int i = seq - 1;
        if (i < 0 || i >= arm.length) {
            throw new IndexOutOfBoundsException("seq must be in 1.." + arm.length + ", was " + seq);
        }
        return new Allocation(seq, armCodes[arm[i]],
                request.method() == AllocationRequest.Method.SIMPLE ? null : block[i],
                stratum[i] < 0 ? null : stratumLabels[stratum[i]]);
    }

    /**
     * The arm code of a seq, without creating an {@link Allocation}.
     *
     * @param seq 1..n
     * @return the arm code
     */
    public String armOf(int seq) {
        return armCodes[arm[seq - 1]];
    }

    /**
     * All allocations in seq order (a read-only view).
     *
     * @return the list
     */
    public List<Allocation> allocations() {
        return new View();
    }

    /**
     * How many subjects each arm got, in arm order.
     *
     * @return arm code to count
     */
    public Map<String, Integer> armCounts() {
        int[] c = new int[armCodes.length];
        for (int a : arm) {
            c[a]++;
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int a = 0; a < armCodes.length; a++) {
            m.put(armCodes[a], c[a]);
        }
        return m;
    }

    /**
     * Stratum labels in order of first appearance (empty when unstratified).
     *
     * @return the labels
     */
    public List<String> strata() {
        return List.of(stratumLabels);
    }

    /**
     * The JSON shape of {@code painlab trial randomize --json}: {@code {"seed":S,"method":"...",
     * "arms":[...],"ratio":[...],"block_sizes":[...],"n":N,"allocations":[{"seq":1,"arm":"S","block":1,
     * "stratum":null},...]}}.
     *
     * @return a new ordered map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", request.seed());
        m.put("method", request.method().code());
        m.put("arms", request.arms());
        List<Integer> ratio = new ArrayList<>();
        for (int w : request.ratio()) {
            ratio.add(w);
        }
        m.put("ratio", ratio);
        List<Integer> sizes = new ArrayList<>();
        for (int s : request.blockSizes()) {
            sizes.add(s);
        }
        m.put("block_sizes", sizes);
        m.put("n", size());
        List<Map<String, Object>> list = new ArrayList<>(size());
        for (int seq = 1; seq <= size(); seq++) {
            list.add(get(seq).toMap());
        }
        m.put("allocations", list);
        return m;
    }

    private final class View extends AbstractList<Allocation> implements RandomAccess {
        @Override
        public Allocation get(int index) {
            return AllocationList.this.get(index + 1);
        }

        @Override
        public int size() {
            return arm.length;
        }
    }
}
