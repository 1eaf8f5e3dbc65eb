package io.creditsuite.reconcile.application.full;

/** A pass over a table in chunks of ids ({@link IdCursor}); it covers every scope but one customer's. */
abstract class IdChunkedPass implements FullCheckPass {
    private final String name;
    protected final long chunkIds;

    IdChunkedPass(String name, long chunkIds) {
        if (chunkIds < 1) {
            throw new IllegalArgumentException("chunks of at least 1 id, not " + chunkIds);
        }
        this.name = name;
        this.chunkIds = chunkIds;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean covers(FullCheckScope scope) {
        return scope.kind() != FullCheckScope.Kind.CUSTOMER;
    }
}
