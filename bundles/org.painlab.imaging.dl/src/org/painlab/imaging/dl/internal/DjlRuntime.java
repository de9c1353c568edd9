package org.painlab.imaging.dl.internal;

import java.util.concurrent.Callable;

/**
 * Runs code that touches Deep Java Library the way DJL works inside OSGi. DJL finds its engine with
 * {@link java.util.ServiceLoader} and its native libraries as class-path resources, both through the
 * thread context class loader; on an Equinox worker thread that loader does not see this bundle's embedded
 * jars ("Deep learning engine not found: PyTorch"), so it is set to this bundle's loader for the call.
 * Offline mode is switched on before the first DJL class is loaded, so DJL never downloads libtorch or
 * calls home: the natives come from the embedded pytorch-native-cpu jar.
 */
final class DjlRuntime {
    /** The PyTorch engine's name in DJL. */
    static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /** Calls {@code work} with DJL's offline settings in force and this bundle's loader as context loader. */
    static <T> T call(Callable<T> work) throws Exception {
        offline();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlRuntime.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * DJL reads these as environment variables or system properties; a user's explicit setting wins (the
     * only one that may sensibly differ is DJL_CACHE_DIR, where libtorch is unpacked once, ~430 MB).
     */
    private static void offline() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("DJL_OFFLINE", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
