package dev.ovha.twin.state;

/**
 * The additional checksum an object was uploaded with, as S3 keeps it: the algorithm ({@code CRC32},
 * {@code CRC32C}, {@code SHA1}, {@code SHA256}, {@code CRC64NVME}) and the base64 value of the whole object.
 */
public record ObjectChecksum(String algorithm, String value) {
}
