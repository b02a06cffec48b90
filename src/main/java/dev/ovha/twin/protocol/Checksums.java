package dev.ovha.twin.protocol;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The digests AWS puts in headers, in AWS's spelling: {@code x-amz-checksum-crc32} and friends are the
 * base64 of the big-endian digest bytes ("hello world\n" → CRC32 {@code rwg7LQ==}), {@code Content-MD5}
 * is base64, {@code x-amz-content-sha256} is lower-case hex.
 */
public final class Checksums {

    private Checksums() {
    }

    /**
     * The base64 checksum of {@code data} with an additional-checksum algorithm ({@code CRC32},
     * {@code CRC32C}, {@code SHA1}, {@code SHA256}); empty for an algorithm the twin cannot compute
     * (CRC64NVME), whose values are then taken on trust.
     */
    public static Optional<String> base64(String algorithm, byte[] data) {
        byte[] digest = switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "CRC32" -> crc(new CRC32(), data);
            case "CRC32C" -> crc(new CRC32C(), data);
            case "SHA1" -> digest("SHA-1", data);
            case "SHA256" -> digest("SHA-256", data);
            default -> null;
        };
        return Optional.ofNullable(digest).map(d -> Base64.getEncoder().encodeToString(d));
    }

    /** How many bytes a digest of this algorithm has; 0 if unknown. */
    public static int length(String algorithm) {
        return switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "CRC32", "CRC32C" -> 4;
            case "CRC64NVME" -> 8;
            case "SHA1" -> 20;
            case "SHA256" -> 32;
            default -> 0;
        };
    }

    public static String md5Base64(byte[] data) {
        return Base64.getEncoder().encodeToString(digest("MD5", data));
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(digest("SHA-256", data));
    }

    private static byte[] crc(Checksum crc, byte[] data) {
        crc.update(data, 0, data.length);
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }
}
