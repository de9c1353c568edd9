package org.painlab.core.ui.internal.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.factory.Maps;
import org.eclipse.collections.api.factory.Sets;
import org.eclipse.collections.api.factory.primitive.IntLists;
import org.eclipse.collections.api.list.MutableList;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.api.set.MutableSet;
import org.junit.jupiter.api.Test;

/**
 * NatTable's collections library must find its factory implementations inside OSGi without a
 * service-loader mediator (see bundles/org.painlab.collections.osgi/about.txt). Without the
 * fragment the API hands out proxies that throw on first use.
 */
class EclipseCollectionsFactoriesTest {

    @Test
    void apiFactoriesAreTheImplementationsNotProxies() {
        MutableList<String> list = Lists.mutable.with("b", "a");
        list.sortThis();
        assertEquals(java.util.List.of("a", "b"), list);
        MutableSet<Integer> set = Sets.mutable.with(1, 2, 2);
        assertEquals(2, set.size());
        assertEquals(1, Maps.mutable.of("k", 1).size());
        MutableIntList ints = IntLists.mutable.with(3, 1, 2);
        assertEquals(6, ints.sum());
        for (Object o : new Object[] {Lists.mutable, Sets.mutable, Maps.mutable, IntLists.mutable}) {
            assertTrue(o.getClass().getName().startsWith("org.eclipse.collections.impl."), o.getClass().getName());
        }
    }
}
