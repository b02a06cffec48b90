package dev.ovha.openvidu;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.http.conn.ClientConnectionManager;
import org.apache.http.impl.conn.PoolingClientConnectionManager;

/**
 * The TLS connections to the stack kept open between calls, one pool per set of trusted CAs. A fresh
 * handshake per call costs 50-100 ms, and an observation such as "every master restarted" is a
 * sweep of about twenty calls. Reuse does not change which master answers: an ALB balances each
 * request, not each connection. The pools are shared because drivers are made anew for many steps.
 */
final class KeptAliveConnections {
    /** More than the few calls a step makes at once; a sweep is sequential. */
    static final int PER_ROUTE = 8;
    private static final int TOTAL = 32;
    /** Well under the ALB's default idle timeout (60 s), so we never send on a connection it has dropped. */
    static final long IDLE_SECONDS = 20;

    private static final Map<Optional<String>, PoolingClientConnectionManager> POOLS = new ConcurrentHashMap<>();

    private KeptAliveConnections() {
    }

    /** The pool for connections trusting these extra CAs (TLS is set up per connection by the caller). */
    @SuppressWarnings("deprecation")
    static ClientConnectionManager trusting(Optional<String> caPem) {
        PoolingClientConnectionManager pool = POOLS.computeIfAbsent(caPem, key -> {
            PoolingClientConnectionManager fresh = new PoolingClientConnectionManager();
            fresh.setDefaultMaxPerRoute(PER_ROUTE);
            fresh.setMaxTotal(TOTAL);
            return fresh;
        });
        evictIdle();
        return pool;
    }

    /**
     * Closes connections idle too long, in every pool, instead of a background thread: it runs before
     * each call, which is the only moment a stale connection could hurt.
     */
    @SuppressWarnings("deprecation")
    static void evictIdle() {
        for (PoolingClientConnectionManager pool : POOLS.values()) {
            pool.closeExpiredConnections();
            pool.closeIdleConnections(IDLE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Connections open now towards any host (leased plus idle), for tests. */
    @SuppressWarnings("deprecation")
    static int open(Optional<String> caPem) {
        PoolingClientConnectionManager pool = POOLS.get(caPem);
        return pool == null ? 0 : pool.getTotalStats().getLeased() + pool.getTotalStats().getAvailable();
    }

    /** Connections lent out and not yet given back, for tests: after a call it must be zero. */
    @SuppressWarnings("deprecation")
    static int leased(Optional<String> caPem) {
        PoolingClientConnectionManager pool = POOLS.get(caPem);
        return pool == null ? 0 : pool.getTotalStats().getLeased();
    }
}
