package dev.ovha.twin.state.fis;

/**
 * FIS refused a request, with the kind of refusal (which the service turns into ValidationException
 * 400, ResourceNotFoundException 404 or ConflictException 409) and FIS's wording.
 */
public final class FisRejection extends RuntimeException {

    public enum Kind { VALIDATION, NOT_FOUND, CONFLICT }

    private final Kind kind;

    private FisRejection(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FisRejection validation(String message) {
        return new FisRejection(Kind.VALIDATION, message);
    }

    public static FisRejection notFound(String message) {
        return new FisRejection(Kind.NOT_FOUND, message);
    }

    public static FisRejection conflict(String message) {
        return new FisRejection(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
